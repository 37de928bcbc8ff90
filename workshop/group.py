"""The group at a glance, for the facilitator's dashboard: reads across participants, and aggregates.

Everything here is plain data from the store, the module declarations and the nbgrader course; the
dashboard (``widgets/dashboard.py``) only lays it out. One ``snapshot()`` reads the store once; the
sections (now, flags, progress, practice, change, the group view and the CSV export) are computed from it.

What each value means comes from its exercise kind (``distress``, ``checkin_id``,
``prediction_outcomes``, ``is_answered``, ``summarize``), and the measures' change from
``workshop.measures.changes``, the same one the participant's own chart uses.

The group view is for a shared screen: aggregates only, no participant code, no free text, no single
answer (no minimum or maximum), and any figure that rests on fewer than ``MIN_GROUP`` people is replaced
by "fewer than 3". Practice and measure figures count people, not entries, for this rule.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from statistics import mean
from typing import Any

from workshop import safety
from workshop.exercises import Exercise, Module
from workshop.measures import Change, changes
from workshop.store import Acknowledgement, Flag, ResponseStore, Revision

# A figure shown to the group must rest on at least this many people.
MIN_GROUP = 3
# "Who has not come back": no answer saved and no visit through a group server for this long.
AWAY_AFTER = timedelta(days=7)
# How much of the feared outcome happened, in the practice log's own scale (yes 100, partly 50, no 0).
OUTCOME_WORDS = {100: "yes", 50: "partly", 0: "no"}
MEASURE_NAMES = {
    "rses": "Self-esteem (Rosenberg scale, 0 to 30)",
    "scs-sf": "Self-compassion (short scale, 1 to 5)",
    "fear": "Fear ratings of the situations each person named (0 to 100, each situation)",
}
NOT_A_DIAGNOSIS = (
    "These are self-report questionnaires and personal ratings, not diagnoses. They have no cut-offs here. "
    "Numbers move for many reasons (the week someone had, how they read a question), so a change is something "
    "to talk about with the person, not a result or a verdict."
)


@dataclass(frozen=True)
class Snapshot:
    """One read of the store for a group: the members, their latest answers, flags and acknowledgements."""

    cohort: str | None  # None: everyone the store knows
    participants: list[str]
    modules: list[Module]
    answers: dict[str, dict[str, Revision]]  # participant -> exercise id -> latest revision
    last_seen: dict[str, datetime]
    flags: list[Flag]  # the members' flags (everyone's when cohort is None)
    acknowledgements: dict[int, list[Acknowledgement]]
    new_flags_elsewhere: int  # unacknowledged flags of people outside this cohort
    submitted: dict[tuple[str, str], datetime]  # (participant, module key) -> when it was last submitted
    read_at: datetime

    @property
    def exercises(self) -> dict[str, Exercise]:
        return {exercise.id: exercise for module in self.modules for exercise in module.exercises}


def members(store: ResponseStore, cohort: str | None) -> list[str]:
    """The codes of a cohort (in the order they joined), or of everyone in the store when ``cohort`` is None."""
    if cohort is None:
        return store.participant_codes()
    return [membership.participant for membership in store.cohort_members(cohort)]


def submissions(
    course: Path | None, participants: Iterable[str], modules: Iterable[Module]
) -> dict[tuple[str, str], datetime]:
    """When each participant last submitted each module to the nbgrader course (group mode, or imported)."""
    found: dict[tuple[str, str], datetime] = {}
    if course is None or not (course / "submitted").is_dir():
        return found
    from workshop.review import course as course_files

    keys = [module.key for module in modules]
    for participant in participants:
        for key in keys:
            folder = course_files.submission_dir(course, participant, key)
            stamp = folder / "timestamp.txt"
            if stamp.is_file():
                when = course_files.read_timestamp(folder)
                found[(participant, key)] = when or datetime.fromtimestamp(stamp.stat().st_mtime, timezone.utc)
    return found


def snapshot(
    store: ResponseStore,
    cohort: str | None,
    modules: Sequence[Module],
    course: Path | None = None,
    now: datetime | None = None,
) -> Snapshot:
    """Read what the dashboard shows of ``cohort`` (None: everyone) in one go. ``modules``: the listed ones."""
    read_at = now or datetime.now(timezone.utc)
    codes = members(store, cohort)
    if cohort is None:
        flags = store.flags()
        elsewhere: list[Flag] = []
    else:
        everyone = store.flags()
        inside = set(codes)
        flags = [flag for flag in everyone if flag.participant in inside]
        elsewhere = [flag for flag in everyone if flag.participant not in inside]
    acknowledged = store.acknowledgements()
    listed = {flag.seq for flag in flags}
    return Snapshot(
        cohort=cohort,
        participants=codes,
        modules=list(modules),
        answers=store.latest_answers_of(codes),
        last_seen=store.last_seen(codes),
        flags=flags,
        acknowledgements={seq: acks for seq, acks in acknowledged.items() if seq in listed},
        new_flags_elsewhere=sum(1 for flag in elsewhere if flag.seq not in acknowledged),
        submitted=submissions(course, codes, modules),
        read_at=read_at,
    )


# ------------------------------------------------------------------------------------------------
# Now: each participant's latest distress rating
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DistressNow:
    participant: str
    exercise_id: str
    module_title: str
    kind: str  # "checkin", "checkout" or "pulse": which rating this is
    value: int
    saved_at: datetime
    previous: int | None  # the rating before this one (any module), for the change
    compared_with: int | None  # what "rising" is measured from: the module's check-in, else the previous rating
    high: bool
    rising: bool

    @property
    def change(self) -> int | None:
        return None if self.previous is None else self.value - self.previous

    @property
    def marks(self) -> list[str]:
        """What needs attention, in words (the dashboard never says it by colour alone)."""
        found = []
        if self.high:
            found.append(f"High ({self.value} is {safety.GROUNDING_THRESHOLD} or more)")
        if self.rising and self.compared_with is not None:
            found.append(f"Rising (up {self.value - self.compared_with} from {self.compared_with})")
        return found


def distress_now(snap: Snapshot) -> tuple[list[DistressNow], list[str]]:
    """Each participant's latest distress rating (high or rising first, then the most recent), and the codes
    of members who have given none yet."""
    exercises = snap.exercises
    titles = {exercise.id: module.title for module in snap.modules for exercise in module.exercises}
    rows, silent = [], []
    for participant in snap.participants:
        ratings = []
        for exercise_id, revision in snap.answers.get(participant, {}).items():
            exercise = exercises.get(exercise_id)
            value = exercise.distress(revision.value) if exercise is not None else None
            if exercise is not None and value is not None:
                ratings.append((revision.saved_at, exercise, value))
        if not ratings:
            silent.append(participant)
            continue
        ratings.sort(key=lambda item: item[0])
        saved_at, exercise, value = ratings[-1]
        previous = ratings[-2][2] if len(ratings) > 1 else None
        checkin = None
        if exercise.checkin_id:
            stored = snap.answers.get(participant, {}).get(exercise.checkin_id)
            checkin_exercise = exercises.get(exercise.checkin_id)
            if stored is not None and checkin_exercise is not None:
                checkin = checkin_exercise.distress(stored.value)
        compared = checkin if checkin is not None else previous
        rows.append(
            DistressNow(
                participant=participant,
                exercise_id=exercise.id,
                module_title=titles.get(exercise.id, exercise.module),
                kind=exercise.kind,
                value=value,
                saved_at=saved_at,
                previous=previous,
                compared_with=compared,
                high=value >= safety.GROUNDING_THRESHOLD,
                rising=compared is not None and value - compared >= safety.GROUNDING_RISE,
            )
        )
    rows.sort(key=lambda row: (not (row.high or row.rising), -row.saved_at.timestamp()))
    return rows, silent


# ------------------------------------------------------------------------------------------------
# Flags
# ------------------------------------------------------------------------------------------------

IMPORTED = "imported"


@dataclass(frozen=True)
class FlagRow:
    seq: int
    participant: str | None
    module: str
    exercise_id: str
    category: str
    raised_at: datetime
    words: str  # what raised it: the matched words, or the rating and why
    text: str  # the participant's whole text, for crisis language ("" otherwise)
    source: str  # "live" (raised on a page) or "imported" (found in a submission file by `workshop review import`)
    acknowledgements: tuple[Acknowledgement, ...] = ()

    @property
    def new(self) -> bool:
        return not self.acknowledgements


def describe(flag: Flag) -> tuple[str, str, str]:
    """(category, the words that raised it, the whole text) of one flag, in the facilitator's words."""
    details = flag.details
    if flag.kind == safety.FLAG_CRISIS_LANGUAGE:
        text = str(details.get("text", ""))
        words = str(details.get("words") or "")
        categories = [str(c) for c in details.get("categories") or [details.get("category")] if c]
        if not words and not categories:  # a flag recorded before the check named them: ask it again
            check = safety.check_crisis_language(text)
            words, categories = check.words, list(check.categories)
        what = "; ".join(safety.CATEGORIES.get(c, c.replace("_", " ")) for c in categories)
        category = f"Crisis language ({what})" if what else "Crisis language"
        return category, f"“{words}”" if words else "(see the text)", text
    if flag.kind == safety.FLAG_DISTRESS:
        value, checkin = details.get("value"), details.get("checkin")
        high = isinstance(value, int) and value >= safety.GROUNDING_THRESHOLD
        rose = isinstance(value, int) and isinstance(checkin, int) and value - checkin >= safety.GROUNDING_RISE
        category = "High and rising distress" if high and rose else "Rising distress" if rose else "High distress"
        words = f"distress {value}" + (f" (check-in was {checkin})" if checkin is not None else "")
        return category, words, ""
    return flag.kind.replace("_", " ").capitalize(), str(details)[:200], ""


