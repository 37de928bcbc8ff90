"""Errors whose message is written for a person (facilitator or participant), not a traceback."""


class WorkshopError(Exception):
    """Base of every error the CLI or a page shows as a plain message."""
