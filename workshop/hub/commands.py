"""`workshop hub ...`: what a facilitator does for the workshop's JupyterHub (see workshop.hub.auth).

- ``codes``: make a cohort, or add codes to one; print the codes (and a new cohort's token, once) and write
  a sheet of slips to cut out and hand to participants (PDF, ReportLab, as workshop.handouts);
- ``cohorts``: the cohorts and how many codes each has (never a token: only its hash is kept);
- ``withdraw``: take a code off its cohort, so it can no longer sign in;
- ``facilitator-password``: a password hash for ``c.ParticipantCodeAuthenticator.facilitators``.

Run them as the account that runs the hub, with the hub's WORKSHOP_HUB_DIR, so the hub reads the same file.
"""

from __future__ import annotations

import argparse
import getpass
import io
import re
import sys
from pathlib import Path
from typing import Any

from workshop.errors import WorkshopError
from workshop.handouts import PAPERS, WORKSHOP_NAME

SLIP_NAME_LINE = "You never need to type your name. Your code is all the workshop knows about you."
SLIP_KEEP_LINE = "Keep this slip private: your code and the token open your answers."
SLIP_NO_ADDRESS = "the address your facilitator gives you"
SLIP_WRITE_IN = "(your facilitator writes it here)"
SHEET_INSTRUCTIONS = "Cut along the dashed lines and give one slip to each participant. Shred the slips you do not use."
PARTICIPANT_TEXTS = (SLIP_NAME_LINE, SLIP_KEEP_LINE)
SLIP_HEIGHT_MM = 50.0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    hub = subparsers.add_parser(
        "hub",
        help="the workshop on JupyterHub: participant codes and cohort tokens, facilitators' passwords",
        description=(
            "For the workshop's JupyterHub: participants sign in with a code and their cohort's token, "
            "facilitators with a password or the clinic's own sign-in. Run these as the account that runs "
            "the hub, with its WORKSHOP_HUB_DIR."
        ),
    )
    commands = hub.add_subparsers(title="hub commands", metavar="COMMAND")

    codes = commands.add_parser(
        "codes",
        help="make a cohort or add codes to it; print them and write a sheet of slips to hand out (PDF)",
        description=(
            "Make the cohort NAME (with a new token) or add codes to it, print the new codes and, for a new "
            "cohort, its token (shown this once: only a hash of it is kept), and write a sheet of slips to cut "
            "out, one per participant, with the hub's address, their code and the token."
        ),
    )
    codes.add_argument("--cohort", required=True, metavar="NAME", help="the cohort (a group that meets together)")
    codes.add_argument("--count", type=int, default=12, help="how many new codes (default: 12)")
    codes.add_argument("--hub-url", default="", metavar="URL", help="the hub's address, printed on every slip")
    codes.add_argument("--out", type=Path, default=None, metavar="FILE", help="the sheet (default: codes-NAME.pdf)")
    codes.add_argument("--paper", choices=PAPERS, default="a4", help="paper size (default: a4)")
    codes.add_argument(
        "--new-token",
        action="store_true",
        help="give an existing cohort a new token (the old one stops working for all its codes)",
    )
    codes.set_defaults(func=_codes)

    listing = commands.add_parser("cohorts", help="list the cohorts and how many codes each has")
    listing.set_defaults(func=_cohorts)

    withdraw = commands.add_parser(
        "withdraw", help="take a participant code off its cohort: it can no longer sign in to the hub"
    )
    withdraw.add_argument("code", metavar="CODE")
    withdraw.set_defaults(func=_withdraw)

    password = commands.add_parser(
        "facilitator-password",
        help="set a facilitator's sign-in password (kept as a hash in the hub's folder)",
        description=(
            "Ask for a facilitator's password (twice, not shown), print its salted hash and keep it in "
            "WORKSHOP_HUB_DIR/facilitators.json, which deploy/jupyterhub/jupyterhub_config.py reads when the hub "
            "starts (restart the hub after a change). The password itself is not kept anywhere."
        ),
    )
    password.add_argument("--name", default="facilitator", help="the facilitator's sign-in name, for the config line")
    password.set_defaults(func=_facilitator_password)

    hub.set_defaults(func=lambda _args: hub.print_help() or 2)


def sheet_path(cohort: str, folder: Path = Path()) -> Path:
    """``codes-NAME.pdf`` in ``folder``, or ``codes-NAME-2.pdf`` and so on: an earlier sheet is never replaced."""
    stem = "codes-" + re.sub(r"[^A-Za-z0-9._-]+", "-", cohort).strip("-")
    path, number = folder / f"{stem}.pdf", 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.pdf"
    return path


def _codes(args: argparse.Namespace) -> int:
    from workshop.hub.cohorts import CohortsFile

    if args.out is not None and args.out.exists():  # checked first: the codes would be issued with no sheet
        raise WorkshopError(f"{args.out} exists already: choose another --out (no codes were made).")
    cohorts = CohortsFile()
    issued = cohorts.issue_codes(args.cohort, args.count, replace_token=args.new_token)
    out = args.out or sheet_path(issued.cohort)
    if issued.codes:
        out.write_bytes(slips_pdf(issued.codes, issued.token, args.hub_url, args.paper))
    made = "Made the cohort" if issued.created else "Added to the cohort"
    print(f"{made} {issued.cohort!r} ({cohorts.path}): {len(issued.codes)} new code(s).")
    for code in issued.codes:
        print(f"  {code}")
    if issued.token is not None:
        print(f"Cohort token: {issued.token}")
        print("  Shown this once: only a hash of it is kept. It is on every slip of the sheet.")
        if not issued.created:
            print("  The cohort's old token no longer works: give the new one to everyone in it.")
    else:
        print("The cohort keeps its token (printed when it was made). The slips leave a line to write it on.")
    if issued.codes:
        print(f"Slips to cut out: {out.resolve()} (keep it private; shred the slips you do not use).")
    return 0