def flag_rows(snap: Snapshot) -> list[FlagRow]:
    """New (unacknowledged) flags first, newest first; then acknowledged ones, most recently acknowledged first."""
    # Imported here: the review package pulls in nbformat (seconds), and the widgets package imports this
    # module on every participant's page.
    from workshop.review.safety_notes import FOUND_AT_IMPORT

    rows = []
    for flag in snap.flags:
        category, words, text = describe(flag)
        rows.append(
            FlagRow(
                seq=flag.seq,
                participant=flag.participant,
                module=flag.module,
                exercise_id=str(flag.details.get("exercise_id", "")),
                category=category,
                raised_at=flag.raised_at,
                words=words,
                text=text,
                source=IMPORTED if flag.details.get("found") == FOUND_AT_IMPORT else "live",
                acknowledgements=tuple(snap.acknowledgements.get(flag.seq, ())),
            )
        )
    new = sorted((r for r in rows if r.new), key=lambda r: r.raised_at, reverse=True)
    seen = sorted((r for r in rows if not r.new), key=lambda r: r.acknowledgements[-1].acknowledged_at, reverse=True)
    return new + seen


# ------------------------------------------------------------------------------------------------
# Progress
# ------------------------------------------------------------------------------------------------

NOT_STARTED, STARTED, SUBMITTED = "not started", "started", "submitted"


