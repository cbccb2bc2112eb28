"""English: event cues, titles before the name (Governor Saktaganov) or after it (Vassilenko, Deputy Minister)."""

from coopwatch.events.base import Tables

TABLES = Tables(
    summit=r"summits?|(?:consultative\s+)?meeting\s+of\s+(?:the\s+)?heads\s+of\s+state",
    state_visit=r"(?:state|official)\s+visit\w*",
    host_leader=r"head\s+of\s+state|kazakh(?:stan(?:'s|’s)?)?\s+(?:president|leader|counterpart)|president\s+of\s+kazakhstan",
    leaders=r"presidents|leaders|heads\s+of\s+state",
    remote=r"(?:tele)?phone\s+(?:call|conversation|talks?)|by\s+(?:tele)?phone|(?:tele)?phoned|video\s*(?:call|link|conference)\w*"
    r"|videoconferenc\w*|spoke\s+on\s+the\s+(?:tele)?phone",
    cues={
        "agreement": r"signed|signs?|signing|agreed|agrees?"
        r"|agreements?\s+(?:was|were)\s+(?:reached|concluded)"
        r"|reached\s+(?:\w+\s+){0,2}(?:agreements?|deal|accord|consensus)|concluded\s+(?:\w+\s+){0,2}"
        r"(?:agreements?|contracts?|deal)|adopted|inked|ratified",
        "visit": r"visit\w*|delegations?|arrived",
        "meeting": r"met|meet|meets|meetings?|talks|negotiat\w*|consultations?|discuss\w*|summit\w*"
        r"|phone\s+call|telephone\s+conversation",
        "proposal": r"propos\w*|suggest\w*|offered|called\s+for",
        "project": r"launch\w*|opened|built|build(?:s|ing)?|construct\w*|commissioned|establish\w*|set\s+up",
    },
    roles=(
        (
            None,
            r"vice[-\s]presidents?|first\s+lady"
            r"|deputy\s+(?:chair\w*|directors?|akims?|governors?|heads?|ambassadors?)",
        ),
        (
            "deputy_minister",
            r"deputy\s+(?:\w+\s+){0,2}ministers?|vice[-\s](?:\w+\s+)?ministers?"
            r"|vice[-\s]premiers?",
        ),
        ("prime_minister", r"prime\s+ministers?|premiers?"),
        ("minister", r"ministers?|foreign\s+secretary"),
        ("president", r"presidents?|head\s+of\s+state"),
        ("akim", r"akims?|governors?"),
        ("ambassador", r"ambassador\s+extraordinary\s+and\s+plenipotentiary|ambassadors?|envoys?"),
        ("chancellor", r"chancellors?"),
        ("chair", r"chair(?:man|woman|person)?"),
        ("director", r"(?:managing\s+)?directors?(?:[-\s]general)?|ceo|chief\s+executive(?:\s+officer)?"),
    ),
    modifiers=r"of|the|to|in|for|at|foreign|affairs|region|oblast|republic",
    host_before=r"to|in|at|(?:to|in|at)\s+the",
    place_before=r"in|at|(?:in|at)\s+the(?:\s+city\s+of)?|in\s+the\s+city\s+of",
    visit_place_before=r"to|to\s+the(?:\s+city\s+of)?",
    not_yet_before=r"\b(?:not|never|no|didn't|did\s+not|failed\s+to|refused\s+to|could|can|may|might|would|will"
    r"|shall|should|expected\s+to|plans?\s+to|planned\s+to|intends?\s+to|intended\s+to|hopes?\s+to|ready\s+to"
    r"|to|proposed|before|previously|earlier|implement\w*|implementation\s+of)\s+(?:\w+\s+){0,2}$",
)
