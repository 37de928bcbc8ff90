"""Facilitator review with nbgrader: the course, submissions, import, autograde and feedback.

Split the way nbgrader splits its own work: ``build`` (course and review notebooks from module.toml),
``submission`` (a filled review notebook from stored answers), ``importer`` (downloaded files),
``autograde``, ``feedback``, ``exchange`` (release, submit, collect and feedback through nbgrader's exchange,
under JupyterHub) and ``commands`` (the ``workshop review`` CLI group).
"""

from __future__ import annotations

from workshop.review.feedback import Feedback, feedback_for

__all__ = ["Feedback", "feedback_for"]