@dataclass(frozen=True)
class ModuleProgress:
    state: str  # NOT_STARTED, STARTED or SUBMITTED
    answered: int
    total: int
    submitted_at: datetime | None = None

    @property
    def share(self) -> float:
        return self.answered / self.total if self.total else 0.0

    def words(self) -> str:
        if self.state == NOT_STARTED:
            return "not started"
        answered = f"{self.answered} of {self.total} answered"
        return f"submitted, {answered}" if self.state == SUBMITTED else answered


@dataclass(frozen=True)
class ParticipantProgress:
    participant: str
    modules: dict[str, ModuleProgress]
    last_seen: datetime | None
    away: timedelta | None  # set when they have not come back for AWAY_AFTER or longer


def asked(module: Module) -> list[Exercise]:
    """The exercises of a module that ask something (worked examples do not count)."""
    return [exercise for exercise in module.exercises if not exercise.display_only]


def progress(snap: Snapshot) -> list[ParticipantProgress]:
    rows = []
    for participant in snap.participants:
        answers = snap.answers.get(participant, {})
        cells = {}
        for module in snap.modules:
            exercises = asked(module)
            started = any(exercise.id in answers for exercise in module.exercises)
            answered = sum(1 for e in exercises if e.id in answers and _answered(e, answers[e.id].value))
            submitted_at = snap.submitted.get((participant, module.key))
            state = SUBMITTED if submitted_at else STARTED if started else NOT_STARTED
            cells[module.key] = ModuleProgress(state, answered, len(exercises), submitted_at)
        seen = snap.last_seen.get(participant)
        away = snap.read_at - seen if seen is not None and snap.read_at - seen >= AWAY_AFTER else None
        rows.append(ParticipantProgress(participant, cells, seen, away))
    return rows


