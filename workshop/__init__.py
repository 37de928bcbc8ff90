"""Rejection Resilience Workshop: the core (store, participants, safety, scoring, review, CLI). No UI code."""
