"""coopwatch: offline news intelligence for Kazakhstan's international cooperation."""

__version__ = "0.1.0"