def _answered(exercise: Exercise, value: Any) -> bool:
    try:
        return exercise.is_answered(exercise.validate(value))
    except (ValueError, TypeError):
        return False  # saved under an older declaration: not counted, still in the participant's export


# ------------------------------------------------------------------------------------------------
# Practice: what was predicted against what happened
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PracticeSummary:
    """Practice attempts of one participant, or of the group (``participant`` None; ``people`` of them)."""

    participant: str | None
    people: int
    attempts: int
    predicted: float | None  # mean predicted likelihood, 0-100, over attempts that rated it
    happened: float | None  # how much of the feared outcome happened, 0-100 (yes 100, partly 50, no 0)
    outcomes: dict[str, int] = field(default_factory=dict)  # "yes" / "partly" / "no" -> attempts

    def sentence(self) -> str:
        who = self.participant or f"The group ({self.people} people)"
        if not self.attempts:
            return f"{who}: no practice recorded yet."
        predicted = "not rated" if self.predicted is None else f"{self.predicted:.0f}% on average"
        outcome = ", ".join(f"{word} {self.outcomes.get(word, 0)}" for word in ("yes", "partly", "no"))
        return (
            f"{who}: {self.attempts} attempt{'s' if self.attempts != 1 else ''}. How likely the feared outcome "
            f"seemed: {predicted}. Did it happen? {outcome}."
        )


def _practice(participant: str | None, people: int, pairs: list[tuple[int | None, int | None]]) -> PracticeSummary:
    predictions = [p for p, _ in pairs if p is not None]
    outcomes = [h for _, h in pairs if h is not None]
    return PracticeSummary(
        participant=participant,
        people=people,
        attempts=len(pairs),
        predicted=mean(predictions) if predictions else None,
        happened=mean(outcomes) if outcomes else None,
        outcomes={word: sum(1 for h in outcomes if h == value) for value, word in OUTCOME_WORDS.items()},
    )


def practice(snap: Snapshot) -> tuple[PracticeSummary, list[PracticeSummary]]:
    """The group's practice and each participant's (only those who recorded an attempt)."""
    exercises = snap.exercises
    per_person: dict[str, list[tuple[int | None, int | None]]] = {}
    for participant in snap.participants:
        for exercise_id, revision in snap.answers.get(participant, {}).items():
            exercise = exercises.get(exercise_id)
            pairs = [p for p in exercise.prediction_outcomes(revision.value) if p != (None, None)] if exercise else []
            if pairs:
                per_person.setdefault(participant, []).extend(pairs)
    rows = [_practice(code, 1, pairs) for code, pairs in per_person.items()]
    group = _practice(None, len(per_person), [pair for pairs in per_person.values() for pair in pairs])
    return group, rows


