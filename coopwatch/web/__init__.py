"""The dashboard and JSON API over the knowledge base (`coopwatch serve`): read-only, local, no CDN."""

from __future__ import annotations

from coopwatch.web.app import create_app

__all__ = ["create_app"]