def _cohorts(_args: argparse.Namespace) -> int:
    from workshop.hub.cohorts import CohortsFile

    cohorts = CohortsFile()
    found = cohorts.load()
    if not found:
        print(f"No cohorts yet ({cohorts.path}). Make one with `workshop hub codes --cohort NAME`.")
        return 0
    for cohort in found.values():
        print(f"{cohort.name}: {len(cohort.codes)} code(s), made {cohort.created_at}")
    return 0


def _withdraw(args: argparse.Namespace) -> int:
    from workshop.hub.cohorts import CohortsFile

    cohort = CohortsFile().withdraw(args.code)
    if cohort is None:
        raise WorkshopError(f"{args.code!r} is not a code of any cohort on this hub.")
    print(
        f"Withdrew the code from {cohort!r}: it cannot sign in any more (a session open now ends within minutes). "
        "Its answers stay on its server until you erase them."
    )
    return 0


def _ask_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")  # e.g. from a password manager's pipe
    first = getpass.getpass("Facilitator's password: ")
    if getpass.getpass("The same again: ") != first:
        raise WorkshopError("the two passwords differ; nothing was printed.")
    return first


def _facilitator_password(args: argparse.Namespace) -> int:
    from workshop.hub.cohorts import check_facilitator_name
    from workshop.hub.passwords import hash_secret

    name = check_facilitator_name(args.name)
    secret = _ask_password()
    if len(secret) < 12:
        raise WorkshopError("use a password of 12 characters or more (a few words are easy to remember).")
    hashed = hash_secret(secret)
    saved = save_facilitator(name, hashed)
    print(hashed)
    print(f"Saved for {name!r} in {saved}: deploy/jupyterhub/jupyterhub_config.py reads it when the hub starts.")
    print(f'In a configuration of your own: c.ParticipantCodeAuthenticator.facilitators = {{"{name}": "{hashed}"}}')
    return 0


FACILITATORS_FILE = "facilitators.json"


def save_facilitator(name: str, hashed: str, folder: Path | None = None) -> Path:
    """Keep ``name``'s password hash in ``<hub dir>/facilitators.json`` (private), replacing an earlier one."""
    import json

    from workshop.hub.cohorts import hub_dir
    from workshop.permissions import private_dir, write_private

    path = private_dir(folder or hub_dir()) / FACILITATORS_FILE
    try:
        known = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        raise WorkshopError(f"{path} is damaged (not JSON): fix or remove it, then set the passwords again.") from None
    known[name] = hashed
    write_private(path, json.dumps(known, indent=2, sort_keys=True) + "\n")
    return path


# --- the sheet of slips -----------------------------------------------------------------------------------------


def slips_pdf(codes: list[str], token: str | None, hub_url: str, paper: str = "a4") -> bytes:
    """One slip per code, to cut out: the hub's address, the code, the cohort's token, and that no name is needed."""
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from workshop.handouts import MARGIN_MM, fonts

    if paper not in PAPERS:
        raise WorkshopError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}.")
    f = fonts()
    width, height = A4 if paper == "a4" else LETTER
    margin, slip = MARGIN_MM * mm, SLIP_HEIGHT_MM * mm
    per_page = int((height - 2 * margin - 10 * mm) // slip)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=True)
    title = f"{WORKSHOP_NAME}: sign-in slips"
    canvas.setTitle(title)
    canvas.setAuthor(WORKSHOP_NAME)
    canvas.setSubject(title)
    canvas.setCreator(WORKSHOP_NAME)
    address = hub_url or SLIP_NO_ADDRESS
    for start in range(0, len(codes), per_page):
        canvas.setFont(f.italic, 9)
        canvas.setFillGray(0)
        canvas.drawString(margin, height - margin, SHEET_INSTRUCTIONS)
        top = height - margin - 8 * mm
        for n, code in enumerate(codes[start : start + per_page]):
            _slip(canvas, f, margin, top - (n + 1) * slip, width - 2 * margin, slip, code, token, address)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _slip(
    canvas: Any, f: Any, x: float, y: float, w: float, h: float, code: str, token: str | None, address: str
) -> None:
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    canvas.saveState()
    canvas.setDash(4, 3)
    canvas.setLineWidth(0.6)
    canvas.setStrokeGray(0)
    canvas.rect(x, y, w, h)
    canvas.restoreState()
    left, line = x + 6 * mm, y + h - 8 * mm
    canvas.setFont(f.bold, 12)
    canvas.drawString(left, line, WORKSHOP_NAME)
    rows = (
        ("Go to:", address, 10.5),
        ("Participant code:", code, 12.5),
        ("Cohort token:", token or SLIP_WRITE_IN, 12.5),
    )
    for label, value, size in rows:
        line -= 7.5 * mm
        canvas.setFont(f.regular, 10)
        canvas.drawString(left, line, label)
        room = x + w - 6 * mm - (left + 34 * mm)
        while size > 7 and stringWidth(value, f.bold, size) > room:  # a long address shrinks to fit
            size -= 0.5
        canvas.setFont(f.bold, size)
        canvas.drawString(left + 34 * mm, line, value)
    canvas.setFont(f.regular, 9.5)
    canvas.drawString(left, line - 8 * mm, SLIP_NAME_LINE)
    canvas.drawString(left, line - 12.5 * mm, SLIP_KEEP_LINE)