# ------------------------------------------------------------------------------------------------
# Change: the welcome and closing measures
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasureChange:
    """One measure over the group: people with both a start and an end, their mean start, end and change."""

    key: str
    name: str
    people: int
    pairs: int  # the fear ratings have up to three per person
    start: float | None
    end: float | None

    @property
    def change(self) -> float | None:
        return None if self.start is None or self.end is None else self.end - self.start


def participant_changes(snap: Snapshot) -> dict[str, list[Change]]:
    """participant -> their changes (as their own closing chart shows them), for those with any number."""
    found = {}
    for participant in snap.participants:
        answers = snap.answers.get(participant, {})
        welcome = {k: r.value for k, r in answers.items() if k.startswith("welcome.")}
        closing = {k: r.value for k, r in answers.items() if k.startswith("closing.")}
        items = [c for c in changes(welcome, closing) if c.start is not None or c.end is not None]
        if items:
            found[participant] = items
    return found


def measure_key(change: Change) -> str:
    return "fear" if change.key.startswith("fear") else change.key


def group_changes(per_person: dict[str, list[Change]]) -> list[MeasureChange]:
    """Mean start, end and change of each measure, over the people with both ends of it."""
    found = []
    for key, name in MEASURE_NAMES.items():
        pairs = [
            (participant, c.start, c.end)
            for participant, items in per_person.items()
            for c in items
            if measure_key(c) == key and c.start is not None and c.end is not None
        ]
        people = len({participant for participant, _, _ in pairs})
        found.append(
            MeasureChange(
                key=key,
                name=name,
                people=people,
                pairs=len(pairs),
                start=mean(s for _, s, _ in pairs) if pairs else None,
                end=mean(e for _, _, e in pairs) if pairs else None,
            )
        )
    return found


# ------------------------------------------------------------------------------------------------
# The group view: safe to show on a shared screen
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One number for the group, with how many people it rests on; hidden below MIN_GROUP people."""

    label: str
    value: float | None
    people: int
    unit: str = ""
    digits: int = 0
    signed: bool = False  # a change: "+6", "−15"

    @property
    def shown(self) -> bool:
        return self.value is not None and self.people >= MIN_GROUP

    def text(self) -> str:
        if self.value is None and self.people == 0:
            return "none yet"
        if not self.shown:
            return f"not shown (fewer than {MIN_GROUP} people)"
        if self.signed:
            return f"{self.value:+.{self.digits}f}{self.unit}".replace("-", "−")
        return f"{self.value:.{self.digits}f}{self.unit}"


@dataclass(frozen=True)
class GroupView:
    cohort: str | None
    people: Figure  # members of the group
    checked_in_today: Figure
    distress_today: Figure  # mean of today's latest ratings
    modules: list[tuple[str, Figure, Figure]]  # module title, people who started it, people who submitted it
    practice_people: Figure
    practice_predicted: Figure
    practice_happened: Figure
    measures: list[tuple[str, Figure, Figure, Figure]]  # name, mean at start, at end, mean change


def _count(label: str, people: int) -> Figure:
    return Figure(label, float(people) if people else None, people)


def group_view(snap: Snapshot, today: datetime | None = None) -> GroupView:
    """Aggregates only. Counts of people below MIN_GROUP are hidden like any other figure: "1 person is at
    high distress" or "2 people submitted" would point at someone in a small group."""
    local_today = (today or snap.read_at).astimezone().date()
    rows, _ = distress_now(snap)
    today_rows = [row for row in rows if row.saved_at.astimezone().date() == local_today]
    # The kinds' own summaries: mean and count (never minimum, maximum or distribution: those are single answers).
    distress = _summarize_distress([row.value for row in today_rows], snap)
    modules = []
    for module in snap.modules:
        started = sum(
            1
            for p in snap.participants
            if (p, module.key) in snap.submitted or any(e.id in snap.answers.get(p, {}) for e in module.exercises)
        )
        submitted = sum(1 for p in snap.participants if (p, module.key) in snap.submitted)
        modules.append((module.title, _count("started", started), _count("submitted", submitted)))
    group_practice, _ = practice(snap)
    practice_people = group_practice.people
    measures = []
    for change in group_changes(participant_changes(snap)):
        digits = 1 if change.key == "scs-sf" else 0
        measures.append(
            (
                change.name,
                Figure("at the start", change.start, change.people, digits=digits),
                Figure("at the end", change.end, change.people, digits=digits),
                Figure("mean change", change.change, change.people, digits=digits, signed=True),
            )
        )
    return GroupView(
        cohort=snap.cohort,
        people=_count("people in the group", len(snap.participants)),
        checked_in_today=_count("checked in today", len(today_rows)),
        distress_today=Figure("average distress today (0 to 100)", distress, len(today_rows)),
        modules=modules,
        practice_people=_count("people who recorded practice", practice_people),
        practice_predicted=Figure(
            "how likely the feared outcome seemed, on average", group_practice.predicted, practice_people, "%"
        ),
        practice_happened=Figure(
            "how much of it happened, on average (yes 100, partly 50, no 0)",
            group_practice.happened,
            practice_people,
            "%",
        ),
        measures=measures,
    )


def _summarize_distress(values: list[int], snap: Snapshot) -> float | None:
    """The mean, through the check-in kind's own summary."""
    rating = next((e for e in snap.exercises.values() if e.distress(0) is not None), None)
    if rating is None or not values:
        return None
    mean_value = rating.summarize(values).get("mean")
    return float(mean_value) if mean_value is not None else None


# ------------------------------------------------------------------------------------------------
# Export: CSV for the clinic's records (participant codes only)
# ------------------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """A CSV cell. Text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat(timespec="seconds")
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


def progress_csv(snap: Snapshot) -> str:
    rows = [
        (
            row.participant,
            key,
            cell.state,
            cell.answered,
            cell.total,
            cell.submitted_at,
            row.last_seen,
        )
        for row in progress(snap)
        for key, cell in row.modules.items()
    ]
    return _csv(("participant", "module", "state", "answered", "exercises", "submitted_at", "last_seen"), rows)


def flags_csv(snap: Snapshot) -> str:
    rows = []
    for flag in flag_rows(snap):
        base = (
            flag.seq, flag.participant, flag.module, flag.exercise_id, flag.category, flag.raised_at, flag.source,
            flag.words, flag.text,
        )  # fmt: skip
        for ack in flag.acknowledgements or (None,):
            rows.append((*base, ack.acknowledged_at if ack else None, ack.note if ack else None))
    header = (
        "flag", "participant", "module", "exercise", "category", "raised_at", "source", "words", "text",
        "acknowledged_at", "note",
    )  # fmt: skip
    return _csv(header, rows)


def measures_csv(snap: Snapshot) -> str:
    rows = [
        (participant, change.key, change.start, change.end, None if change.start is None or change.end is None
         else change.end - change.start)
        for participant, items in participant_changes(snap).items()
        for change in items
    ]  # fmt: skip
    return _csv(("participant", "measure", "start", "end", "change"), rows)


def export_files(snap: Snapshot) -> dict[str, str]:
    """File name -> CSV text: progress, flags (with every acknowledgement) and measures."""
    stamp = snap.read_at.astimezone().strftime("%Y-%m-%d")
    name = (
        "everyone" if snap.cohort is None else "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in snap.cohort)
    )
    return {
        f"workshop-{name}-progress-{stamp}.csv": progress_csv(snap),
        f"workshop-{name}-flags-{stamp}.csv": flags_csv(snap),
        f"workshop-{name}-measures-{stamp}.csv": measures_csv(snap),
    }
