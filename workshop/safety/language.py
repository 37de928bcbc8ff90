"""The crisis-language check: does a piece of free text say the writer may be at risk?

How it works, in three steps (facilitator_guide/safety.md explains it in plain words):

1. **Normalize.** The text is cut into sentences, lower-cased, and written in plain words: contractions
   expanded ("I'm" -> "i am"), chat spellings mapped ("kms" -> "kill myself", "wud" -> "would", "od" ->
   "overdose"), letters typed with spaces joined ("k i l l" -> "kill"), stretched letters shortened
   ("dieee" -> "die") and common misspellings of distinctive words corrected ("suicde" -> "suicide").
2. **Match concepts.** Each rule below joins a few concept word lists (death and dying, self-harm acts
   and body parts, medicines, high places and vehicles, goodbyes and "after I'm gone", burden and
   hopelessness, escape, and threats or violence from other people) in the shapes people use to talk
   about themselves. Every rule has a category.
3. **Rule out look-alikes.** A match does not count when the words just before it deny it ("I would
   never hurt myself"), when its subject is someone else ("my friend wanted to die"), when what follows
   makes it everyday talk ("dying to see it", "cut myself some slack", "jump at the chance", "took too
   many photos"), or, for the few phrases people mostly use as jokes ("I'd rather die than sing"), when
   the sentence laughs at itself and does not say it means it.

4. **Ask the concept model.** A sentence no rule matched is scored by a small logistic regression over
   the same concept word lists (which concepts it mentions, which appear together or near "I", which
   follow a "not"), trained on the development set by ``tools/train_crisis_model.py`` and shipped as
   ``workshop/data/crisis_model.json``. It catches wordings the rules do not know ("I'm jealous of people
   who get to die"); the concept words that carried its score are reported as the matched words.

The result names the category and the words that matched, so a facilitator sees why it fired. It is a
backstop that shows help, not a screening tool or a risk assessment: it cannot judge risk and it misses
what people do not write in words like these.

Everything here is plain Python and ``re``: offline, deterministic, about a millisecond a sentence.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources as package_files
from itertools import pairwise
from typing import Any

# ------------------------------------------------------------------------------------------------
# Categories
# ------------------------------------------------------------------------------------------------

IDEATION = "ideation"
PASSIVE_WISH = "passive_wish"
PLAN_MEANS = "plan_means"
PREPARATION = "preparation"
SELF_HARM = "self_harm"
HOPELESS_BURDEN = "hopeless_burden"
CANT_GO_ON = "cant_go_on"
NOT_SAFE = "not_safe"
DANGER_FROM_OTHERS = "danger_from_others"

# In order of precedence: when a text matches several, the first here is its category.
CATEGORIES: dict[str, str] = {
    PLAN_MEANS: "a plan or the means to end their life",
    PREPARATION: "preparations such as goodbyes or giving things away",
    IDEATION: "thoughts of suicide",
    SELF_HARM: "self-harm",
    DANGER_FROM_OTHERS: "danger from another person",
    PASSIVE_WISH: "wishing to be dead",
    NOT_SAFE: "not being safe",
    CANT_GO_ON: "not being able to go on",
    HOPELESS_BURDEN: "hopelessness or feeling a burden",
}


class _LazyPattern:
    """A regular expression compiled on first use. The check has a few hundred large patterns; compiling
    them all at import cost every module page about 0.4 s before it could be used (measured by `make bench`),
    while a page needs them only once someone writes something."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern)
        return self._compiled

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self._get().search(text, *args)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self._get().match(text, *args)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self._get().finditer(text, *args)

    def findall(self, text: str, *args: int) -> list[Any]:
        return self._get().findall(text, *args)

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return self._get().sub(repl, text, count)

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        return self._get().fullmatch(text, *args)


@dataclass(frozen=True)
class CrisisMatch:
    """One rule that matched: its category and the (normalized) words it matched."""

    category: str
    words: str


@dataclass(frozen=True)
class CrisisCheck:
    """What ``check_crisis_language`` found. ``category`` and ``words`` are those of the first match."""

    matched: bool
    category: str | None = None
    words: str = ""
    matches: tuple[CrisisMatch, ...] = ()

    @property
    def categories(self) -> tuple[str, ...]:
        """Every category matched, in order of precedence, each once."""
        found = {m.category for m in self.matches}
        return tuple(c for c in CATEGORIES if c in found)

    def __bool__(self) -> bool:
        return self.matched


NO_MATCH = CrisisCheck(matched=False)

# ------------------------------------------------------------------------------------------------
# Normalization
# ------------------------------------------------------------------------------------------------

# Contractions written with an apostrophe (handled before apostrophes go, so "he'll" never becomes "hell").
_CONTRACTIONS = (
    (re.compile(r"\b(can)['’]?t\b"), r"\1 not"),
    (re.compile(r"\bwon['’]t\b"), "will not"),
    (re.compile(r"n['’]t\b"), " not"),
    (re.compile(r"['’]ll\b"), " will"),
    (re.compile(r"['’]re\b"), " are"),
    (re.compile(r"['’]ve\b"), " have"),
    (re.compile(r"\bi['’]m\b"), "i am"),
    (re.compile(r"\b(i|he|she|we|they|you)['’]d\b"), r"\1 would"),
    (re.compile(r"\b(he|she|it|that|what|there|who|where)['’]s\b"), r"\1 is"),
    (re.compile(r"\b(od|o\.d)['’]?(?:d|ed)\b"), "overdosed"),
    (re.compile(r"\bsh['’](?:d|ed)\b"), "self harmed"),
    (re.compile(r"\bw/o\b"), "without"),
    (re.compile(r"\bw/"), "with "),
)

# Words (after apostrophes are gone) mapped to the words the rules are written in.
_TOKEN_MAP = {
    "im": "i am",
    "ive": "i have",
    "id": "i would",
    "ill": "ill",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "theyll": "they will",
    "hell": "hell",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "cnt": "can not",
    "wont": "will not",
    "isnt": "is not",
    "wasnt": "was not",
    "arent": "are not",
    "werent": "were not",
    "wouldnt": "would not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "whats": "what is",
    "theres": "there is",
    "thats": "that is",
    "its": "it is",
    "wanna": "want to",
    "wana": "want to",
    "wan": "want",
    "wnt": "want",
    "gonna": "going to",
    "gona": "going to",
    "gotta": "got to",
    "tryna": "trying to",
    "finna": "going to",
    "ima": "i am going to",
    "imma": "i am going to",
    "2": "to",
    "4ever": "forever",
    "b4": "before",
    "jus": "just",
    "agin": "again",
    "lastnight": "last night",
    "u": "you",
    "ur": "your",
    "r": "are",
    "b": "be",
    "wud": "would",
    "wld": "would",
    "cud": "could",
    "shud": "should",
    "rn": "right now",
    "tn": "tonight",
    "tnight": "tonight",
    "tonite": "tonight",
    "2nite": "tonight",
    "nite": "night",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tmrow": "tomorrow",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "abt": "about",
    "bout": "about",
    "ppl": "people",
    "every1": "everyone",
    "evry1": "everyone",
    "some1": "someone",
    "no1": "no one",
    "noone": "no one",
    "nobdy": "nobody",
    "any1": "anyone",
    "nemore": "anymore",
    "anymor": "anymore",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "bc": "because",
    "bcuz": "because",
    "kno": "know",
    "knw": "know",
    "rly": "really",
    "srsly": "seriously",
    "idc": "i do not care",
    "idk": "i do not know",
    "lyfe": "life",
    "lyf": "life",
    "kms": "kill myself",
    "kil": "kill",
    "kll": "kill",
    "kiil": "kill",
    "unalive": "kill",
    "unaliving": "killing",
    "unalived": "killed",
    "yeet": "throw",
    "yeeting": "throwing",
    "sewerslide": "suicide",
    "suicied": "suicide",
    "od": "overdose",
    "oding": "overdosing",
    "odd": "odd",
    "slef": "self",
    "selfharm": "self harm",
    "selfharming": "self harming",
    "selfharmed": "self harmed",
    "selfinjury": "self injury",
    "killmyself": "kill myself",
    "killingmyself": "killing myself",
    "endmylife": "end my life",
    "endit": "end it",
    "wanttodie": "want to die",
    "ded": "dead",
    "dieing": "dying",
    "meds": "meds",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "hubby": "husband",
    "stepdad": "stepfather",
    "stepmum": "stepmother",
    "stepmom": "stepmother",
    "mom": "mom",
    "flatmate": "roommate",
    "housemate": "roommate",
}
# Dropped g's ("killin", "cuttin") for the verbs the rules use.
_G_DROPPED = {
    w[:-1]: w
    for w in (
        "thinking killing cutting harming hurting trying feeling going nothing something living dying ending "
        "taking wanting doing burning starving hanging jumping planning saving hoarding collecting stockpiling "
        "swallowing drowning overdosing wishing hoping praying waiting fighting sleeping waking keeping shooting "
        "crashing driving crying saying giving writing leaving losing running breaking falling hitting punching "
        "beating choking threatening stalking following screaming bleeding scratching banging pulling biting "
        "getting coming telling"
    ).split()
}
# Words whose misspellings we still want to catch (by edit distance). Only longer, distinctive words:
# fuzzy matching short words would turn ordinary words ("living" -> "giving") into false alarms.
_FUZZY_WORDS = (
    "suicide",
    "suicidal",
    "myself",
    "overdose",
    "overdosed",
    "anymore",
    "committing",
    "commit",
    "purpose",
    "tonight",
    "everyone",
    "without",
    "tomorrow",
)
_NOT_FUZZY = {
    "himself",
    "herself",
    "itself",
    "yourself",
    "thyself",
    "purposes",
    "suicides",
    "anyone",
    "everyone",
    "tonights",
    "comment",
    "comet",
    "commute",
    "commits",
    "summit",
    "someone",
    "within",
    "withheld",
}

# "unalive" with no one after it means oneself ("i wanna unalive")
_UNALIVE = re.compile(r"\bunalive\b(?! (?:myself|my self|me|him|her|them|yourself|someone|somebody|people|us)\b)")
_SPACED_LETTERS = re.compile(r"\b(?:[a-z] ){2,}[a-z]\b")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Sentence ends: . ! ? ; or a line break (a dot between letters, as in "k.i.l.l", does not end one).
_SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)|[\r\n]+")


def _fuzzy(token: str) -> str:
    if len(token) < 5 or token in _NOT_FUZZY:
        return token
    # Imported here, not with the module: every page's kernel imports this module, few ever check a sentence,
    # and rapidfuzz costs about 5 ms to import.
    from rapidfuzz.distance import OSA

    for word in _FUZZY_WORDS:
        allowed = 1 if len(word) < 8 else 2
        if abs(len(word) - len(token)) <= allowed and OSA.distance(token, word, score_cutoff=allowed) <= allowed:
            if word.startswith("suicid"):
                # "suicidle" is one letter from "suicide" but meant "suicidal": the ending tells them apart
                return "suicidal" if token.endswith(("l", "le")) else "suicide"
            return word
    return token


def _join_split_words(tokens: list[str]) -> list[str]:
    """Rejoin words typed with a stray space ("my self", "sewer slide") when the joined form is known."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for width in (3, 2):
            joined = "".join(tokens[i : i + width])
            if i + width <= len(tokens) and (joined in _JOINABLE):
                out.append(joined)
                i += width
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


_JOINABLE = {
    "myself",
    "killmyself",
    "sewerslide",
    "selfharm",
    "selfharming",
    "selfharmed",
    "nemore",
    "anymore",
    "nobody",
    "suicide",
    "suicidal",
    "endmylife",
    "wanttodie",
}
_TOKEN_PHRASES = {
    ("n", "e", "more"): "anymore",
    ("n", "e", "way"): "anyway",
    ("no", "body"): "nobody",
    ("od", "ing"): "oding",
    ("sh", "ing"): "self harming",
}


def _map_token(token: str) -> str:
    token = _G_DROPPED.get(token, token)
    mapped = _TOKEN_MAP.get(token)
    if mapped is not None:
        return mapped
    fuzzy = _fuzzy(token)
    return _TOKEN_MAP.get(fuzzy, fuzzy)


def normalize_for_check(text: str) -> str:
    """Lower-case words separated by single spaces, with contractions, slang and misspellings mapped."""
    text = unicodedata.normalize("NFKC", text).lower()
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    text = _APOSTROPHES.sub("", text)
    text = _NON_WORD.sub(" ", text)
    text = _UNALIVE.sub("unalive myself", text)
    text = _STRETCHED.sub(r"\1", text)
    text = _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)
    tokens = text.split()
    for phrase, replacement in _TOKEN_PHRASES.items():
        n = len(phrase)
        i = 0
        while i + n <= len(tokens):
            if tuple(tokens[i : i + n]) == phrase:
                tokens[i : i + n] = [replacement]
            i += 1
    words: list[str] = []
    for token in _join_split_words(tokens):
        words.extend(_map_token(token).split())
    return " ".join(words)


_CLAUSE_BREAK = re.compile(r"[,:()\u2013\u2014]|\s-\s")


@dataclass(frozen=True)
class _Sentence:
    """A normalized sentence, and the word positions where its clauses (split at commas, colons...) start."""

    text: str
    clause_starts: tuple[int, ...]

    def words_before(self, position: int) -> list[str]:
        """The words of the same clause before character ``position``."""
        words = self.text[:position].split()
        start = max((s for s in self.clause_starts if s <= len(words)), default=0)
        return words[start:]


def _sentence(raw: str) -> _Sentence:
    clauses = [normalize_for_check(c) for c in _CLAUSE_BREAK.split(raw)]
    starts, count, parts = [], 0, []
    for clause in clauses:
        if clause:
            starts.append(count)
            count += len(clause.split())
            parts.append(clause)
    return _Sentence(" ".join(parts), tuple(starts))


def _sentences(text: str) -> Iterator[_Sentence]:
    """The text's sentences, normalized; a fragment of one or two words is joined to the one before."""
    pieces = [p for p in _SENTENCE_END.split(text) if normalize_for_check(p)]
    merged: list[str] = []
    for piece in pieces:
        if merged and len(normalize_for_check(piece).split()) <= 2:
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    for piece in merged:
        yield _sentence(piece)


# ------------------------------------------------------------------------------------------------
# Concept word lists (regular-expression fragments over normalized text)
# ------------------------------------------------------------------------------------------------


def _any(*words: str) -> str:
    return "(?:" + "|".join(words) + ")"


ME = r"(?:myself|my self|me)"
# dying, but not "dying to see it", "die of embarrassment", "die alone", "die my hair"
_DIE_NOT = (
    r"(?! (?:of|from|laughing|alone|inside|on the inside|a little|happy|young|old|rich|trying|down|out|off|"
    r"on the spot|right there|right then|with (?:embarrassment|laughter|shame)|in a (?:ditch|hole)|"
    r"for (?:a|some|it|this|that)|to (?:know|see|hear|try|go|meet|get|find|have|eat|tell|read|watch|ask|be there|"
    r"visit|sleep|start|leave|travel|learn|hug|talk)|(?:my|her|his|your|their|the) (?:\w+ )?hair|hair|for (?:my|you|him|her|"
    r"them|love|the|our))\b)"
)
DIE = r"(?:die|dye(?! (?:my|her|his|your|their|the|it|them|hair)\b))" + _DIE_NOT
DYING = r"dying" + _DIE_NOT
WANT = _any(
    "want",
    "wanting",
    "wants",
    "wish",
    "wishing",
    "ready",
    "deserve",
    "deserved",
    "hope",
    "hoping",
    "need",
    "needed",
    "longing",
    "long",
    "would like",
    "would love",
    "like",
    "love",
    "prefer",
    "should",
    "should just",
    "might as well",
    "just",
    "happily",
    "gladly",
    "would happily",
    "would gladly",
    "trying",
    "tried",
    "going to try",
    "try",
    "planning",
    "plan",
    "decided",
    "about",
)
DRUG = _any(
    r"pills?",
    r"tablets?",
    "meds",
    r"medications?",
    r"medicines?",
    r"prescriptions?",
    "paracetamol",
    "acetaminophen",
    "tylenol",
    "ibuprofen",
    "aspirin",
    r"pain ?killers?",
    r"sleeping (?:pills|tablets)",
    "sleepers",
    r"anti ?depressants?",
    "sertraline",
    "prozac",
    "fluoxetine",
    "citalopram",
    "escitalopram",
    "venlafaxine",
    "mirtazapine",
    "amitriptyline",
    "lithium",
    "quetiapine",
    "seroquel",
    "xanax",
    "valium",
    "diazepam",
    "lorazepam",
    r"benzos?",
    r"opioids?",
    r"opiates?",
    "oxy",
    "oxycodone",
    "oxycontin",
    "codeine",
    "tramadol",
    "morphine",
    "fentanyl",
    "heroin",
    "insulin",
    "zopiclone",
    "ambien",
    "zolpidem",
    r"antipsychotics?",
    "pregabalin",
    "gabapentin",
    "lamotrigine",
)
HIGH_PLACE = _any(
    "bridge",
    "building",
    r"roof(?:top)?",
    "balcony",
    "cliff",
    "ledge",
    "window",
    "tower",
    "car park",
    "parking garage",
    "parking lot",
    "overpass",
    "flyover",
    "platform",
    "top floor",
    r"(?:\w+ )?floor",
    "multi storey",
    "skyscraper",
    "block of flats",
    "viaduct",
)
VEHICLE = _any("train", "trains", "bus", "car", "truck", "lorry", "tram", "subway", "tube", "traffic", "oncoming traffic")
GUN = _any("gun", "guns", "shotgun", "rifle", "pistol", "revolver", "handgun", "firearm")
BODY = _any(
    r"arms?",
    r"wrists?",
    r"legs?",
    r"thighs?",
    "skin",
    "stomach",
    "belly",
    r"hips?",
    "body",
    r"forearms?",
    r"ankles?",
    "chest",
)
INJURE = _any(
    "cut",
    "cuts",
    "cutting",
    r"burn(?:s|ed|ing|t)?",
    r"hurt(?:s|ing)?",
    r"harm(?:s|ed|ing)?",
    r"injur(?:e|es|ed|ing)",
    "hit",
    "hits",
    "hitting",
    r"punch(?:es|ed|ing)?",
    r"scratch(?:es|ed|ing)?",
    "bite",
    "bites",
    "biting",
    "bit",
    r"bang(?:s|ed|ing)?",
    r"slam(?:s|med|ming)?",
    r"starv(?:e|es|ed|ing)",
    r"stab(?:s|bed|bing)?",
    r"carv(?:e|es|ed|ing)",
    r"mutilat(?:e|es|ed|ing)",
    r"slash(?:es|ed|ing)?",
    r"whip(?:s|ped|ping)?",
)
OTHER_NOUN = _any(
    "partner",
    "boyfriend",
    "girlfriend",
    "husband",
    "wife",
    "ex",
    "ex husband",
    "ex wife",
    "ex boyfriend",
    "ex girlfriend",
    "dad",
    "father",
    "mum",
    "mom",
    "mother",
    "stepfather",
    "step father",
    "stepmother",
    "step mother",
    "brother",
    "sister",
    "uncle",
    "aunt",
    "cousin",
    "son",
    "daughter",
    "family",
    "parents",
    "roommate",
    "boss",
    "manager",
    "coworker",
    "colleague",
    "neighbour",
    "neighbor",
    "landlord",
    "grandfather",
    "grandpa",
    "grandmother",
    "in laws",
    "mother in law",
    "father in law",
    "fiance",
    "fiancee",
    "carer",
    "caregiver",
    "pimp",
    "date",
)
OTHER = (
    r"(?:he|she|they|someone|somebody|a man|a woman|a guy|this (?:guy|man|woman|person)|people|"
    rf"(?:my|our|her|his) (?:\w+ )?{OTHER_NOUN}|(?:my|our) {OTHER_NOUN}s)"
)
THEM = rf"(?:him|her|them|{OTHER})"
# the sentence laughs at itself, and does not say it means it
_JOKE = re.compile(r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|ha|jk|just kidding|kidding|joking|as a joke|xd)\b")
_NOT_A_JOKE = re.compile(
    r"\b(?:no joke|not (?:even )?(?:a )?(?:joke|joking|kidding)|for real|fr|frfr|seriously|i mean it|honestly)\b"
)
# intent that overrides an accident reading ("I burned my hand on the stove on purpose")
_ON_PURPOSE = (
    r"\b(?:on purpose|deliberately|intentionally|to punish myself|as (?:a )?punishment|to feel (?:something|pain|the pain|"
    r"real|alive|better|anything)|until (?:it|they|i|my \w+) (?:bled|bleed|bleeds|bruised|bruise|bruises|broke|burned|"
    r"blistered|went numb|was raw|hurt)|till (?:it|they|i) (?:bled|bleed|bleeds|bruised|bruise)|so (?:nobody|no one) "
    r"(?:sees|can see|notices|would see|will see))\b"
)
_ACCIDENT = (
    r"\b(?:accident|accidentally|by mistake|clumsy|oops|tripped|slipped|fell|falling|shaving|cooking|chopping|slicing|"
    r"peeling|dicing|grating|bread|onions?|vegetables|tomatoes|tin|can opener|paper|eczema|itch\w*|rash|bites|"
    r"allerg\w*|psoriasis|chicken pox|hives|mosquito\w*|sunburn\w*|"
    r"gardening|baking|ironing|opening|in the kitchen|at the gym|playing|sport|football|climbing|skiing|running)\b"
)

# ------------------------------------------------------------------------------------------------
# Rules
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    category: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None = None  # anywhere in the sentence: not a match
    override: re.Pattern[str] | None = None  # anywhere in the sentence: a match even if ``unless`` says no
    self_only: bool = True  # not when someone else is the subject ("my friend wanted to die")
    deniable: bool = True  # not when the words just before deny it ("I would never ...")
    joke: bool = False  # not when the sentence laughs at itself ("I'd rather die than sing, haha")


def _rule(
    category: str,
    pattern: str,
    *,
    unless: str | None = None,
    override: str | None = None,
    self_only: bool = True,
    deniable: bool = True,
    joke: bool = False,
) -> _Rule:
    return _Rule(
        category,
        _LazyPattern(pattern),  # type: ignore[arg-type]
        _LazyPattern(unless) if unless else None,  # type: ignore[arg-type]
        _LazyPattern(override) if override else None,  # type: ignore[arg-type]
        self_only,
        deniable,
        joke,
    )


_THREAT = (
    r"(?:will|would|is going to|are going to|was going to|were going to|going to|gonna|threatened to|threatens to|"
    r"threatening to|threatened he would|threatened she would|swore to|swore (?:he|she|they) would|promised to|tried to|"
    r"try to|trying to|wants to|wanted to|could|might|said (?:he|she|they) would|says (?:he|she|they) will)"
)
_JOKING = (
    r"\b(?:laugh\w*|joke|joking|kidding|haha\w*|lol|lmao|ha|as a joke|late|spoil\w*|grades|homework|essay|dented|"
    r"forg[eo]t\w*|finale|recital|ate my|the car|chores|the bill|messy|mess|exam|test|chess|cards|game|match|tickl\w*)\b"
)
_REAL_THREAT = (
    r"\b(?:if i (?:ever )?(?:leave|left|leaving|tell|told|go to the police|report\w*|call the police|try to leave|"
    r"tried to leave|come out|try to go|talk to|divorce|see (?:anyone|someone|other|my)|go|went|break up|take the "
    r"kids)|(?:gay|lesbian|trans|queer)|threaten\w* to|with (?:a|the|his|her) (?:knife|gun|bat|hammer|belt)|"
    r"find (?:me|us) and)\b"
)
_STUDY = (
    r"\b(?:prevention|awareness|rates?|statistics|squad|hotline|lifeline|helpline|counsel\w*|training|class|course|"
    r"lecture|article|book|novel|poems?|poetry|documentary|movie|film|show|series|podcast|research|study|studied|"
    r"studies|essay|bomber|bombing|news|celebrity|famous|singer|actor|talk|seminar|webinar|conference|workshop on|"
    r"died by suicide|lost \w+ to suicide|(?:he|she|they) (?:committed|attempted))\b"
)

_RULES: tuple[_Rule, ...] = (
    # --- thoughts of suicide ---------------------------------------------------------------------
    _rule(
        IDEATION,
        r"\b(?:kill|kills|killing|killed) (?:myself|my self)\b(?! (?:laughing|with laughter|at (?:the gym|work)|"
        r"working|trying to (?:make|get|finish|please)|to (?:get|make|finish|meet|please)))",
    ),
    _rule(IDEATION, r"\b(?:to|will|would|going to|might|should|could|just|gonna) off myself\b"),
    _rule(IDEATION, r"\b(?:end|ends|ending|ended|take|takes|taking|took) (?:my|me) (?:own )?life\b"),
    _rule(IDEATION, r"\battempt on my (?:own )?life\b"),
    _rule(
        IDEATION,
        r"\b(?:end|ending|finish|finishing) (?:it all|everything|myself|my existence|it for good|things for good|"
        r"it once and for all|it permanently|things permanently)\b",
    ),
    _rule(
        IDEATION,
        r"\b(?:end|ending|finish|finishing) it\b(?=$| (?:tonight|today|now|soon|this \w+|tomorrow|before|after|"
        r"already|i|and i|so|because|if|when))",
        unless=r"\bend(?:ing)? it (?:with|between)\b",
    ),
    _rule(IDEATION, r"\bsuicidal\b"),
    _rule(
        IDEATION,
        r"\b(?:think|thinking|thought|thoughts|urge|urges|considering|planning|plan|want|wanted|going|decided) (?:about |of "
        r"|to )?(?:ending|end) (?:things|it|everything)\b(?! (?:with|between|off|on|early|at|for (?:the|us|now)|here|"
        r"there)\b)",
        unless=r"\b(?:relationship|boyfriend|girlfriend|partner|husband|wife|him|her|friendship|date|dating|job|"
        r"contract|lease|call|meeting|conversation|marriage|engagement|subscription|membership|season|series|"
        r"chapter|story|book|game)\b",
    ),
    _rule(
        IDEATION,
        r"\b(?:think|thinks|thinking|thought|thoughts|considering|considered|consider|contemplat\w*|commit|committing|"
        r"committed|attempt|attempted|attempting|tried|try|trying|plan|planning|planned|urge|urges|idea|ideation|feel|"
        r"feeling|close to|verge of|going to|want|wanted|go through with|survived|survivor of)\b(?: \w+){0,3} "
        r"suicide\b",
        unless=r"\b(?:prevention|awareness|hotline|lifeline|helpline|training|course|class|research|died by suicide|"
        r"(?:he|she|they|friend|brother|sister|dad|mum|mom|father|mother|son|daughter) (?:\w+ ){0,2}(?:committed|"
        r"attempted|tried))\b",
    ),
    _rule(IDEATION, r"\b(?:die|dying) by suicide\b|\bmy suicide (?:attempt|attempts|note|plan|plans)\b"),
    _rule(
        IDEATION,
        r"\bsuicide (?:has been|is|was|keeps|kept|seems|feels|looks|sounds)?(?: \w+)? ?(?:on my mind|in my head|"
        r"crossing my mind|my (?:only )?way out|the (?:only )?(?:answer|option|way out|solution)|like the answer|"
        r"like (?:a|the) (?:way out|relief|option))",
    ),
    _rule(
        IDEATION,
        r"\bsuicide\b",
        unless=_STUDY + r"|\bnot suicide\b|\b(?:said no|never (?:felt|been|had|thought)|not (?:suicidal|feeling that))\b",
    ),
    _rule(
        IDEATION,
        r"\b(?:voice|voices|something)(?: \w+){0,5} (?:telling|tell|tells|told|keeps telling|keep telling) me to (?:die|"
        r"kill myself|end it|hurt myself|jump|cut|do it|end my life)\b",
    ),
    _rule(
        IDEATION,
        r"\b(?:imagin\w*|pictur\w*|fantasi[sz]\w*|daydream\w*|dream\w* about|think\w* about|thought about)(?: about| of)? "
        r"(?:my (?:own )?(?:death|funeral|suicide)|myself dead|me dead|being dead|how i (?:could|would|might|should|can|"
        r"will) die)\b",
    ),
    _rule(
        IDEATION,
        rf"\b(?:keep|kept|can not stop|could not stop|always) (?:thinking|think) (?:about|of) (?:{DYING}|death|being dead|"
        r"not being (?:here|alive)|not existing)",
    ),
    _rule(IDEATION, r"\bthoughts (?:of|about) (?:death|dying|not being (?:here|alive)|ending (?:it|things|everything))"),
    # --- wishing to be dead ----------------------------------------------------------------------
    _rule(PASSIVE_WISH, rf"\b{WANT} (?:to |too )?(?:just )?{DIE}\b", unless=r"\bcould (?:just )?die\b"),
    _rule(PASSIVE_WISH, rf"\b(?:wanted|wished) (?:to |too )?(?:just )?{DIE}\b", joke=True),
    _rule(
        PASSIVE_WISH,
        r"\b(?:relief|better|easier|peaceful|nice|a mercy|mercy|a blessing|kinder|best) to (?:be dead|die|not wake up|"
        r"not exist|be gone|stop existing|not be alive|never wake up)\b",
    ),
    _rule(
        PASSIVE_WISH,
        rf"\b(?:okay|ok|fine|at peace|happy|content|alright|comfortable) with (?:{DYING}|death|being dead|not waking up|"
        r"not being here|not being alive|the idea of dying|dying (?:tomorrow|tonight|soon))\b",
    ),
    _rule(
        PASSIVE_WISH,
        r"\b(?:ready|want|wish|need|waiting) (?:for )?(?:my life|it all|everything|all of it|my time) to (?:be over|end|"
        r"stop)\b",
    ),
    _rule(PASSIVE_WISH, r"\b(?:want|wanna|wish|need) (?:to )?be gone(?=$| (?:forever|for good|permanently|not)\b)"),
    _rule(
        PASSIVE_WISH,
        r"\b(?:wish|wishing|want|wanting|wanted|would love|could just|just want) (?:\w+ ){0,3}(?:stop|cease) (?:being "
        r"alive|breathing|existing|living)\b(?! (?:in|with|at|like|for|on|off|as|under|through)\b)",
    ),
    _rule(
        PASSIVE_WISH,
        r"\b(?:hope|hoping|wish|wishing|pray|praying)(?: that)? (?:something|someone|somebody|god|it) (?:would |will |"
        r"could |might )?(?:\w+ )?(?:take me (?:out of (?:all )?(?:this|it all|my misery|this world|here)|away from "
        r"(?:all )?(?:this|it all|this world))|end (?:it|me|my life)|kill me|finish me off)\b",
    ),
    _rule(PASSIVE_WISH, rf"\b(?:hope|wish|pray|praying|hoping|wishing) (?:that )?i (?:would |will |could |just |might )?{DIE}\b"),
    _rule(PASSIVE_WISH, rf"\bfeel(?:s|ing)? like {DYING}\b", joke=True),
    _rule(
        PASSIVE_WISH,
        r"\bwish (?:it|this|today|tonight|this year) (?:was|were|would be|is) my last (?:one|day|birthday|christmas|year|"
        r"night)\b|\b(?:welcome|want|hope for|pray for|wish for|longing for) (?:a|an) (?:car |fatal |bad )?(?:accident|"
        r"crash|heart attack|terminal illness|disease|aneurysm)\b",
    ),
    _rule(
        PASSIVE_WISH,
        r"\b(?:want|wanted|wanna|wish|wished|ready|rather|prefer|just want) (?:to )?(?:be )?(?:dead|gone for good|"
        r"gone forever)\b",
    ),
    _rule(
        PASSIVE_WISH,
        rf"\brather (?:be dead|{DIE}|not (?:be alive|exist|be here|live))\b(?! than (?!(?:keep|go on|feel|live|be|face|"
        r"go through|another|this|spend|wake|lose|suffer|deal|carry on|continue|stay|being|feeling|living|"
        r"facing)\b))",
        joke=True,
    ),
    _rule(
        PASSIVE_WISH,
        r"\bwish(?:ed)? i (?:was|were|had been|could be|would be|would) (?:dead|gone|never born|not alive|not here|"
        r"never here|not born|die|just die)\b",
    ),
    _rule(PASSIVE_WISH, r"\bwish(?:ed|ing)? i (?:had|was|were|would have|would) never (?:been )?born\b"),
    _rule(PASSIVE_WISH, r"\bwish(?:ed)? i (?:had|would have|would) died\b"),
    _rule(PASSIVE_WISH, r"\bwish(?:ed)? i (?:did not|never|could not|would not|could just stop|could) exist(?:ed)?\b"),
    _rule(PASSIVE_WISH, r"\bbetter off dead\b"),
    _rule(
        PASSIVE_WISH,
        r"\b(?:death|dying|being dead|to be dead|dead) (?:would be|will be|is|sounds|seems|feels|looks|would feel)"
        r"(?: so| like)? (?:(?:a|such a) )?(?:relief|better|easier|peaceful|nice|good|welcome|appealing|rest|freedom|"
        r"peace|escape|break|"
        r"the (?:only |best )?(?:way out|answer|option|solution)|like the (?:only |best )?(?:way out|answer|option))\b",
    ),
    _rule(
        PASSIVE_WISH,
        r"\b(?:welcome|welcoming|longing for|long for|crave|craving|look forward to|looking forward to|waiting for|"
        r"pray for|praying for) (?:death|dying|the day i die|my death|the end of my life)\b",
    ),
    _rule(
        PASSIVE_WISH,
        r"\bhop\w* (?:that )?(?:this|it|today|tonight) (?:is|will be|would be|was) (?:my |the )?last (?:time|day|night|"
        r"birthday|christmas)\b|\bwish(?:ed)? i (?:had |would |would have )?(?:never|not) (?:woken|woke|wake) up\b|"
        rf"\b(?:death|{DYING}|being dead)\b(?: \w+){{0,6}} (?:looking forward to|look forward to|longing for|waiting for)\b",
    ),
    _rule(
        PASSIVE_WISH,
        r"\b(?:would not mind|would not care|would be (?:fine|glad|relieved|happy|grateful)|hope|hoping|hoped|wish|"
        r"wishing|pray|praying)(?: if| that)? (?:my|the|a) (?:plane|car|bus|train|flight|lorry|truck|tube|taxi) "
        r"(?:crashed|crashes|would crash|will crash|went down|goes down|would go down|hit me|hits me|would hit me|would "
        r"come|comes|came)\b",
    ),
    _rule(
        PASSIVE_WISH,
        r"\bso i (?:do not|would not|will not|never) (?:have to|need to) (?:keep going|go on|live|be here|wake up|do "
        r"this anymore|carry on|exist|be alive|face (?:another day|tomorrow|life))\b",
        deniable=False,
    ),
    _rule(
        PASSIVE_WISH,
        r"\b(?:lie down|lay down|go to sleep|fall asleep|close my eyes|drift off) and (?:never|not) (?:get up|wake up|open "
        r"them|come back|wake|get back up)\b",
    ),
    _rule(PASSIVE_WISH, r"\bwaiting (?:to die|for (?:death|it all to end|my life to end))\b"),
    _rule(
        PASSIVE_WISH,
        r"\b(?:not|never|no longer) (?:to |have to |need to |ever )?(?:wake|woke|waking|woken) up\b(?= (?:again|ever|"
        r"tomorrow|in the morning|this morning|anymore|any more)\b|$)",
    ),
    _rule(
        PASSIVE_WISH,
        r"\b(?:hope|hoping|wish|wishing|pray|praying|want|wanted|rather|fine|happy|love|glad|okay|ok|relieved|"
        r"grateful|relief|mercy|better|forever|asleep|sleep|mind)\b(?: \w+){0,5} (?:not|never|no longer) "
        r"(?:to |have to |need to |ever )?(?:wake|woke|waking) up\b(?! (?:early|at|before|so|in time|on time|late|with|"
        r"feeling|hungover|in (?:a|the) (?:bad|good)|on the wrong)\b)",
    ),
    _rule(PASSIVE_WISH, r"\b(?:disappointed|upset|annoyed|angry|sad|sorry) (?:that |when )?i (?:still )?(?:woke|wake) up\b"),
    _rule(PASSIVE_WISH, r"\b(?:sleep|asleep) (?:forever|for ever|and never wake|and not wake|permanently)\b", joke=True),
    _rule(
        PASSIVE_WISH,
        r"\b(?:stop|cease|ceased|not|never|no longer) (?:to )?exist(?:ing)?\b(?! (?:in|for|on|as|at|to|with)\b)",
        unless=r"\b(?:do|does|did) not exist\b(?! anymore)|\b(?:app|account|profile|page|group|job|shop|store|"
        r"company|feature|website|it|that|this) (?:\w+ )?(?:stop|cease|ceased|not|never) (?:to )?exist",
    ),
    _rule(
        PASSIVE_WISH,
        r"\b(?:do not|dont|no longer|not|never) (?:really |even |honestly |actually |just )?(?:want|wish|wanna|care) "
        r"(?:to )?(?:be alive|live|exist|be here|go on|wake up|be around|keep living|stay alive|keep going)\b"
        r"(?! (?:in (?!the morning)|with|at|near|on|there|this (?!life|way)|that|for|like that|alone|when|if|anywhere|where|by|"
        r"under|next|through|without|early|so|before|late|until|till|to|and (?:go|do|face|see)|the)\b)",
        deniable=False,
    ),
    _rule(
        PASSIVE_WISH,
        r"\b(?:tired|sick|weary|exhausted) of (?:being alive|living|life|existing|being here|waking up|"
        r"this life|my life)\b(?! (?:in|with|at|like) (?:this|that|the|a) (?!way)\w)",
    ),
    _rule(PASSIVE_WISH, r"\b(?:done|finished) (?:with )?(?:being alive|living|life)\b(?! (?:in|with|at|here) \w)"),
    _rule(PASSIVE_WISH, r"\b(?:do not|dont|would not|never) care (?:if|whether) i (?:live|die|wake|make it|survive|get hit|died)\b"),
    _rule(
        PASSIVE_WISH,
        r"\b(?:would not|wouldnt|do not|dont|will not|wont|never) (?:even )?(?:mind|care|be sad|be upset|be sorry)"
        r" (?:if|when) i (?:died|die|was dead|were dead|never woke|did not wake|do not wake|got hit|get hit|was gone|"
        r"were gone|disappeared|did not make it|was killed|got killed|passed away)\b",
    ),
    _rule(
        PASSIVE_WISH,
        r"\bif i (?:died|die|was dead|were dead|never woke up|did not wake up|got hit|get hit|was killed|got killed|"
        r"passed away)\b(?: \w+){0,6} (?:would not mind|would not care|would be (?:fine|relieved|grateful|happy|glad|"
        r"okay|ok|a relief)|relieved|grateful|glad|relief|honestly (?:would not|wouldnt))\b",
    ),
    _rule(
        PASSIVE_WISH,
        r"\b(?:hope|hoping|wish|wishing|pray|praying)(?: that)?(?: \w+){0,2} (?:(?:a|the) (?:car|bus|train|truck|"
        r"lorry)|something|someone|somebody|god|cancer|an accident|illness) (?:hits|hit|kills|kill|takes|take|would "
        r"(?:hit|kill|take)|will (?:hit|kill|take)|runs me over|run me over)(?: me)?\b",
    ),
    _rule(
        PASSIVE_WISH,
        r"\b(?:hope|hoping|wish|wishing|pray|praying) (?:that )?i (?:get|got|would get|will get) (?:hit|killed|run over|"
        r"in an accident|sick and die|cancer|a terminal)",
    ),
    _rule(
        PASSIVE_WISH,
        r"\bwish(?:ed)? (?:the|that|an?) (?:accident|crash|illness|cancer|overdose|attack|fall) (?:had )?(?:killed|"
        r"taken|finished) me\b",
    ),
    _rule(
        PASSIVE_WISH,
        r"\b(?:wish|want|hope|need|pray) (?:someone|somebody|something|god) (?:would |to |will |could )?(?:just )?"
        r"(?:kill(?:s)? me|put me out of my misery|end (?:it|me|my life) for me|take me away)\b",
    ),
    _rule(PASSIVE_WISH, r"\bgod (?:takes|take|took|would take|will take|to take) me\b(?! (?:to|there|home to|back)\b)"),
    _rule(
        PASSIVE_WISH,
        r"\b(?:hope|hoping|pray|praying|wish) (?:that )?i (?:do not|will not|never|do not ever) (?:make it|survive|"
        r"live) (?:through|until|till|past|to see)\b",
    ),
    _rule(
        PASSIVE_WISH,
        r"\bif (?:something|anything) (?:bad )?(?:happened|happens|were to happen|would happen) to me\b(?: \w+){0,5} "
        r"(?:relieved|relief|glad|grateful|would not mind|fine|better|happy)\b",
    ),
    _rule(PASSIVE_WISH, r"\b(?:hope|hoping|wish) (?:something|anything) (?:bad )?(?:happens|will happen|would happen) to me\b"),
    _rule(
        PASSIVE_WISH,
        r"\b(?:dying|death|being dead) (?:does not|doesnt|do not|would not|no longer) (?:scare|frighten)s? me\b"
        r"|\bnot (?:scared|afraid|frightened) (?:of|to) (?:die|dying|death|being dead)\b",
        deniable=False,
    ),
    _rule(
        PASSIVE_WISH,
        r"\bit would be (?:so much |much |a lot |just )?(?:easier|better|a relief|a mercy|simpler|best|kinder|peaceful)"
        r"(?: for (?:everyone|everybody|all|them))? if i (?:was|were|am|had|would|just) (?:dead|gone|not alive|not here|"
        r"never born|not around|died|die|disappeared|did not exist|not exist)\b",
    ),
    _rule(PASSIVE_WISH, r"\b(?:want|wanna|wish|need) (?:to )?(?:not|never) (?:be alive|exist|live|be here|wake up)\b"),
    _rule(
        PASSIVE_WISH,
        r"\b(?:i am|am|i just|i m|im) (?:so )?(?:tired|done|finished) (?:of )?(?:being alive|living)\b",
    ),
    # --- plans and means ---------------------------------------------------------------------------
    _rule(
        PLAN_MEANS,
        rf"\boverdos(?:e|ed|es|ing)\b(?! on (?!(?:my |the |all |her |his |some |those |these |a |an |of )?(?:\w+ )?{DRUG}|"
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|new year|christmas|my birthday|"
        r"purpose)\b))",
    ),
    _rule(PLAN_MEANS, rf"\b(?:stockpil|hoard|stash|squirrel)\w*(?: \w+){{0,5}} {DRUG}\b"),
    _rule(PLAN_MEANS, rf"\b(?:stash|stockpile|hoard|supply|pile|collection|stock) of (?:\w+ ){{0,2}}{DRUG}\b"),
    _rule(
        PLAN_MEANS,
        rf"\b(?:sav(?:e|ed|es|ing)|collect(?:s|ed|ing)?|hid(?:e|es|ing|den)?|gather(?:s|ed|ing)?|put(?:ting)? aside|"
        rf"putting away)(?: up)?(?: \w+){{0,4}} {DRUG}\b",
        unless=r"\b(?:organi[sz]er|pharmacy|pharmacist|prescribed|as prescribed|doctor said|my money|save money)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b(?:keep|keeps|kept|keeping)(?: \w+){{0,3}} {DRUG}\b",
        unless=r"\b(?:organi[sz]er|fridge|bathroom|cabinet|cupboard|on time|every (?:day|morning|night)|as prescribed|"
        r"remind|routine|track|diary)\b",
        override=r"\b(?:hidden|hiding|secret|for when|in case|instead of taking|just in case|saved|stockpil\w*)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b(?:enough|all (?:of )?(?:my|the|these|those)|a (?:box|bottle|pile|bag|drawer) of) (?:\w+ ){{0,2}}{DRUG}\b"
        rf"(?: \w+){{0,3}} (?:saved|stockpiled|ready|lined up|laid out|counted out|hidden|to (?:do it|die|end it|kill|"
        rf"not wake up|make sure)|on the table|in front of me|in a (?:sock|drawer|box|shoebox|bag))",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b{DRUG} (?:\w+ ){{0,2}}(?:ready|lined up|laid out|counted out|on the table|in front of me|in a (?:sock|"
        rf"shoebox|box) |saved up|stockpiled)",
        unless=r"\b(?:organi[sz]er|for the (?:week|trip|holiday|journey)|pill box)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b{DRUG}\b(?: \w+){{0,6}} so (?:no one|nobody|they|the pharmacist|the doctor|my \w+) (?:would not |will not |"
        rf"does not |did not |doesnt |didnt |wont |would never )?(?:notice|notices|noticed|know|knows|ask|asks|suspect|"
        rf"see|sees)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b(?:take|takes|took|taken|taking|swallow\w*|down|downed|mix\w*|gulp\w*|chug\w*|eat|ate|eating|"
        rf"overdose on)(?: \w+)? (?:all|every|everything|the whole|a whole|whole|an entire|entire|the entire|"
        rf"a handful|handful|handfuls|a bunch|bunch|a bottle|bottle|bottles|a box|box|a pack|pack|packet|a packet|"
        rf"too many|too much|way too many|way too much|loads|a load|dozens|lots|a lot|a fistful|all of|the rest|"
        rf"double|triple)(?: of)?(?: \w+){{0,3}} {DRUG}\b",
        unless=r"\bfor (?:my|a|the) (?:\w*ache|pain|cold|flu|fever|cough|allerg\w*|back|period|cramps|migraine)\b|"
        r"\b(?:by accident|accidentally|by mistake|pharmacist|doctor said|prescribed|vitamins?)\b",
        override=_ON_PURPOSE,
    ),
    _rule(
        PLAN_MEANS,
        r"\b(?:take|took|taking|swallow\w*|eat|ate|drink|drank|down) (?:all|everything|whatever)(?: \w+){0,4} "
        r"(?:medicine|bathroom|first aid) (?:cabinet|cupboard|drawer|box|kit)\b",
    ),
    _rule(PLAN_MEANS, rf"\b{DRUG} (?:with|and) (?:\w+ )?(?:alcohol|vodka|whisky|whiskey|wine|booze|drink|gin|rum)\b(?: \w+){{0,4}} (?:die|end it|not wake|hoping|so i)"),
    _rule(
        PLAN_MEANS,
        r"\b(?:lethal|fatal|deadly|toxic) (?:dose|doses|amount|amounts|overdose|quantity|combination)\b",
        unless=r"\b(?:pharmacist|nurse|training|class|course|safety|warning|label|dog|cat|child proof)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\bhow (?:many|much) (?:\w+ ){{0,2}}{DRUG} (?:it )?(?:would|will|to|does it|it would|it will) (?:take|kill|be "
        rf"enough|be lethal|die|overdose)",
    ),
    _rule(
        PLAN_MEANS,
        r"\b(?:easiest|quickest|fastest|painless|most painless|least painful|surest|best|simplest|cleanest|"
        r"ways?|methods?|how) (?:way |ways |method |methods )?to (?:die|kill myself|end (?:it|my life|it all)|commit "
        r"suicide|overdose|hang myself|go)\b(?! (?:to|out|on|home|there|back|shopping|about)\b)",
        unless=r"\bhow to (?:die|go) (?:my|her|his) hair\b|\bways to go\b",
    ),
    _rule(PLAN_MEANS, r"\b(?:hang|hanging|hanged|hung) (?:myself|my self)\b"),
    _rule(PLAN_MEANS, r"\bnoose\b"),
    _rule(
        PLAN_MEANS,
        r"\b(?:tie|tied|tying|made|make|making|bought|buy|buying|got|have|hid|hidden|found|put up|hung up|keep|kept)"
        r"(?: \w+){0,1} (?:a |the |some )?(?:rope|ligature)\b(?! (?:swing|ladder|course|bridge|for (?!me\b|myself\b)|to "
        r"(?:tie|secure|hold|pull|climb))\b)",
        unless=r"\b(?:camping|climbing|sailing|boat|tent|washing line|clothes line|swing|skipping|jump rope|gym|"
        r"knots?|hammock|tug of war|dog|horse|garden|rope course|tow|towing|boot|trunk|van|truck|moving|move|removal|"
        r"luggage|tape)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b(?:jump|jumps|jumping|jumped|leap|leaping|leapt|throw myself|throwing myself|threw myself|thrown myself|"
        rf"hurl myself|fling myself) (?:off|from|out of|in front of|into|onto|under|over the edge of|off the edge of|"
        rf"off the top of|from the top of|to my death from) (?:a |the |my |this |that |our |some |an )?(?:\w+ )?"
        rf"(?:{HIGH_PLACE}|{VEHICLE}|tracks|railway|motorway|highway|freeway)\b(?! (?:station|stop|depot|door|seat|"
        rf"shelter|carriage)\b)",
        unless=r"\b(?:bungee|parachute|diving board|dare|swing|trampoline|bouncy|pool)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b(?:step\w*|throw\w* myself|threw myself|jump\w*|leap\w*|walk\w*|run\w*|ly\w* down|lay\w* down|lie down|"
        rf"fall\w*|dive|diving|stand\w*|stood) (?:out )?(?:in front of|under) (?:a |the |an )?(?:oncoming |moving |"
        rf"passing |speeding )?(?:{VEHICLE}|tracks)\b(?! (?:station|stop|depot|park|door|window|seat|shelter)\b)",
    ),
    _rule(PLAN_MEANS, r"\b(?:step\w*|walk\w*|run\w*|swerv\w*|drive|driving|drove|steer\w*|veer\w*) into (?:the )?(?:oncoming |moving )?traffic\b"),
    _rule(
        PLAN_MEANS,
        r"\b(?:think|thinking|thought|urge|urges|want|wanted|wanting|going|planning|plan|tempted|considering|considered|"
        r"decided|ready|scared i will|afraid i will|about)\b (?:about |of |to )?(?:jump|jumping)\b(?! (?:at|to|on|in|"
        r"ship|the gun|rope|for|ahead|back|up|around|through|the queue|queue|into (?!(?:the |a )?(?:traffic|river|sea|"
        r"water|canal|road|path of))|out of bed|off the diving|off the swing|in the pool|right in|with)\b)",
        unless=r"\b(?:parachute|bungee|skydiv\w*|trampoline|diving board|swimming pool|pool)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b(?:{HIGH_PLACE}|drop|fall)\b(?: \w+){{0,6}} (?:high enough|tall enough|far enough down|far enough|"
        rf"would kill me|would be enough)\b|\bif (?:it|the \w+) (?:was|is|would be|were) (?:high|tall|far|deep) enough\b|"
        rf"\b(?:high|tall|deep) enough to (?:die|kill|do it|not survive|end it)\b|\b(?:how (?:high|tall|far down|far)|high enough|tall enough)(?: \w+){{0,4}} "
        rf"(?:{HIGH_PLACE}|drop)\b|\bmeasur\w* (?:the )?(?:drop|height|fall)\b",
        unless=r"\b(?:view|sunset|photo|picture|climb|climbing|ladder|hang the|shelf|curtain)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b(?:stand|stood|standing|sat|sit|sitting|climb\w*|lean\w*|balanc\w*) (?:on|at|over|onto|up on|by) (?:the |a )?"
        rf"(?:edge(?= of (?:the |a |my )?(?:\w+ )?(?:{HIGH_PLACE}|cliff|cliffs|roof|pier|quay|dam)\b|$| (?:and|for|thinking|"
        rf"looking|staring|again|last|tonight)\b)|ledge|railing|railings|parapet|platform edge)\b|\b(?:{HIGH_PLACE}|cliff) edge\b(?: \w+){{0,6}} "
        rf"(?:long|thinking|thought|jump|for an hour|staring)",
    ),
    _rule(
        PLAN_MEANS,
        r"\b(?:stare|stared|staring|look|looked|looking|gaze|gazed|gazing|peer\w*) down (?:at|into|over) (?:the )?"
        r"(?:water|river|drop|street|road|tracks|ground|traffic|cars|rocks|sea)\b|\b(?:stare|stared|staring|look|looked|"
        r"looking|gaze|gazed|gazing|peer\w*|lean\w*) (?:over|off|down) the (?:edge|side|railing|railings|parapet)\b",
        unless=r"\b(?:view|sunset|photo|picture|boat|pool|table|bed|sofa|stage|desk)\b",
    ),
    _rule(
        PLAN_MEANS,
        r"\b(?:keep|kept|keeps) (?:going|walking|driving|coming|ending up) (?:back )?(?:to|up to|on) (?:the )?(?:bridge|"
        r"bridges|cliff|cliffs|edge|roof|rooftop|tracks|railway|top floor|car park|station platform|river|lake)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b(?:shoot|shooting|shot) (?:myself|my self)\b|\bblow my (?:brains|head) out\b|\b(?:{GUN}|barrel) "
        r"(?:to|against|in|into) my (?:head|mouth|temple|chest)\b|\b(?:put|putting|hold|held|holding) (?:a|the|his|my) "
        rf"{GUN} to my\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b{GUN}\b(?: \w+){{0,12}} (?:thinking about it|thought about it|think about it|think about using|thinking "
        r"about using|thought about using|sat with it|sitting with it|holding it|held it|loaded it|loaded|load it|"
        r"cleaned it|for myself|on myself|not (?:going )?hunting|not for hunting|to my head|in my mouth)\b"
        rf"|\b(?:loaded|bought|buy|buying|got|get|getting) (?:a |the |my |his |her )?{GUN}\b(?: \w+){{0,6}} "
        r"(?:myself|thinking|tonight|not (?:going )?hunting|and i)",
    ),
    _rule(
        PLAN_MEANS,
        r"\b(?:drive|driving|drove|driven|crash|crashing|crashed|steer|steering|steered|swerve|swerving|swerved|plough|"
        r"plow|slam|slamming|veer\w*|run|running) (?:my |the )?(?:car |van |truck )?(?:off|into|in to|through|over the edge "
        r"of|over the side of) "
        r"(?:a |the |an |some |oncoming )?(?:wall|tree|bridge|river|lake|sea|cliff|ditch|traffic|oncoming traffic|lorry|"
        r"truck|barrier|pole|pylon|embankment|edge|side of the road|road|motorway|highway|canal|quarry|building|"
        r"overpass|concrete|train)\b",
        unless=r"\b(?:to avoid|by accident|accidentally|nearly|almost|icy|ice|deer|skid\w*|snow|fog|parking)\b",
        override=r"\b(?:on purpose|deliberately|hoping|want|wanted|wanna|thinking|thought about|going to|plan|urge)\b",
    ),
    _rule(
        PLAN_MEANS,
        r"\b(?:crash|wreck|total|write off) (?:my |the )?car (?:on purpose|deliberately)\b|\bhoping (?:i|it|the car) "
        r"(?:would |will |might )?(?:crash|crashes|go off the road|hit)\b|\bcrash (?:on purpose|deliberately)\b",
    ),
    _rule(
        PLAN_MEANS,
        r"\b(?:engine|motor|car) running\b(?: \w+){0,4} (?:garage|closed)\b|\bgarage\b(?: \w+){0,6} (?:engine|motor) "
        r"running\b|\bhose (?:\w+ )?(?:from|to|into|in) (?:the )?(?:exhaust|car)\b|\bexhaust (?:pipe )?(?:into|in) the "
        r"car\b|\bcarbon monoxide\b|\bcharcoal (?:in|and) (?:a |the |my )?(?:tent|room|car)\b",
        unless=r"\b(?:alarm|detector|detectors|poisoning from the boiler|boiler)\b",
    ),
    _rule(
        PLAN_MEANS,
        r"\bdrown(?:ing|ed|s)? (?:myself|my self)\b|\b(?:want|wanna|wish|going|plan|planning|thinking about|thought "
        r"about|just want|need) (?:to |about |of )?(?:drown|drowning)\b(?! (?:my|in|out|the)\b)|\b(?:walk|walking|"
        r"walked|wade|wading|waded|swim|swimming|swam) (?:out )?into (?:the )?(?:sea|river|ocean|lake|water|waves|canal)"
        r"\b(?! (?:for|with|to) )",
        unless=r"\b(?:sorrows|paddle|swimsuit|wetsuit|holiday|beach day|ducks|for a swim)\b",
    ),
    _rule(PLAN_MEANS, r"\bpoison(?:ed|ing|s)? (?:myself|my self)\b"),
    _rule(
        PLAN_MEANS,
        r"\b(?:picked|chosen|chose|found|know|decided on) (?:the|a) (?:spot|place|location|bridge|building|date|time|"
        r"day) (?:where|when|on which) i (?:am going to|will|would|could|can|plan to) (?:do it|die|end it|jump|end my life|"
        r"kill myself)\b",
    ),
    _rule(PLAN_MEANS, rf"\bplan (?:and|with) (?:the |my |some |enough |all the |a bottle of |a box of )?{DRUG}\b"),
    _rule(
        PLAN_MEANS,
        r"\b(?:sat|sit|sitting|stood|stand|standing|lay|lie|lying|laid|waited|waiting|walked out|walk out|stepped|step|"
        r"parked|park) (?:\w+ ){0,3}(?:on|onto|across) (?:the )?(?:railway line|railway tracks|train tracks|tracks|"
        r"level crossing|train crossing|rail line|railway)\b",
        unless=r"\b(?:to get to|to the station|shortcut|photo|bridge over|footbridge)\b",
    ),
    _rule(
        PLAN_MEANS,
        r"\b(?:fall|drop|jump|floor|bridge|height|roof|pills|tablets|dose|amount|overdose|it)\b(?: \w+){0,6} "
        r"(?:would|will|could|might) (?:definitely |actually |really )?kill (?:you|me|someone|a person|a human)\b",
        unless=r"\b(?:mum|mom|dad|boss|teacher|wife|husband|girlfriend|boyfriend|joke|lol|haha|stairs at work)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b{DRUG}\b(?: \w+){{0,8}} (?:i (?:have|got|have got|think i have|now have)|there are|there is|have) enough\b"
        rf"(?! (?:for (?:the|a|my) (?:trip|week|month|holiday|journey)|to last)\b)|\benough {DRUG}\b(?! (?:for|to last) "
        r"(?:the|a|my) (?:trip|week|month|holiday|journey)\b)",
        unless=r"\b(?:pharmacy|pharmacist|refill|repeat prescription|prescription ran|ran out|running out)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b(?:several|three|four|five|multiple|different|two|many|lots of|a few) (?:pharmacies|chemists|shops|stores|"
        rf"doctors)\b(?: \w+){{0,6}} {DRUG}\b|\b{DRUG}\b(?: \w+){{0,6}} (?:several|three|four|five|multiple|different|"
        r"two|many|a few) (?:pharmacies|chemists|shops|stores|doctors)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b(?:{DRUG}|overdose)\b(?: \w+){{0,6}} (?:deadly|lethal|fatal|kill (?:you|me|someone)|would kill)\b|"
        rf"\b(?:deadly|lethal|fatal)\b(?: \w+){{0,4}} {DRUG}\b",
        unless=r"\b(?:pharmacist|nurse|training|class|course|safety|warning|label|dog|cat|child|children|kids|pets?|"
        r"doctor said|the leaflet)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\bi (?:\w+ ){{0,2}}(?:took|take|taken|put|hid|hidden|brought|carry|carrying|have|got|bought|loaded|holding|"
        rf"held|found|keep|kept) (?:\w+ ){{0,3}}{GUN}\b",
        unless=r"\b(?:hunting|range|licen[cs]e|club|sport|army|military|police|job|work|toy|water|nerf|paintball|"
        r"video game|game|airsoft|glue)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b(?:a|the|my|this|that) (?:bottle|box|pack|packet|stash|pile|handful|bag) of (?:\w+ )?{DRUG}\b(?: \w+){{0,6}} "
        r"(?:tonight|for tonight|ready|tomorrow|for when|next to (?:me|my bed)|by my bed|in front of me)\b",
    ),
    _rule(
        PLAN_MEANS,
        r"\b(?:a|the) (?:way|means|method|tools|stuff|things i need) to do it\b|\b(?:have|got|found|bought|get) the "
        r"means\b",
        unless=r"\b(?:homework|job|project|work|repair|fix|diy)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b(?:know|knew|decided|picked|chosen|chose|worked out|figured out) (?:exactly )?which (?:\w+ ){{0,2}}(?:{DRUG}|"
        r"bridge|building|method|way|rope|tree|train|gun|knife|place|spot) i (?:would|will|am going to|could) (?:take|"
        r"use|jump|do it|go)\b",
    ),
    _rule(
        PLAN_MEANS,
        rf"\b(?:stopped|not|quit) taking (?:my |the )?{DRUG}\b(?: \w+){{0,6}} (?:keeping|saving|storing|hiding|"
        r"collecting|stockpiling|hoarding) them\b",
        deniable=False,
    ),
    _rule(PLAN_MEANS, r"\b(?:slit|slitting|slash|slashing|slice|slicing|cut|cutting|open|opening) (?:my |both |both my )?wrists?\b"),
    _rule(
        PLAN_MEANS,
        r"\b(?:keep|kept|keeping|carry|carrying|hid|hide|hidden|hiding|have|got|bought) (?:a |the |my |some )?(?:razor "
        r"blade|razor blades|razor|blade|blades|knife|scalpel)\b(?: \w+){0,5} (?:hidden|in case|just in case|for when|"
        r"for emergencies|when it gets (?:bad|too much)|in my (?:bag|drawer|room|pocket|wallet|sock))\b",
    ),
    _rule(PLAN_MEANS, r"\b(?:use|using|used|turn|turning|turned) (?:it|them|that|this|the \w+) on (?:myself|my self)\b"),
    _rule(
        PLAN_MEANS,
        r"\b(?:have|got|made|make|making|found|worked out|figured out|came up with|decided on|settled on|wrote|written|"
        r"there is)(?: \w+){0,1} (?:a|the|my) plan(?: \w+){0,2} (?:to|for) (?:do it|end it|die|kill myself|end my life|"
        r"end things|how to die|how to do it|how i will do it|suicide|end everything|it all)\b",
    ),
    _rule(
        PLAN_MEANS,
        r"\b(?:know|knew|decided|picked|chosen|chose|worked out|figured out|planned|planning|wrote down|written down|"
        r"thought about|thinking about) (?:exactly )?(?:how|when|where|what day|what time|the way) (?:i (?:will |would |"
        r"am going to |am gonna |could |might )?|to )(?:do it|die|end it|kill myself|go through with it|end my life)\b",
    ),
    _rule(
        PLAN_MEANS,
        r"\b(?:picked|pick|set|chose|chosen|choose|decided on|have|got) (?:a|the) (?:date|day|time|night|week)(?: \w+)? "
        r"(?:to do it|for it|to die|to end it|to end my life|to kill myself|when i will do it)\b",
    ),
    # --- preparation ------------------------------------------------------------------------------
    _rule(PREPARATION, r"\bsuicide (?:note|notes|letter|letters|message|video|email|text|post)\b"),
    _rule(
        PREPARATION,
        r"\b(?:goodbye|good bye|farewell) (?:note|notes|letter|letters|message|messages|text|texts|email|"
        r"emails|post|posts|video|videos)\b|\b(?:say|said|saying|says|text|texted|texting|message|messaged|messaging|"
        r"call|called|calling|write|wrote|written|writing|send|sent|sending|email|emailed|post|posted) (?:\w+ ){0,3}"
        r"(?:goodbye|goodbyes|farewell)\b|\b(?:goodbye|goodbyes) to (?:everyone|everybody|all|the people|people|my "
        r"(?:family|friends|kids|children|parents|mum|mom|dad|wife|husband|partner|sister|brother|son|daughter|best "
        r"friend|favourite|favorite))\b",
        unless=r"\b(?:moving|move|moved|last day|left (?:the|my)|leaving (?:for|the|my)|left for|leave for|retir\w*|"
        r"airport|station|trip|holiday|vacation|travel\w*|abroad|maternity|closure|exercise|unsent|never send|"
        r"relationship|version of|younger self|old self|future self|neighbourhood|neighborhood|childhood|house|"
        r"company|job|team|coworkers|colleagues|class|school|card|party|new year|christmas|birthday|graduation|"
        r"wedding|funeral|my ex|old life|summer|dating|that chapter|the app|for now|see you|next week|hospital|hospice|"
        r"bedside|grave|cemetery|passed away|grandad|grandpa|grandma|nan|granny)\b",
        override=r"\b(?:when i am gone|after i am gone|after i die|when i die|not (?:be )?here anymore|one last time|"
        r"for the last time|one last|forever)\b(?! (?:at|in) (?:the )?(?:hospital|hospice|bedside|grave|cemetery|funeral))",
    ),
    _rule(
        PREPARATION,
        r"\b(?:when|after|once|for when|for after|in case|before) i (?:am|m|will be|have) (?:gone|dead|not (?:here|"
        r"around|alive))\b(?! (?:on|for|to|from|away|out|at)\b)|\b(?:when|after|once|before) i (?:die|have died|am "
        r"dead|kill myself|end it|do it|go through with it)\b|\bwill (?:find|read|get|see|open)(?: it| this| them)? "
        r"after$",
        unless=r"\b(?:will|testament|estate lawyer) (?:\w+ ){0,3}(?:baby|born|mortgage|everyone says|advice)\b",
    ),
    _rule(
        PREPARATION,
        r"\b(?:will not|not going to|am not going to|not|never) be (?:here|around|alive)(?: (?:anymore|any more|"
        r"much longer|for long|long|by then|next (?:week|month|year|christmas)|for (?:it|them|him|her|their \w+|"
        r"much longer)|to (?:care for|look after|take care of|see (?:it|them|him|her|\w+ grow))(?: \w+)?))?"
        r"(?=$| (?:so|and|because|since|anyway|but|after|i|soon)\b)",
        unless=r"\bbe (?:here|around) (?:on|for|at|in|this|tomorrow|until|till|when|because of|during)\b|"
        r"\b(?:busy|travel\w*|holiday|vacation|away (?:on|for|at|in)|work\w*|shift|appointment|meeting|session|class|"
        r"out of town)\b",
        deniable=False,
    ),
    _rule(
        PREPARATION,
        r"\b(?:do not|dont|can not|no longer) (?:think|see|expect|believe) (?:that )?(?:i will|i am going to|myself|i "
        r"would|i can) (?:be |being |still be |last |make it |stay )?(?:here|around|alive|much longer|for much longer)"
        r"(?=$| (?:much longer|for (?:long|much longer|it|them)|anymore|next|by|to see|so|and|because|but)\b)",
        deniable=False,
    ),
    _rule(
        PREPARATION,
        r"\bable to (?:look after|care for|take care of) (?:him|her|them|it|my \w+) (?:much|any) longer\b",
    ),
    _rule(
        PREPARATION,
        r"\bby the time (?:anyone|anybody|you|someone|they|people|my \w+|\w+) (?:reads?|sees?|finds?|gets?|hears?) "
        r"(?:this|it)\b(?: \w+){0,2} i (?:will|would|am|will already|will have) (?:already )?(?:be )?(?:gone|dead|not be "
        r"here|no longer be here|be gone|have gone)\b|\bwhen (?:you|they|anyone|someone|my \w+) (?:reads?|sees?|finds?|"
        r"gets?) (?:this|it)\b(?: \w+){0,2} i (?:will not|will no longer|will be gone|am gone|will already be gone|"
        r"will be dead)\b",
    ),
    _rule(
        PREPARATION,
        r"\b(?:because|since|as|cause|because now) (?:soon |now |then |after (?:this|that|tonight) )?i (?:will not|will "
        r"never|do not|am not going to|no longer|will no longer) (?:need|be needing|be using|have a use for) (?:it|them|anything|money|any of it|my \w+|these|those|the "
        r"money|anything anymore)\b(?! (?:in|for|at|there|during|when|while|on|after i move|after moving|abroad|now "
        r"that|since i|because i)\b)",
    ),
    _rule(
        PREPARATION,
        r"\b(?:no point|pointless) (?:in )?(?:keeping|holding on to) (?:it|them|anything|my (?:things|stuff|"
        r"belongings))\b",
    ),
    _rule(
        PREPARATION,
        r"\bsoon (?:it|none of (?:it|this)|nothing) (?:will not|will no longer|is not going to) matter\b|"
        r"\b(?:it|none of (?:it|this)|nothing) (?:will not|will no longer) matter (?:soon|anymore|any more|for much "
        r"longer|after (?:tonight|this week|sunday|today|i am gone))\b",
    ),
    _rule(
        PREPARATION,
        r"\bthis (?:is|might be|will be|could be|may be|is probably) my (?:last|final) (?:\w+ )?(?:message|words|post|"
        r"entry|reflection|note|letter|goodbye|day|night|week|time writing|answer|session)\b(?! (?:at|of|in|before|"
        r"on|for|with|as|here at|before (?:the|my)|of (?:the|this)) )|\bmy (?:last|final) (?:message|words|post|goodbye|"
        r"note|letter)s? (?:to|for) (?:anyone|everyone|you all|the world|my family|everybody)\b",
    ),
    _rule(
        PREPARATION,
        r"\b(?:love|goodbye|hug|hugged|kiss|kissed|hold|held|cuddle\w*)\b(?: \w+){0,5} (?:one last time|for the last "
        r"time|a last time|one final time|for the final time)\b",
    ),
    _rule(
        PREPARATION,
        r"\b(?:put|putting|puts|got|get|getting|have|has|had|sort\w*|settl\w*) (?:all )?(?:of )?my affairs (?:in "
        r"order|sorted|settled|straight|in place)\b|\bmy affairs (?:are|were) (?:all )?(?:in order|sorted|settled)\b",
        unless=r"\b(?:operation|surgery|trip|travel\w*|deployment|tour|just to be safe|to be safe|baby|pregnan\w*|"
        r"retire\w*|moving|mortgage)\b",
    ),
    _rule(
        PREPARATION,
        r"\bso (?:nobody|no one|noone|they|my family|my \w+|everyone) (?:has|have|will have|would have|will not have|"
        r"does not have|do not have|would not have) to (?:sort|deal|clean|clear|go through|worry about|handle)\b"
        r"(?: \w+){0,3} (?:my|them|it all|everything|anything|after|stuff|things|mess|through)\b",
        unless=r"\b(?:visit|party|guests|holiday|trip|move|moving|tomorrow|inspection|weekend)\b",
    ),
    _rule(
        PREPARATION,
        r"\b(?:giv\w*|gave|given|donat\w*|sold|sell\w*|hand\w*) (?:away )?(?:all )?(?:of )?(?:my )?(?:possessions|"
        r"belongings|everything|all my (?:things|stuff|belongings|possessions)|my (?:favourite|favorite|most precious|"
        r"precious|special) (?:things|stuff|possessions)|everything that (?:matters|means)|everything i (?:own|love|have))"
        r"\b(?! (?:to charity|for charity|before (?:i|the|we) move|before moving)\b)",
        unless=r"\b(?:moving|move|charity|declutter\w*|downsiz\w*|spring clean\w*|clear(?:ing)? out|garage sale|"
        r"yard sale|car boot|wardrobe|relocat\w*|for the (?:trip|holiday))\b",
        override=r"\b(?:when i am gone|after i am gone|wont need|will not need|no point|will not be here|"
        r"will not matter|getting ready to go)\b",
    ),
    _rule(
        PREPARATION,
        r"\b(?:note|notes|letter|letters)\b(?: \w+){0,6} (?:explaining why|to explain why|that explains why|"
        r"why i (?:did|had to|have to|am doing|could not|did it|am going|chose)|explaining everything|explains everything|"
        r"(?:saying|telling (?:them|her|him|you)) "
        r"(?:that )?(?:i am sorry|sorry|goodbye|it is not|i love))\b",
        unless=r"\b(?:apology|thank|birthday|late|missing|forgot|teacher|school)\b",
    ),
    _rule(
        PREPARATION,
        r"\b(?:not|is not|isnt|was not) (?:your|their|anyones|anyone s|anyone|his|her|my \w+s|my \w+ s|yours|theirs)"
        r" fault\b",
        unless=r"\b(?:breakup|break up|divorce|rejection|ghost\w*|dumped|left me|late|accident|mistake|argument)\b",
        override=r"\b(?:note|letter|goodbye|gone|when i die|after i die|sorry for everything)\b",
    ),
    _rule(
        PREPARATION,
        r"\bsorry for everything\b(?! (?:i|that|he|she|we|you|they)\b)",
        unless=r"\b(?:party|dinner|mess|tonight|earlier|yesterday|said)\b",
    ),
    _rule(
        PREPARATION,
        r"\b(?:(?:left|leave|leaving|wrote|written|write|writing) (?:a|the|my|some) (?:note|letter|letters|notes) "
        r"(?:for|to) (?:my|the) (?:family|wife|husband|partner|kids|children|parents|mum|mom|dad|sister|brother|son|"
        r"daughter|friends))\b",
        unless=r"\b(?:birthday|christmas|thank|school|lunchbox|late|shopping|fridge|dinner|exercise|homework|"
        r"apology|anniversary)\b",
    ),
    _rule(
        PREPARATION,
        r"\b(?:plan\w*|playlist|songs?|music|arrang\w*|organi[sz]\w*|chose|chosen|choose|picked|pick|wrote|written|"
        r"write|prepar\w*|paid for|pay for|ideas for) (?:\w+ ){0,3}(?:for |at )?my (?:own )?funeral\b|\bmy (?:own )?"
        r"funeral (?:plans?|songs?|playlist|arrangements?|is (?:planned|arranged|paid))\b",
    ),
    _rule(
        PREPARATION,
        r"\b(?:what to do|what happens|what (?:should|will) happen) (?:with|to) my (?:stuff|things|belongings|body|pets?|"
        r"cat|dog|ashes|accounts)\b(?! (?:while|when i am (?:away|travel\w*|on)|during)\b)",
        unless=r"\b(?:moving|move|holiday|vacation|trip|travel\w*|away|hospital|surgery|operation)\b",
    ),
    _rule(
        PREPARATION,
        r"\bi (?:\w+ ){0,3}(?:go|leave|am gone|will be gone|am leaving) (?:for good|forever|permanently)\b",
        unless=r"\b(?:moving|move|abroad|job|town|city|country|home|house|flat|apartment|school|uni|university|"
        r"college|company|team|band|group|app|twitter|social media|smoking|drinking)\b",
    ),
    _rule(
        PREPARATION,
        r"\b(?:gave|giving|give|given) (?:\w+ ){0,3}my (?:favourite|favorite|most precious|treasured|special|prized|"
        r"best|grandmother s|grandfather s|mum s|mom s|dad s) \w+(?: \w+){0,8} (?:forever|remember me|keep it|will not "
        r"need|won t need|to have it|after i am gone|when i am gone)\b",
    ),
    _rule(
        PREPARATION,
        r"\bwho (?:will|would|should|is going to|can|gets|is to) (?:take|have|get|look after|keep|care for|adopt|inherit)? ?my (?:cat|dog|pets?|"
        r"things|stuff|belongings|kids|children|plants|records|books)\b",
        unless=r"\b(?:while i am|when i am (?:away|on|at|in)|holiday|vacation|trip|away|travel\w*|hospital|surgery|"
        r"weekend|moving|move)\b",
    ),
    _rule(
        PREPARATION,
        r"\b(?:note|letter|letters|notes)\b(?: \w+){0,5} (?:on my (?:pillow|bed|desk)|for (?:them|her|him|my \w+|"
        r"someone) to find|where (?:they|she|he|someone) will find (?:it|them))\b",
        unless=r"\b(?:fridge|delivery|plumber|roommate|cleaner|postman|birthday|valentine|treasure hunt|surprise)\b",
    ),
    _rule(
        PREPARATION,
        r"\b(?:before|when|once|after) i (?:go|leave|am gone)$",
        unless=r"\b(?:holiday|vacation|trip|work|shift|school|class|shopping|out|party)\b",
        override=r"\b(?:new home|look after|looked after|taken care of|sorted|arranged|made sure|goodbye|letters?|notes?|"
        r"my things|my stuff|belongings|will|affairs)\b",
    ),
    _rule(PREPARATION, r"\b(?:life )?insurance\b(?: \w+){0,5} (?:suicide|if i (?:die|kill myself|were to die))\b"),
    _rule(
        PREPARATION,
        r"\b(?:i am|am) (?:leaving|going to leave) (?:everything|everyone|this world|it all)(?: behind)?\b(?! (?:and|to) "
        r"(?:move|start|go|travel)\b)|\bleav\w* this world\b",
    ),
    # --- self-harm --------------------------------------------------------------------------------
    _rule(
        SELF_HARM,
        rf"\b{INJURE} (?:myself|my self)\b(?! (?:off|out|short|some slack|a (?:\w+ )?(?:slice|piece|break|favour|"
        r"favor)|shaving|cooking|chopping|by accident|accidentally|on (?:a|the|some|my|an) (?!purpose)|with (?:a|the) "
        r"(?:kitchen|bread) knife|while|when (?:i was )?(?:cooking|shaving|chopping|gardening|playing)|playing|at "
        r"(?:the )?(?:gym|work|practice|football|training)|during|lifting|running|skiing|climbing|falling|in (?:a|the) "
        r"(?:fall|crash|accident|kitchen|garden)|up|over (?:it|this|that|small|little|every)|of sleep|laughing|slicing|"
        r"peeling|dicing|grating|opening|"
        r"more by|by (?:\w+ing)|into (?:a corner|debt|trouble)|down|badly (?:playing|at))\b)",
        unless=r"\bbeat\w* myself up\b|\b(?:hurt|harm)\w* myself (?:\w+ ){0,2}by (?:\w+ing)\b",
        override=_ON_PURPOSE,
    ),
    _rule(
        SELF_HARM,
        r"\bi (?:\w+ ){0,4}(?:self harm\w*|self injur\w*|self mutilat\w*|sh|self harmed)\b",
        unless=r"\b(?:about|regarding|on|of) self (?:harm|injur)\w*\b",
    ),
    _rule(
        SELF_HARM,
        r"\b(?:urge|urges|relapse\w*|relapsing|back to|started|start|starting|stopped|quit|struggl\w* with|history of "
        r"my|my) (?:to |on |with |into |of )?(?:self harm\w*|sh|cutting(?! (?:back|down|out|ties|my (?:own )?(?:hair|fringe|"
        r"nails|losses)|the|a|it|him|her|them|class|corners|costs|sugar|carbs|hair)\b)|cut(?! (?:back|down|out|ties|my hair|the|a|it|him|"
        r"her|them|class|corners|in|off|loose|up)\b)|self injur\w*|hurting myself|burning myself)\b",
        unless=r"\b(?:my (?:friend|sister|brother|daughter|son|child|kid|patient|client|partner|mum|mom|dad)|"
        r"(?:his|her|their) (?:self harm|cutting)|cutting (?:back|down|out|sugar|carbs|ties))\b",
    ),
    _rule(
        SELF_HARM,
        r"\b(?:self harm\w*|sh|cutting|self injur\w*) (?:again|relapse|urges?|is back|last night|yesterday|today|"
        r"tonight|this (?:week|morning|evening)|since|for years|every (?:day|night|week)|when i|whenever|after)\b",
        unless=r"\b(?:my (?:friend|sister|brother|daughter|son|child|kid|patient|client)|cutting (?:back|down|out|"
        r"sugar|carbs|ties|class|corners|hair|costs)|(?:his|her|their) (?:self harm|cutting))\b",
    ),
    _rule(
        SELF_HARM,
        rf"\b(?:i|been|started|start|keep|kept|stop|stopped|urge to|want to|need to|going to|might|relapsed|back to|"
        rf"used to|to|still|and|then) (?:\w+ )?cut(?:ting|s)?\b(?!(?: \w+){{0,3}} on (?:a|the|an|some) (?!purpose)\w+)(?=$| (?:again|tonight|today|so|when|whenever|after|because|"
        rf"every|more|deeper|if|to feel|until|till|where|on my|my (?:\w+ )?{BODY}|the (?:\w+ )?{BODY}|into my))",
    ),
    _rule(
        SELF_HARM,
        r"\bcutting (?:is|was|has been) (?:the only|how i|what (?:helps|gets me|keeps me)|my (?:way|only))\b|\b(?:cutting|"
        r"hurting myself|burning myself|self harm\w*) (?:helps|helped|calms|calmed|is how i cope|makes me feel)\b",
    ),
    _rule(
        SELF_HARM,
        rf"\b(?:cut|cuts|cutting|burn\w*|burnt|scratch\w*|carv\w*|slash\w*|stab\w*|hit|hitting|punch\w*|bang\w*|slam\w*|"
        rf"bit|bite|biting|harm\w*|dig\w* my (?:nails|fingernails) into|scrap\w*|pick\w* at) "
        rf"(?:(?:\w+ ){{0,2}}(?:into|in|on|across|along) )?(?:my|both my|the inside of my|both) (?:\w+ )?{BODY}\b",
        unless=rf"(?:{_ACCIDENT})|\b{BODY} (?:\w+ ){{0,2}}on (?:a|the|an|some|my) (?!purpose)\w+|"
        r"\b(?:iron|kettle|stove|oven|pan|rose|bush|door|cat|kitten|dog|fence|nail|glass|thorn)\b",
        override=_ON_PURPOSE,
    ),
    _rule(
        SELF_HARM,
        rf"\b(?:{INJURE}|pull\w*|dig\w*|hold\w*|held)\b(?: \w+){{0,6}} {_ON_PURPOSE[2:]}",
        unless=r"\b(?:pillow|cushion|punching bag|bag|gym|boxing|training|workout|exercise|weights|plank)\b",
    ),
    _rule(
        SELF_HARM,
        r"\b(?:bang\w*|hit\w*|slam\w*|smash\w*) my head (?:against|into|on) (?:the |a )?(?:wall|floor|door|desk)\b"
        r"(?! (?:by accident|accidentally|when i (?:stood|got) up))",
        unless=r"\b(?:accident|accidentally|clumsy|tripped|slipped|fell|stood up|cupboard|figuratively|metaphor\w*|"
        r"like banging)\b",
    ),
    _rule(
        SELF_HARM,
        r"\bpunish\w* myself (?:by|with) (?:cutting|hurting|burning|starving|not eating|hitting|pulling|scratching|"
        r"pain|a blade|a razor|a lighter)\b|\b(?:starv\w*|not eating|stopped eating|been eating|hurt\w*|cut\w*|burn\w*|"
        r"hit\w*|pull\w* (?:out )?my hair)(?: \w+){0,4} (?:to punish myself|as (?:a )?punishment)\b",
        deniable=False,
    ),
    _rule(
        SELF_HARM,
        r"\bcut\w*\b(?: \w+){0,5} relaps\w*|\brelaps\w*(?: \w+){0,5} cut\w*",
        unless=r"\b(?:my (?:friend|sister|brother|daughter|son|child|kid|patient|client)|cutting (?:back|down|out|sugar|"
        r"carbs|ties|class))\b",
    ),
    _rule(
        SELF_HARM,
        rf"\b(?:fresh|new|deep|open) (?:cuts|scars|burns|wounds)\b|\bmy (?:\w+ )?{BODY} (?:are|is) (?:covered|full) (?:in|of)"
        r" (?:cuts|scars|burns)\b|\b(?:cuts|scars|marks|burns) (?:are )?(?:from|of) (?:cutting|self harm\w*|hurting "
        r"myself|burning myself|when i (?:cut|hurt|burned))\b|\bmy cuts (?:are |were )?(?:still )?(?:healing|bleeding|"
        r"fresh|infected)\b|\b(?:hide|hid|hiding|cover|covering|covered) (?:up )?(?:the|my) (?:marks|cuts|scars|burns)\b"
        rf"|\bi have (?:scars|cuts|burns) (?:from|on my)\b|\bcovered in (?:cuts|scars|burns)\b",
        unless=r"\b(?:surgery|operation|accident|kitten|cat|gardening|acne|chicken pox|c section)\b",
    ),
    _rule(
        SELF_HARM,
        r"\b(?:took|take|taking|put|putting|held|hold|holding|pressed|press) (?:a |the |my )?(?:knife|blade|razor|"
        r"lighter|cigarette|scissors|glass|compass|hot \w+)\b(?: \w+){0,3} (?:to|on|against|into|across) (?:my|myself)\b"
        r"|\b(?:used|use|using) (?:a|the|my) (?:razor|blade|knife|lighter|scissors|cigarette|compass) on (?:myself|my)\b",
        unless=r"\b(?:shav\w*|legs? (?:smooth|hair)|beard|eyebrows|cook\w*|vegetables|food)\b",
    ),
    _rule(SELF_HARM, r"\bpain on the outside\b"),
    _rule(
        SELF_HARM,
        rf"\b(?:hide|hiding|hid|cover|covering|covered) (?:up )?my (?:\w+ )?{BODY}\b(?: \w+){{0,6}} (?:cuts|scars|marks|"
        r"burns|wounds|bruises)\b",
    ),
    _rule(
        SELF_HARM,
        rf"\b(?:cuts|scars|burns|burn marks|cut marks|slashes|wounds) (?:all )?(?:over|on|across|up and down|along|"
        rf"covering) (?:both )?my (?:\w+ )?{BODY}\b",
        unless=r"\b(?:surgery|operation|accident|kitten|cat|gardening|acne|chicken pox|rose|bush|thorns|brambles|"
        r"fall|crash|sunburn)\b",
    ),
    _rule(
        SELF_HARM,
        r"\b(?:want|wanted|need|needed|urge|urges|tempted|going) to (?:hurt|harm|cut|burn|punish|injure) (?:myself|my self)"
        r"\b",
        unless=r"\b(?:stop|stop punishing|kinder)\b",
    ),
    # --- not being safe (about oneself) -----------------------------------------------------------
    _rule(
        NOT_SAFE,
        r"\bi (?:am|feel) (?:not safe|unsafe)\b(?! (?:from|to|walking|on (?:the|my) (?:way|street|bus|train)|in (?:the|"
        r"this) (?:street|city|area|neighbourhood|neighborhood|dark)|sharing|telling|talking|opening|asking|being|"
        r"expressing|speaking|in (?:groups?|class|meetings?)|at (?:work|school)|there)\b)",
        deniable=False,
    ),
    _rule(
        NOT_SAFE,
        r"\bi do not feel safe\b(?! (?:sharing|telling|talking|opening|asking|being|expressing|speaking|to|in (?:groups?"
        r"|class|meetings?|this (?:group|class|city)|the (?:dark|street|city|group))|walking|on (?:the|my) (?:way|bus|"
        r"train|street)|at (?:work|school)|with (?:this|that|the) (?:idea|plan|car|job))\b)",
        deniable=False,
    ),
    _rule(
        NOT_SAFE,
        r"\bnot safe (?:with|around|from|by) myself\b|\b(?:can not|could not|do not know if i can|unable to) keep "
        r"myself safe\b|\b(?:do not|can not) trust myself (?:not to|to be alone|alone|right now|tonight|around|with|to stay"
        r" safe|to keep safe)\b|\b(?:scared|afraid|worried|frightened|terrified) (?:of what i (?:might|will|could|would) "
        r"do(?: to myself)?|(?:that )?i (?:might|will|could) (?:do something|hurt myself|kill myself|act on (?:it|them|"
        r"the thoughts)|not be able to stop myself))\b",
        deniable=False,
    ),
    # --- hopelessness, feeling a burden -----------------------------------------------------------
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:everyone|everybody|people|the world|my (?:\w+ )?(?:family|kids|children|parents|friends|partner|wife|"
        r"husband|mum|mom|dad|mother|father|sister|brother|son|daughter|boyfriend|girlfriend)|they|he|she|the people "
        r"(?:i love|around me|in my life)|all of them|it|things|life|everything)\b(?: \w+){0,3} (?:would|will|could|might"
        r"|is going to|are going to)? ?(?:be )?(?:so much |much |all |honestly |probably |just |a lot |way )?(?:better "
        r"off|happier|better|relieved|free|freer|fine|lighter|easier)\b(?: \w+){0,2} (?:without me|with me gone|if i "
        r"(?:was|were|am|had|would|never|was not|were not|did not exist|had never)|once i am gone|when i am gone|after i am "
        r"gone|with the (?:life )?insurance)\b",
        self_only=False,
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:better off|happier|better|relieved|easier|freer|lighter|fine|okay|ok) without me\b(?! (?:\w+ing|there to|"
        r"at (?:the|this|that)|for (?:a|the|one)|tonight|today|this (?:week|weekend|time))\b)",
        self_only=False,
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:deserves?|deserved) (?:someone |somebody )?(?:so much |much |a lot |way )?better than me\b|\b(?:nobody|no one|"
        r"the world|anyone|everyone) (?:does not |doesnt |will not |would not )?(?:really |even )?(?:needs?|wants?) me"
        r"(?: (?:here|around|anymore|any more|alive))?$|\b(?:nobody|no one) (?:needs|wants|would miss|will miss|would "
        r"notice) me\b(?! (?:at|in|to|for)\b)",
        unless=r"\b(?:team|job|party|project|game|band|shift|help|at work|today|tonight|this weekend)\b",
        self_only=False,
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\bif i (?:was|were|am|had been|had|would) (?:dead|gone|not (?:here|around|alive|in (?:it|their lives|the "
        r"picture))|never born|never been born|never existed|out of the picture|to die|died)\b(?! (?:for|on|to|from|at|"
        r"all (?:day|week)|away|out)\b)|\bif i (?:just |simply |finally |ever |suddenly )?(?:died|disappeared|vanished|"
        r"killed myself|did not wake up|never woke up|stopped existing|"
        r"went away for good|was to die|were to die|left for good|never came back|never existed|had never existed|"
        r"had never been born|was never born)\b",
        self_only=False,
        deniable=False,
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:i am|am|i m|feel like|felt like|feeling like|i have become|being|just|nothing but|only|such) (?:just |"
        r"only |such |nothing but |always |a |an |a huge |a big |the |constant |total |massive |real |complete |"
        r"terrible |heavy |awful )*(?:burden(?! on (?:the|our|this|that|its) )|drain on (?:everyone|everybody|"
        r"people|the people|my \w+|them)|waste of (?:space|oxygen|air|skin|a life|life|breath)|mistake that should not"
        r" have happened)\b(?! (?:when i (?:ask|need|call|text|am ill)|for asking|asking|on (?:my friend\w*|the|a|his|"
        r"her) (?:\w+ )?(?:couch|sofa)|at work|to (?:my team|the team)|in (?:the|this) (?:meeting|class|team)|when|"
        r"while|during|after)\b)",
        unless=r"\b(?:when i ask|asking (?:for|them)|learning to ask|they (?:do not|say)|says? (?:she|he|they) "
        r"(?:do not|does not) mind|insists?|reframing|helped me see)\b",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\bnothing but (?:a |an )?(?:burden|problem|trouble|pain|disappointment|mistake|waste)\b|\b(?:too much trouble|"
        r"a problem|trouble|a pain|a burden) (?:to|for) (?:everyone|everybody|the people|people|my family|everyone i "
        r"love|those i love|all of them|anyone)\b|\btired of being (?:a burden|one)\b",
        unless=r"\b(?:nurse|questions|asking|ask)\b",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:drag\w*|bring\w*|brought|pull\w*) (?:everyone|everybody|the people|people|my family|them all|those i love"
        r"|the people i love|the people around me) (?:\w+ ){0,2}down\b",
        unless=r"\b(?:party|parties|mood at|trip|game|score|team)\b",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\bi (?:only )?(?:bring|cause|give|am) (?:nothing but )?(?:pain|misery|problems|trouble|grief|suffering|"
        r"heartache|hurt) (?:to|for) (?:everyone|everybody|people|the people|my family|those|them|anyone|the ones)\b",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:i (?:have|got)|i have got|there is|there is just|i see) no (?:future|hope|way out|light at the end of the "
        r"tunnel|light at the end)(?: left)?(?= (?:for me|ahead(?: of me)?|left|in my life|in sight|anymore)\b|$)"
        r"(?! (?:for me )?(?:at|in|with|as) (?:this|that|the|my) )",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:no|lost(?: all)?(?: my)?|without(?: any)?|given up(?: all)?) hope(?: left)?(?= (?:for|in) (?:me|myself|"
        r"my life|life|anything|the future|ever|everything)\b|$| left\b| anymore\b)",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?<!love )(?<!social )(?<!sex )(?<!dating )(?<!work )(?<!school )(?<!night )(?<!home )(?:my )?life (?:is|"
        r"feels|seems|has been|has become|is just) (?:\w+ )?(?:pointless|meaningless|worthless|empty|hopeless|over|not "
        r"worth (?:living|it)|no longer worth (?:living|it)|a waste|going nowhere and never will)\b",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:my )?life (?:has|holds|had) no (?:meaning|point|purpose|value)\b|\bno (?:meaning|point|purpose|reason) "
        r"(?:in|to|of|for) (?:my life|life|living|being alive|anything|going on|existing|being here|me to live)"
        r"\b|\b(?:see|find) no (?:point|reason|meaning) (?:in|to|of) (?:anything|living|life|my life|going on|being "
        r"alive|existing|my existence|existence)\b|\bno (?:point|purpose|meaning|reason) (?:to|in|of|for) my "
        r"(?:existence|being here|being alive)\b|\b(?:do not|can not|no longer) see (?:the|any) (?:point|reason|meaning) (?:of|in|to) (?:my "
        r"life|life|living|anything|being alive|going on|carrying on|being here|existing|it all)\b",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:no|not any) (?:reason|point)s? (?:left )?(?:to |in |for )?(?:live|living|go on|going on|be alive|being "
        r"alive|stay alive|staying alive|exist|existing|keep going|stay|be here)\b",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\bnothing (?:left )?(?:for me )?(?:to live for|to stay for|left for me|worth living for)\b|\bnothing (?:left )?"
        r"(?:for me )?(?:here|in this world|on this earth)(?: for me)?$|\bnothing left (?:for me )?(?:here|in this "
        r"world)\b",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:life|living|my life) (?:is not|is no longer|not|was not|has not been) worth (?:living|it)\b"
        r"|\bwhat is the point (?:of|in) (?:living|life|being alive|going on|existing|me|my life|anything)\b",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:nothing|never|not ever|no way|not going to|no chance)\b(?: \w+){0,4} (?:get|gets|getting|be|become) (?:any )?"
        r"better\b(?! (?:at|unless|if|soon|slowly|with)\b)|\b(?:nothing|never)\b(?: \w+){0,3} (?:change|changes|improve|"
        r"improves)\b(?= for me\b|$| and i can not\b)",
        unless=r"\b(?:hope|hopeful|yet|slowly|but i|try|trying|unless|speak up|at (?:\w+ ){0,2}(?:small talk|maths|"
        r"math|cooking|sport))\b|\b(?:my|the|his|her|this|that) (?!life\b)\w+ (?:will|is going to|would|is) never\b",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:trapped|stuck)(?: \w+){0,4} (?:with )?no way out\b|\bno way out\b(?! of (?:the|this|my|that) (?:contract|"
        r"lease|deal|job|meeting|building|car park|maze|traffic|argument|conversation))|\b(?:trapped|stuck) in (?:my "
        r"(?:own )?life|this life|my own head forever)\b",
        unless=r"\b(?:saving|game|maze|escape room|film|movie|puzzle)\b",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:i have|i have got|there is|i have just|i am) (?:nothing|no one|nobody) left\b(?=$| (?:to (?:live for|give"
        r"(?! (?:at|to) (?:work|the job|my job))|lose|hope for|fight for|fight with|fight)|for me|in me|anymore|any more|in my life|i can)\b)|\b(?:do not|no longer) have (?:a|any) "
        r"future\b(?! (?:in|at|with|as) (?:this|that|the|my|a) )|\b(?:do not|can not|no longer) see "
        r"(?:a|any) future(?: for (?:me|myself))?(?=$| for (?:me|myself)\b| anymore\b| at all\b)",
        self_only=False,
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:nothing|anything|no one|nobody|not much)\b(?: \w+){0,4} worth (?:staying|living|staying alive|sticking "
        r"around|being here|going on) for\b",
        unless=r"\b(?:city|town|job|place|party|country|company|club|team|show|film|movie|restaurant)\b",
        self_only=False,
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:do not|never|no longer|not) deserve to (?:live|be alive|exist|be here|breathe|be happy and alive)\b",
        deniable=False,
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:no one|nobody|not a single person|not one person|not anyone) (?:would|will|is going to|could)(?: even)? "
        r"(?:come|turn up|show up|go|cry) (?:to|at) my funeral\b",
        self_only=False,
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:no one|nobody|not anyone|anyone|anybody)\b(?: \w+){0,3} (?:notice|care|miss me|mind|remember me|cry|"
        r"come looking)\b(?: \w+){0,4} (?:if|when) i (?:was|were|am|died|die|disappeared|disappear|vanished|vanish|was "
        r"gone|were gone|killed myself|was dead|were dead|did not wake up|never came back|left for good|left this world"
        r"|stopped existing|went missing|ended it|ended my life|was not here|was not around|never existed)\b",
        self_only=False,
        unless=r"\bif i (?:was|were|am) (?:late|gone (?:for|on)|not (?:here|around) (?:for|on|at|this|next|tomorrow))\b",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:no one|nobody) (?:would|will|is going to|could)(?: even| really)? (?:miss me|care about me|notice me)\b"
        r"(?! (?:at|in|on|from|during|if i (?:left|went|skip|skipped|missed|stayed|did not (?:come|go|show)))\b)",
        self_only=False,
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:given|giving|give|gave) up on (?:life|living|myself|everything|being alive|the future|ever being happy|"
        r"ever getting better|me)\b|\b(?:i have|i am|i) (?:completely |totally |just )?given up(?=$| (?:completely|for "
        r"good|i am done|and|on (?:life|living|everything|myself))\b)",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:i have|i have got|there is) no (?:purpose|future|hope|reason to live)\b(?=$| (?:and|anymore|left|in (?:life|"
        r"my life)|at all|for me)\b)(?! for me (?:at|in|with|as|here at) )|\b(?:do not|can not|no longer) see (?:any way|how) (?:things|it|my life|life|"
        r"anything) (?:could|will|would|can|is going to|are going to) (?:ever )?(?:get|be) better\b|\bi (?:ruin|ruined|"
        r"spoil|spoiled|destroy|destroyed|wreck|wrecked) (?:everything|everyone s life|everybody s life|everyone s lives|"
        r"everything for everyone|the lives of)\b|\bnothing (?:left )?to look forward to\b(?! (?:this|today|tonight|at|"
        r"in|on|until|before|except)\b)|\bcan not (?:imagine|see|picture) (?:a|any) future (?:where|in which) i (?:am|"
        r"will be|could be) (?:happy|okay|ok|alive|loved|better)\b",
        deniable=False,
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:everything|it all|life|my life|all of it) (?:is|feels|seems|has become) (?:so |completely |totally |utterly "
        r"|just )?hopeless\b",
        unless=r"\b(?:love|social|dating|sex|work|school|home) life\b",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\bi (?:am|feel|felt|feeling|have been feeling|have felt|just feel) (?:so |completely |totally |utterly |really "
        r"|just |very |absolutely |pretty |such )?hopeless\b(?! (?:about|at|with|when|in|for|on|that|because|as|at times"
        r"|sometimes|after|but)\b)",
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\b(?:will not|not going to|do not think i will|can not see myself|do not see myself|not) (?:be |being |still "
        r"be |still being )?(?:around|here|alive) (?:much longer|for much longer|for long|a lot longer|by (?:next|the end)"
        r"|next (?:year|month|week|christmas|summer))\b",
        unless=r"\b(?:travel\w*|holiday|vacation|moving|move|job|contract|visa|course|term|semester|shift|in this "
        r"(?:city|town|job))\b",
        deniable=False,
    ),
    _rule(
        HOPELESS_BURDEN,
        r"\bthe world (?:would be|will be|is) (?:a )?(?:better|happier|nicer) (?:place )?without me\b|\bwithout me (?:in "
        r"it|around|here)\b(?: \w+){0,3} (?:better|happier|easier)\b",
        self_only=False,
    ),
    # --- can't go on, escape ----------------------------------------------------------------------
    _rule(
        CANT_GO_ON,
        r"\bcan not (?:go on|keep going|carry on|continue|keep on|cope|hold on|keep living|keep fighting|survive|last|"
        r"keep doing this|live (?:like this|this way|with (?:this|myself|it))|bear (?:it|this|another day|to live|living|"
        r"life|being alive|the pain|my life|this life)|face (?:another day|tomorrow|living|life|another morning|the future|being "
        r"alive|waking up|it anymore)|stand (?:it|this|being alive|living|my life)|handle (?:it|this|life|anything) "
        r"(?:anymore|any more)|take (?:it|this|any more|anymore|much more|this life|my life|the pain)|(?=anymore\b|"
        r"any more\b)|do (?:this|it) "
        r"(?:anymore|any more|no more|much longer|any longer)|do (?:this|it)$)(?: (?:anymore|any more|no more|like this|"
        r"much longer|any longer|this way|on my own|alone|another day|living|with (?:my )?life|of (?:this|my) (?:life|"
        r"pain|existence)))*(?=$| (?:and|but|so|i|because|cause|it|this|anymore|any more|or|then|everything|honestly|"
        r"please|help|right now|now|tonight|today|without (?:him|her|them|you)|anyone|someone|what|nothing|no one|"
        r"nobody)\b)",
        unless=r"\b(?:heat|noise|music|commute|shift|shifts|job|work|course|class|project|printer|weather|diet|traffic|"
        r"gym|meeting|roommate|neighbour|neighbor|landlord|boss|kids are|homework|deadline|laundry|exam|exams|this "
        r"(?:dating|job|course|place|city|town|weather|heat|noise)|dating)\b",
    ),
    _rule(
        CANT_GO_ON,
        r"\b(?:want|need|wish|wanting|wanted|just want) (?:for )?(?:it all|everything|all of (?:it|this)|it|the pain|this "
        r"pain|my life|this life|this|the hurt|the thoughts|the noise in my head|me|all this) to (?:stop|end|be over|go "
        r"away forever|finish|just stop|just end)\b(?! (?:well|soon|so (?:i|we) can|before|quickly|already|on time|early|"
        r"happily|now so)\b)",
        unless=r"\b(?:rain|week|meeting|noise|headache|party|call|queue|film|movie|class|exam|shift|semester|term)\b",
    ),
    _rule(
        CANT_GO_ON,
        r"\b(?:do not|no longer) (?:think|know if|believe|know whether) i (?:can|could|will be able to) (?:keep going|go "
        r"on|carry on|hold on|last|cope|do this|take (?:it|this|much more)|keep living|survive|keep fighting|stay alive|"
        r"keep myself safe)\b(?=$| (?:for much longer|much longer|any longer|anymore|any more|like this|and|but|so|"
        r"without|for long|another (?:day|night|week|rejection|one)|this|it|after (?:this|that|it|everything))\b)",
        deniable=False,
    ),
    _rule(
        CANT_GO_ON,
        r"\b(?:do not|no longer) (?:want|wanna) to (?:do this|do it|do any of this|do life|keep doing this|keep going|"
        r"be doing this)(?=$| (?:anymore|any more|no more|any of it|at all)\b)",
        deniable=False,
    ),
    _rule(CANT_GO_ON, r"\bcan not (?:take|face|bear|do|survive|handle) (?:one more|another) day(?: of (?:this|it|my life))?(?=$| (?:and|but|i|so|like this)\b)"),
    _rule(
        CANT_GO_ON,
        r"\b(?:i have|i have just|i|i have really) had enough\b(?=$| (?:of (?:life|living|everything|it all|this life|"
        r"being alive|existing|me)|i am done|i can not|i want out|i give up)\b)",
        unless=r"\b(?:to eat|to drink|food|cake|sleep|rain|weather|work|job|thanks)\b",
    ),
    _rule(
        CANT_GO_ON,
        r"\bcan not (?:do it |do this )?(?:anymore|any more|no more)\b(?=$| (?:and|but|i|so|it|everything|honestly|"
        r"please)\b)|\bnot strong enough to (?:keep going|go on|carry on|keep living|live|survive|fight this|keep "
        r"fighting|stay alive|do this anymore)\b|\b(?:do not|no longer) have (?:it in me|the strength|the energy|any "
        r"strength|any fight left|the will) to (?:keep going|go on|carry on|live|keep living|survive|fight|stay alive)"
        r"\b|\b(?:i am|am) (?:so |just )?done fighting$",
        deniable=False,
    ),
    _rule(CANT_GO_ON, r"\bmake (?:it all|everything|it|the pain|the thoughts|all of it) (?:just )?(?:stop|end|go away)\b(?! (?:raining|ringing|crying|for a|so i can)\b)"),
    _rule(
        CANT_GO_ON,
        r"\b(?:escape|run away|get away|disappear|vanish|check out|leave) (?:from )?(?:everything|it all|my life|this "
        r"life|life|this world|the world|everyone|all of it|existence)\b(?! (?:to|and (?:move|go|start|live|travel|join)|"
        r"for (?:a|the) (?:week|weekend|day|while|bit|few|night))\b)",
        unless=r"\b(?:cabin|island|beach|holiday|vacation|mountains|woods|trip|weekend|paris|abroad|countryside|circus"
        r"|van|sabbatical|retreat|festival|for a (?:day|week|while|bit))\b",
    ),
    _rule(
        CANT_GO_ON,
        r"\b(?:disappear|vanish|be gone|go away|go|leave|fade away|fade out)(?: \w+){0,6} (?:forever|for good|permanently|"
        r"and never come back|and not come back|and never be found|for ever|and never be seen again|never to be seen "
        r"again)\b(?! (?:from|to) (?:this|that|the|my) (?:job|town|city|"
        r"country|app|group|place|house|team)\b)",
        unless=r"\b(?:wish (?:he|she|they)|want (?:him|her|them) to|the (?:pain|feeling|headache)|it will|will it|"
        r"moving|move|moved|abroad|job|town|city|country|app|apps|dating|twitter|social media|smoking|drinking|"
        r"coffee|sugar|this (?:job|place|town)|quit)\b",
    ),
    _rule(
        CANT_GO_ON,
        r"\bi am (?:so |just |completely |totally |honestly )?over (?:life|living|being alive|existing|it all|everything)"
        r"\b(?! (?:at|in|with)\b)",
    ),
    _rule(CANT_GO_ON, r"\bcheck out (?:permanently|for good|of (?:life|this life|this world|existence)|forever|early from life)\b"),
    _rule(
        CANT_GO_ON,
        r"\b(?:want|wants|need|wanted) out\b(?=$| (?:of (?:this |my |the )?(?:life|everything|this world|it all|"
        r"existence)|now|for good|so badly)\b)",
    ),
    _rule(
        CANT_GO_ON,
        r"\b(?:need|want|looking for|find|found|see|is) (?:a|any|some|the only) way out\b(?=$| (?:of (?:this life|life|"
        r"everything|it all|this world|my life|the pain|existence|being alive)|now|for good)\b)",
    ),
    _rule(CANT_GO_ON, r"\b(?:end|edge) of (?:my|the) (?:rope|tether)\b(?! (?:with|at|when it comes to|over|about)\b)"),
    _rule(
        CANT_GO_ON,
        r"\b(?:give|giving|gave|given) up (?:for good|on (?:life|living|everything|myself|being alive|it all|trying to "
        r"(?:live|stay alive)))\b|\bready to give up\b(?=$| (?:for good|on (?:life|living|everything|myself|it all)|"
        r"completely|now)\b)|\bjust want to give up\b(?=$| (?:on (?:everything|life|living|myself)|completely)\b)",
    ),
    _rule(
        CANT_GO_ON,
        r"\b(?:no|out of|lost(?: all)?(?: my)?|do not have(?: any)?|have no|not got(?: any)?) (?:fight|strength|will|"
        r"reasons?|energy) (?:left )?(?:in me|to (?:live|go on|keep going|carry on|fight|stay alive|keep living)|left"
        r"$|left in me|anymore|to keep trying)\b|\brunning out of (?:strength|reasons|will|fight) to (?:keep going|live|"
        r"go on|carry on|fight|stay alive|keep living|be here)\b",
        unless=r"\b(?:gym|workout|game|match|race|battery)\b",
    ),
    _rule(
        CANT_GO_ON,
        r"\b(?:tired|sick|exhausted|worn out|weary) (?:of|from) (?:fighting|trying|struggling|having) (?:to (?:stay "
        r"alive|live|keep going|survive|keep living|exist|be here)|for my life)\b",
    ),
    _rule(
        CANT_GO_ON,
        r"\b(?:tired|sick|exhausted|weary) of (?:it all|everything|life|existing|being me|the pain|this life|fighting "
        r"(?:it|this|every day))\b(?! (?:at|in|with|about|from|to do|\w+ing)\b)",
        unless=r"\b(?:work|job|weather|traffic|dating|apps?|chores|meetings?|school)\b",
    ),
    _rule(
        CANT_GO_ON,
        r"\b(?:i am|am|so|i am just|just|be|being) done (?:with )?(?:everything|everyone|it all|life|living|being alive|this "
        r"life|this world|all of it|trying to live|existing|trying)\b(?! (?:at|in|on|for (?:the|today|tonight|now)|today|"
        r"to (?!live|stay alive|survive|keep going|be happy|get better|fight|exist|carry on|go on|be here)\w+|"
        r"tonight|with (?:this|that|the|my) (?!life))\b)",
        unless=r"\b(?:dating|apps?|work|job|diet|weather|chores|homework|cleaning)\b",
    ),
    _rule(
        CANT_GO_ON,
        r"\bno point (?:in )?(?:going on|carrying on|continuing|living|being alive|being here|trying anymore|keep going|"
        r"keeping going|staying alive|waking up|existing|anything anymore|going forward with life)\b",
    ),
    _rule(
        CANT_GO_ON,
        r"\bdo not know how (?:much )?(?:longer|long) i can (?:go on|keep going|hold on|keep this up|do this|take (?:it|"
        r"this)|cope|last|survive|keep living|carry on|stay alive|keep fighting|hang on|bear (?:it|this))\b"
        r"(?! (?:with|at|for (?:the|this)|without (?:coffee|sleep))\b)",
    ),
    _rule(
        CANT_GO_ON,
        r"\b(?:worn|wore|tired|exhausted) out (?:from|of) (?:fighting|trying) to (?:stay alive|live|keep going)\b"
        r"|\bfighting to stay alive\b",
    ),
    # --- danger from other people -----------------------------------------------------------------
    _rule(
        DANGER_FROM_OTHERS,
        rf"\b{OTHER}\b(?: (?!not\b|never\b)\w+){{0,4}} (?:hit|hits|hitting|beat|beats|beating|punch\w*|slap\w*|kick\w*|chok\w*|strangl\w*"
        r"|push\w*|shov\w*|grab\w*|abus\w*|hurt|hurts|hurting|rape|rapes|raped|raping|assault\w*|attack\w*|stab\w*|burn|"
        r"burns|burned|burnt|molest\w*|batter\w*|smack\w*|whip\w*|threaten\w*|stalk\w*|harass\w*|touch|touches|touched|"
        r"touching|forced|forces|force|lock|locks|locked|throttl\w*|bit|bites|bitten|spat on|dragged|drags|pinned|pins|"
        r"threw|throws|throw|shot|shoots|strangled|suffocat\w*|tied up|tie up|kidnap\w*|trap\w*|hold\w* down|held) "
        r"(?:(?!on\b)\w+ ){0,3}(?:me|us)\b(?! (?:with (?:a|the) (?:pillow|snowball|ball|water|cushion|joke|question|compliment|"
        r"look)|in (?:a )?play|to (?:apply|try|join|do|go|be|take|keep|finish|study|stop|get|make|come|see|change|start|"
        r"the|this|that|be)|(?:so |really )?hard at|for (?:a|the) (?:hug|photo|selfie)|into (?:applying|joining|trying|"
        r"doing|going|this)|out of (?:my comfort|the group)|deeply|so much|emotionally|at (?:chess|cards|tennis|the game|"
        r"\w+ball)|in (?:a race|the race|the game|chess|cards))\b)",
        unless=r"\b(?:laugh\w*|joke|joking|kidding|play fight|tickl\w*|haha|lol|game|pillow fight|snowball|the ball|"
        r"dream|movie|film|book|character|episode|music|song|story|speech|words|message|kindness|gesture|video|"
        r"performance|ghost\w*|blocked|unfriend\w*|mean to me|in (?:his|her|their) sleep|foam|toy|plastic|playing|"
        r"cushion|water pistol|nerf|balloon|threaten\w* to (?!(?:kill|hurt|beat|harm|hit|burn|shoot|stab|strangle|choke|rape|"
        r"find|get|break|smash|punch|slap|kick|lock|throw|take the kids|take my kids|post|share|leak|ruin|destroy)\b)\w+|"
        r"threatened to (?:leave|unfriend|fire|report|put|break "
        r"up|dump|end|tell|quit|cancel|eat|take away|ground)|left me)\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        rf"\bi (?:am|was|have been|get|got|keep getting|am being|was being|have been being|been) (?:\w+ )?(?:raped|"
        r"abused|assaulted|beaten|beaten up|molested|stalked|threatened|strangled|choked|stabbed|trafficked|battered|"
        r"sexually assaulted|sexually abused)\b|\bi (?:am|was|have been|get|got|keep getting|am being|was being|been) "
        r"(?:\w+ )?(?:hit|hurt|pushed|kicked|punched|slapped|attacked|locked in|touched|grabbed|thrown)\b(?= (?:by "
        rf"{THEM}|at home|again|every (?:day|night|week)|whenever|when (?:he|she|they))\b)",
        unless=r"\b(?:ball|car|bike|bus|door|branch|wave|sun|flu|traffic|when i was (?:little|young|a kid|a child|small|"
        r"at school)|at school|in (?:middle|high|primary) school|as a (?:kid|child))\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        rf"\b{OTHER}\b(?: (?!not\b|never\b)\w+){{0,5}} {_THREAT}(?: (?!not\b|never\b)\w+){{0,4}} (?:kill|murder) "
        r"(?:(?:himself|herself|themselves|us|the kids|my \w+) and )?(?:me|us|the kids|my kids|my children|my (?:dog|cat|"
        r"family|baby|son|daughter))\b",
        unless=_JOKING + r"|\b(?:if|when|once|unless) (?:i|she|he|they|you|we|my)\b|\bfor (?:being|not|\w+ing)\b",
        override=_REAL_THREAT,
        self_only=False,
        deniable=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        rf"\b{OTHER}\b(?: (?!not\b|never\b)\w+){{0,5}} {_THREAT}(?: (?!not\b|never\b)\w+){{0,4}} (?:hurt|beat|harm|burn|shoot|stab|strangle|"
        r"choke|rape|bury|slit|cut|break|hit|punch|smash) (?:me|us|the kids|my kids|my children|my (?:dog|cat|family|"
        r"baby|son|daughter|face|legs?|arms?|neck|head))\b(?! (?:at|in|to) (?:chess|cards|tennis|the game|the race|"
        r"\w+ball)|up with|to it|by)",
        unless=_JOKING + r"|\b(?:feelings|heart|chances|pride|if (?:you|i) (?:left|leave) (?:him|her|them)|would hurt "
        r"me (?:to|if i)|it would hurt)\b",
        override=_REAL_THREAT,
        self_only=False,
        deniable=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        r"\bif i (?:ever )?(?:leave|left|try to leave|tried to leave|go|went)\b(?: \w+){0,3} (?:he|she|they) (?:will|"
        r"would|is going to|are going to) (?:find|get|come after|hunt down|track down|hunt) (?:me|us)\b|\b(?:he|she|they)"
        r" (?:will|would|is going to|are going to|said he would|said she would) (?:find|get|come after|hunt down|track down) "
        r"(?:me|us)\b(?: \w+){0,3} if i (?:ever )?(?:leave|left|try to leave|go|tell)\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        rf"\b{OTHER}\b(?: \w+){{0,3}} (?:send|sends|sent|sending|texts|texted|texting|messages|messaged|messaging|leaves|"
        r"left) me (?:\w+ )?(?:threats|threatening (?:messages|texts|voicemails|notes)|death threats)\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        r"\bif (?:he|she|they) (?:can not|could not) have me\b|\bno one (?:else )?(?:can|will|is going to|could|would) "
        r"(?:ever )?have me\b|\b(?:make|made) me (?:pay|suffer)\b(?! (?:for (?:the|dinner|drinks|lunch|the bill|half))\b)",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        rf"\b(?:not|never) (?:feel |felt )?safe (?:at home|in my (?:own )?(?:home|house|bed|room|flat|apartment)|"
        rf"(?:around|with|near) {THEM}|to go (?:back )?home|living with {THEM}|when (?:he|she|they) (?:is|are|gets?|"
        rf"comes?|drinks?))\b|\b(?:do not|never|no longer) feel safe (?:at home|in my (?:own )?(?:home|house|flat|"
        rf"apartment)|(?:around|with|near) {THEM}|going (?:home|in|back)|when (?:he|she|they))\b",
        self_only=False,
        deniable=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        rf"\b(?:scared|afraid|terrified|frightened|fear) (?:of|for my (?:life|safety) (?:around|with|because of)) (?:him|"
        rf"her|them|what (?:{OTHER}) (?:will|might|would|could|is going to|are going to|may) do|{OTHER})\b(?! "
        r"(?:leaving|will leave|might leave|dumping|being|not|judging|rejecting|thinking|finding out|seeing|breaking)\b)"
        rf"|\bfear for my (?:life|safety)\b|\b(?:scared|afraid|terrified|frightened) (?:to (?:go|be|come) (?:back )?"
        rf"home|to be (?:alone )?(?:with|around) {THEM}|to go back)(?: \w+){{0,4}} (?:because of |of )?(?:him|her|them|"
        rf"what (?:he|she|they)|{OTHER})\b",
        unless=r"\b(?:spiders?|heights|dogs?|the dark|flying|needles|public speaking|judg\w*|disappoint\w*|reject\w*|"
        r"leave me|break up|politic\w*|arguments? about|tell (?:him|her|them|my)|forgot|forget|birthday|late|grades|bill|"
        r"dented|spent|broke (?:the|a|my|his|her)|lost (?:the|my|his|her)|questions|lecture)\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        rf"\b(?:i am|i have been|i was|living|live|stuck|trapped|still) in an? (?:abusive|violent|dangerous) "
        rf"(?:relationship|marriage|home|household|situation)\b|\b{OTHER} (?:is|has been|gets|got|becomes|became|can be"
        rf"|turns|turned|was) (?:\w+ )?(?:abusive|violent|dangerous)\b|\b(?:gets|get|got|becomes|became|turns|turned) "
        r"(?:really |very |so )?violent(?: with me| when| if| again|$)",
        unless=r"\b(?:film|movie|game|video game|show|series|book|dog|cat|storm|weather|sea|waves)\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        r"\b(?:domestic (?:violence|abuse)|coercive control|intimate partner violence)\b",
        unless=r"\b(?:article|training|course|awareness|prevention|research|documentary|work in|worker|volunteer\w*|"
        r"shelter volunteer|class|lecture|podcast|charity|campaign|statistics|policy)\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        r"\b(?:stalk\w*|follow\w*|track\w*) (?:me|my (?:phone|car|location))(?: home| everywhere| to work)?\b"
        r"(?! (?:on|back on) (?:instagram|twitter|tiktok|social media|insta|facebook|x)\b)|\b(?:show\w*|turn\w*|keeps "
        r"showing|keeps turning) up (?:at|outside) my (?:house|home|work|flat|apartment|door|job|school|office|parents)\b"
        r"|\bwait\w* (?:for me )?outside my (?:house|home|work|flat|apartment|door|job|school|office)\b",
        unless=r"\b(?:instagram|twitter|tiktok|social media|insta|facebook|online|follower|followed me back|follows me "
        r"back|delivery|package|postman|courier|friends? (?:showed|turned)|surprise|dog|cat|puppy|kitten|pet|flowers|"
        r"gift|present|coffee|lunch|cake|apolog\w*|"
        r"duck|ducks|kids|son|daughter|toddler)\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        rf"\b(?:locks?|locked|locking) me (?:in|out|up)\b|\b{OTHER}(?: \w+)? (?:will not|does not|would not|never) let "
        r"me (?:leave|go out|see my (?:friends|family)|have (?:money|my phone|a phone)|out of (?:the house|his sight|her "
        r"sight)|go anywhere|talk to anyone)\b",
        unless=r"\b(?:by accident|accidentally|locked me out of (?:my|the) (?:account|computer|app|phone))\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        r"\b(?:forced|forces|forcing|made|makes|pressured|pressures|coerced) me (?:to have sex|into (?:sex|having sex|"
        r"sexual)|to do (?:sexual|things i did not want)|to sleep with)\b|\b(?:raped|molested|sexually (?:assaulted|"
        r"abused)) me\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        r"\b(?:hands?|fingers|arm|arms) (?:around|round|on|over) my (?:throat|neck|mouth)\b|\b(?:came|comes|went|coming|"
        r"come) at me with (?:a|the|his|her) (?:knife|gun|bat|hammer|belt|bottle|weapon|fists?|glass|screwdriver)\b|"
        r"\b(?:pointed|points|pulled|pulls|held|holds|aimed) (?:a|the|his|her) (?:gun|knife|weapon) (?:at|on|to) me\b|"
        r"\b(?:use|used|using) (?:it|them|that|the gun|the knife) on (?:me|us)\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        rf"\b(?:bruises|bruised|marks|a black eye|black eyes|split lip|broken (?:rib|ribs|nose|arm|wrist)) (?:from|where|"
        rf"after|because) (?:him|her|them|he|she|they|{OTHER})\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        rf"\b{OTHER}\b(?: \w+){{0,3}} (?:broke|breaks|break|forced (?:his|her|their) way|tried to (?:break|get)|kicked "
        r"(?:down|in)|smashed) (?:into |in |down )?(?:my|our) (?:house|flat|home|apartment|room|car|door|window)\b",
        unless=r"\b(?:lock(?:ed)? (?:myself|me) out|forgot (?:my|the) keys|to help|for me)\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        rf"\b{OTHER}\b(?: \w+){{0,3}} (?:comes|came|coming|gets|got|climbs|climbed|sneaks|sneaked) into my (?:room|bed|"
        r"bedroom|bathroom|shower)\b(?: \w+){0,6} (?:at night|scared|afraid|touch\w*|when|and i|frightened)\b",
        self_only=False,
    ),
    _rule(
        DANGER_FROM_OTHERS,
        r"\b(?:throws?|threw|throwing) (?:things|stuff|plates|glasses|bottles|chairs|furniture|objects|\w+) at me\b",
        unless=r"\b(?:pillow|ball|snowball|compliments|money|ideas|questions|a party|laugh\w*|joke|game)\b",
        self_only=False,
    ),
)

# A word before the match that makes someone else its subject ("my friend wants to die").
_OTHER_PRONOUNS = frozenset("he she they someone somebody people who anyone everyone nobody".split())
_OTHER_NOUNS = frozenset(
    "friend friends character patient client person man woman mum mom dad brother sister son daughter husband wife "
    "partner boyfriend girlfriend cousin uncle aunt kid kids child children student students teen teens grandfather "
    "grandmother grandpa grandma colleague coworker neighbour neighbor father mother family parents".split()
)
_DETERMINERS = frozenset("my his her their our a the your".split())
_CLAUSE_WORDS = frozenset("and but so that because when if then said says told think thinks know knows".split())
_SELF_WORDS = frozenset({"i", "me", "my", "myself", "mine"})
_SELF_IN_MATCH = re.compile(r"\bi\b|\b(?:myself|my self)\b")
# Words after "not" that do not deny what follows ("not sure", "not want to be suicidal")
_NOT_A_DENIAL = frozenset("only just sure want wanna wish mean know think care okay ok fine well good alright doing".split())
# Words that start a new thought: a denial before them does not reach the match
_FRESH_START = frozenset("and but so because then yet or i if when though although".split())


def _denied(before: list[str]) -> bool:
    """The words just before a match deny it: "never ...", "not going to ...", "no longer ..."."""
    for back in range(1, min(4, len(before)) + 1):
        j = len(before) - back
        word = before[j]
        if word in _FRESH_START and word != "i":
            return False
        if word == "never":
            return True
        if word == "longer" and j > 0 and before[j - 1] == "no":
            return True
        if word == "not":
            previous = before[j - 1] if j > 0 else ""
            following = before[j + 1] if j + 1 < len(before) else ""
            if previous in ("can", "could") or following in _NOT_A_DENIAL:
                continue
            return True
        if word == "i":
            return False
    return False


def _someone_else(before: list[str]) -> bool:
    """Someone other than the writer is the subject of the words that follow ("my friend wants to die")."""
    window = before[-4:]
    offset = len(before) - len(window)
    for k in range(len(window) - 1, -1, -1):
        word = window[k]
        if word in _SELF_WORDS:
            return False
        if word in _OTHER_PRONOUNS:
            return True
        if word in _OTHER_NOUNS:
            j = offset + k
            # "my friend wants to ..." (a subject), but not "I called my mum to say ..." (an object)
            if j >= 1 and before[j - 1] in _DETERMINERS:
                ahead = before[j - 2] if j >= 2 else ""
                if not ahead or ahead in _CLAUSE_WORDS:
                    return True
            elif j == 0:
                return True
    return False


def _matches_in(sentence: _Sentence) -> Iterator[CrisisMatch]:
    text = sentence.text
    laughing = bool(_JOKE.search(text)) and not _NOT_A_JOKE.search(text)
    for rule in _RULES:
        if rule.joke and laughing:
            continue
        excused = rule.unless is not None and rule.unless.search(text)
        if excused and not (rule.override is not None and rule.override.search(text)):
            continue
        for match in rule.pattern.finditer(text):
            before = sentence.words_before(match.start())
            if rule.deniable and _denied(before):
                continue
            if rule.self_only and not _SELF_IN_MATCH.search(match.group(0)) and _someone_else(before):
                continue
            yield CrisisMatch(rule.category, match.group(0).strip())
            break


def _rules_match(text: str) -> list[CrisisMatch] | None:
    """The rules' matches in ``text``, or None."""
    found: list[CrisisMatch] = []
    for sentence in _sentences(text):
        for match in _matches_in(sentence):
            if match not in found:
                found.append(match)
    return found or None


def check_crisis_language(text: str) -> CrisisCheck:
    """What, if anything, in ``text`` suggests the writer may be at risk: the category and the words.

    The rules run first; a sentence none of them matches gets the concept model's opinion. A backstop
    that shows help, not a risk assessment: it misses what people do not say in words like these, and it
    cannot judge risk.
    """
    if not text or not text.strip():
        return NO_MATCH
    found = _rules_match(text)
    if not found:
        found = [m for m in (_model_match(s) for s in _sentences(text)) if m is not None]
    if not found:
        return NO_MATCH
    order = list(CATEGORIES)
    found.sort(key=lambda m: order.index(m.category))
    first = found[0]
    return CrisisCheck(matched=True, category=first.category, words=first.words, matches=tuple(found))


def mentions_crisis(text: str) -> bool:
    """True when ``text`` says the writer may be at risk (see ``check_crisis_language`` for what and why)."""
    return check_crisis_language(text).matched


# ------------------------------------------------------------------------------------------------
# The concept model: a second opinion for wordings the rules above do not know
# ------------------------------------------------------------------------------------------------
#
# Each sentence becomes a small set of features: which concepts it mentions (death, wishing, medicines,
# goodbyes, self-harm, burden, "can't go on", violence from someone else, and the everyday topics and
# jokes of the look-alikes), which pairs of concepts appear together, which concepts sit next to
# "I/me/my", and which follow a "not" or "never". A logistic regression, trained on the development set
# by tools/train_crisis_model.py, gives each feature a weight; the weights are in
# workshop/data/crisis_model.json. A sentence whose weights add up past the threshold matches, and the
# concept words that carried most weight are reported as the matched words.

_CONCEPT_WORDS: dict[str, str] = {
    "self": r"i|me|my|myself|mine",
    "suicide": r"suicide|suicidal|sucide|kill myself|killing myself|killed myself|kill my self|take my (?:own )?life|"
    r"taking my (?:own )?life|took my (?:own )?life|end my (?:own )?life|ending my (?:own )?life|ended my life|end it all|"
    r"end myself|off myself|end things|ending things|end it|ending it|my exit|exit plan|by my own hand",
    "death": rf"die|dies|died|{DYING}|dead|death|deaths|deadly|lethal|fatal|funeral|grave|buried|bury me|rest in peace|"
    r"wake up|waking up|woke up|exist|existing|existence|not be alive|not be here|not be around|gone for good|gone "
    r"forever|last day|last breath|heart (?:would |to )?(?:just )?stop|pass away|passed away|perish|six feet under|"
    r"afterlife|the end|be over|ending|never born|been born",
    "life": r"life|lives|living|alive|live|being here|be here|stay alive|staying alive|breathing|being alive|world|"
    r"earth|this life",
    "wish": r"want|wanted|wanting|wants|wish|wished|wishing|hope|hoping|pray|praying|prayed|rather|prefer|welcome|"
    r"long for|longing|crave|craving|jealous|envy|envious|glad if|relieved if|grateful if|happy if|fine with|okay "
    r"with|ok with|at peace with|look forward|looking forward|ready|would not mind|would not care|do not care if|"
    r"tempting|appealing|relief|mercy|peaceful|peace",
    "intent": r"going to|plan|plans|planning|planned|decided|decide|tonight|tomorrow|this weekend|soon|prepared|"
    r"picked|chosen|the spot|a date|the date|the day|worked out|figured out|go through with|going through with|"
    r"know what (?:they are|it is|that is) for|know how|know when|when i will|how i will|how i would|tried to|"
    r"try to|attempt|attempted|attempts|again",
    "think": r"think|thinking|thought|thoughts|considering|consider|considered|contemplat\w*|idea|urge|urges|"
    r"tempted|imagine|imagining|picture|picturing|fantasi\w*|obsess\w*|on my mind|keep coming back|dark thoughts|"
    r"crossed my mind",
    "drug": rf"{DRUG}|overdose|overdosed|overdosing|bleach|poison|poisoned|antifreeze|pills|dose|doses",
    "amount": r"all|whole|enough|bottle|bottles|box|packet|pack|handful|bunch|stash|stockpil\w*|hoard\w*|collect\w*|"
    r"saved|saving|save|sixty|fifty|forty|hundred|dozens|too many|too much|several|three|every",
    "hanging": r"rope|ropes|noose|hang|hanging|hanged|hung myself|around my neck|round my neck|ligature|belt|cord|"
    r"hook|beam",
    "firearm": r"gun|guns|shotgun|pistol|rifle|revolver|handgun|bullet|bullets|trigger|shoot myself|shot myself|"
    r"shooting myself|loaded",
    "height": r"bridge|bridges|cliff|cliffs|roof|rooftop|balcony|ledge|edge|top floor|tall building|tall buildings|"
    r"building|jump|jumping|jumped|leap|fall|the drop|high enough|platform|car park|multi storey|window",
    "vehicle": r"train|trains|tracks|railway|bus|traffic|oncoming|lorry|truck|crash|crashing|crashed|swerve|swerving|"
    r"drive into|drive off|exhaust|garage|engine running|train times|fast one",
    "blade": r"razor|razors|blade|blades|knife|knives|scissors|broken glass|wrist|wrists|sharpener",
    "drown": r"drown|drowning|drowned|the sea|the river|the lake|the water|walk into|waves",
    "prep": r"goodbye|goodbyes|good bye|farewell|note|notes|letter|letters|will|affairs|in order|give away|giving away|"
    r"gave away|given away|giving my|gave my|giving away my|belongings|possessions|my things|my stuff|passwords|"
    r"insurance|remember me|after i am gone|when i am gone|after i die|when i die|when i am not here|last message|"
    r"last time|one last|in peace|sorry for everything|deleting my|deleted my|delete my|accounts|cleared out|"
    r"clear out|clearing out|sorted|arrangements|arranged|tidied|loose ends|funeral|after|thanking|thank you for "
    r"everything|so they (?:will )?have|less for|deal with|look after|new home|last",
    "loved": r"everyone i love|the people i love|those i love|my family|my kids|my children|my parents|my mum|"
    r"my mom|my dad|my sister|my brother|my friends|my partner|my wife|my husband|everyone|everybody|people",
    "harm": r"cut|cuts|cutting|cutter|burn|burns|burning|burned|burnt|scratch\w*|carv\w*|slash\w*|self harm\w*|"
    r"self injur\w*|self mutilat\w*|sh|shing|hurt myself|hurting myself|harm myself|harming myself|hit myself|"
    r"hitting myself|punch\w* myself|slap\w* myself|hurt|hurting|harm|harming|injure|injured|bleed|bleeds|bled|"
    r"bleeding|scars|scar|scarred|wounds|marks|bruise\w*|punish myself|punishing myself|punishment|starv\w*|pain|"
    r"relapse\w*|relapsing|clean|until it|until they|till it|till they|was red|went red|dig|digging|pick at|picking "
    r"at|slapped|punched|hit",
    "body": r"arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|body|hips|face|head|neck|throat|hand|hands|"
    r"forearm|forearms",
    "hopeless": r"hopeless|hopelessness|no hope|lost hope|pointless|meaningless|no point|no reason|no purpose|"
    r"no future|future|no way out|way out|nothing matters|matters|nothing left|empty|numb|trapped|darkness|dark|"
    r"never get better|never change|worthless|useless|nothing|give up|gave up|given up|no longer care|purpose|"
    r"point|reason|meaning|hope|never|endure|suffer|suffering",
    "burden": r"burden|burdens|dead weight|drain|waste of|better off|happier|without me|ruining|ruin|ruined|a problem|"
    r"disappointment|in the way|needs me|need me|deserve better|deserves better|out of the picture|miss me|"
    r"notice|care|relieved|easier|free|freer|lighter|everyone|everybody|nobody|no one|anyone|by being alive|"
    r"just by being|mistake|failure|deserve",
    "cant": r"can not|could not|not strong enough|no strength|no energy|had enough|enough of|done|tired|exhausted|"
    r"worn out|weary|cope|coping|bear|take it|take this|anymore|any more|no more|much longer|keep going|go on|"
    r"going on|carry on|carrying on|hold on|holding on|fighting|fight|give up|endure|survive|it in me|too much|"
    r"over it|over life|cannot|do this|do life|can not do|stop|struggle|struggling",
    "escape": r"escape|way out|want out|disappear|vanish|leave this world|check out|be gone|go away|run away|exit|"
    r"gone|out of here|away from it all|forever|for good|permanently|never come back|leave|end|over",
    "neg": r"not|never|no longer|would never|could never|will not|nothing|no",
    "other": rf"he|she|they|him|her|them|his|someone|somebody|a man|{OTHER_NOUN}",
    "violence": r"hit|hits|hitting|beat|beats|beating|beaten|punch\w*|slap\w*|kick\w*|chok\w*|strangl\w*|push\w*|"
    r"shov\w*|grab\w*|abus\w*|rape|raped|raping|rapes|assault\w*|attack\w*|stab\w*|threat\w*|stalk\w*|follow\w* "
    r"me|following me|violent|violence|bruises|hurts me|hurt me|kill me|kills me|hide from|locked me|lock me|"
    r"won t let me|will not let me|controls|forced me|force me|touches me|touched me|drunk|drinks|drinking|"
    r"yells|screams|throws",  # not anger alone: "she is angry with me" is an everyday sentence after a rejection
    "me": r"me|us",
    "fear": r"scared|afraid|terrified|frightened|fear|unsafe|not safe|safe|hide|hiding|run from|escape from",
    "joke": r"lol|lmao|lmfao|haha\w*|ha|hehe|jk|joking|kidding|funny|laugh\w*|hilarious|xd",
    "hyperbole": r"embarrass\w*|cringe|mortified|bored|boring|hair|dye|shame|dying to|dying for|die for|to see|to "
    r"know|to tell|to try|amazing|delicious|cake|pizza|chocolate|coffee|tea|so good|literally|of laughter|"
    r"with laughter|laughing",
    "everyday": r"job|jobs|work|boss|commute|traffic|weather|rain|heat|gym|homework|hw|exam|exams|class|course|"
    r"meeting|printer|party|dating|date|app|apps|diet|sugar|holiday|vacation|trip|moving|move|charity|kitchen|"
    r"cooking|shaving|accident|shopping|toothache|headache|photos|movie|film|book|tv|show|game|games|football|chess|"
    r"phone|laptop|parking|school|uni|garden|gardening|dog|cat|bike|furniture|recipe|bingo|jackpot|fireworks|"
    r"picnic|wedding|towing|breakfast|dinner|lunch|snooze|lease|contract|subscription|membership|plants|surgery|"
    r"hospital|doctor|pharmacy|friends? house|project|inbox|email|team|band|season|series|week|weekend|monday|"
    r"outfit|karaoke|interview|promotion|presentation|assignment|deadline|shift|shifts|bus stop|tickets|concert|"
    r"sunset|view|walk|swim|holidays|salon|haircut|tomatoes|onions|vegetables|bread|snow|ice|puzzle|crossword",
    "study": r"prevention|awareness|training|class|course|article|documentary|news|celebrity|statistics|research|"
    r"book|movie|film|character|novel|poem|poems|podcast|lecture|teens|patients|clients|campaign",
}
_CONCEPT_PATTERNS = {name: _LazyPattern(rf"\b(?:{words})\b") for name, words in _CONCEPT_WORDS.items()}
# The concepts that decide the category when the model (not a rule) matched, in order.
_CONCEPT_CATEGORY = (
    ("suicide", IDEATION),
    ("drug", PLAN_MEANS),
    ("hanging", PLAN_MEANS),
    ("firearm", PLAN_MEANS),
    ("height", PLAN_MEANS),
    ("vehicle", PLAN_MEANS),
    ("blade", PLAN_MEANS),
    ("drown", PLAN_MEANS),
    ("prep", PREPARATION),
    ("harm", SELF_HARM),
    ("violence", DANGER_FROM_OTHERS),
    ("death", PASSIVE_WISH),
    ("burden", HOPELESS_BURDEN),
    ("hopeless", HOPELESS_BURDEN),
    ("cant", CANT_GO_ON),
    ("escape", CANT_GO_ON),
    ("life", CANT_GO_ON),
    ("fear", DANGER_FROM_OTHERS),
)
# Concepts that are about the writer only when the writer is their subject ("my friend wanted to die").
_ABOUT_ONESELF = frozenset(
    "suicide death harm drug hanging firearm height vehicle blade drown cant escape life wish think intent".split()
)
# Concepts that say something about risk (the others only describe the sentence).
_RISK_CONCEPTS = frozenset(c for c, _ in _CONCEPT_CATEGORY) | {"wish", "intent", "think", "amount", "body", "loved"}


@dataclass(frozen=True)
class _Concepts:
    """The concepts in one sentence: the words each matched, and the features the model reads."""

    words: dict[str, tuple[str, ...]]
    features: frozenset[str]


def concept_features(sentence: str) -> _Concepts:
    """The model's features for one normalized sentence (see the section comment above)."""
    words: dict[str, list[str]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    token_starts = [m.start() for m in re.finditer(r"\S+", sentence)]

    def token_index(char: int) -> int:
        lo, hi = 0, len(token_starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if token_starts[mid] <= char:
                lo = mid + 1
            else:
                hi = mid
        return max(lo - 1, 0)

    for name, pattern in _CONCEPT_PATTERNS.items():
        for match in pattern.finditer(sentence):
            words.setdefault(name, []).append(match.group(0))
            spans.setdefault(name, []).append((token_index(match.start()), token_index(max(match.end() - 1, 0))))
    present = sorted(words)
    features = set(present)
    tokens = sentence.split()
    # pairs of concepts close together (within four words), and pairs anywhere in the sentence
    located = sorted((start, end, name) for name in present if name not in ("neg",) for start, end in spans[name])
    for i, (_start_a, end_a, a) in enumerate(located):
        for start_b, _end_b, b in located[i + 1 :]:
            if start_b - end_a > 4:
                break
            if a != b:
                features.add("near:" + "+".join(sorted((a, b))))
    features.update(f"{a}+{b}" for i, a in enumerate(present) for b in present[i + 1 :])
    selves = [s for s, _ in spans.get("self", [])]
    negs = [s for s, _ in spans.get("neg", [])]
    for name in present:
        if name in ("self", "neg", "me"):
            continue
        for start, end in spans[name]:
            if any(abs(p - start) <= 3 or abs(p - end) <= 3 for p in selves):
                features.add(f"self~{name}")
            if any(0 < start - p <= 3 and not (p > 0 and tokens[p - 1] in ("can", "could")) for p in negs):
                features.add(f"not~{name}")
    # the words themselves, and pairs of neighbouring words
    features.update(f"w:{t}" for t in tokens)
    features.update(f"b:{a}_{b}" for a, b in pairwise(tokens))
    return _Concepts({k: tuple(v) for k, v in words.items()}, frozenset(features))


@dataclass(frozen=True)
class _Model:
    bias: float
    threshold: float
    weights: dict[str, float]


_MODEL_FILE = "crisis_model.json"
_model_cache: list[_Model | None] = []


def _model() -> _Model | None:
    """The shipped weights (workshop/data/crisis_model.json), read once; None if the file is missing."""
    if not _model_cache:
        try:
            raw = json.loads(package_files.files("workshop.data").joinpath(_MODEL_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            _model_cache.append(None)
        else:
            _model_cache.append(_Model(float(raw["bias"]), float(raw["threshold"]), dict(raw["weights"])))
    return _model_cache[0]


def model_score(sentence: str) -> float:
    """The concept model's score for one normalized sentence (it matches at or above its threshold)."""
    model = _model()
    if model is None:
        return float("-inf")
    return model.bias + sum(model.weights.get(f, 0.0) for f in sorted(concept_features(sentence).features))


def _model_match(sentence: _Sentence) -> CrisisMatch | None:
    model = _model()
    if model is None or not sentence.text:
        return None
    concepts = concept_features(sentence.text)
    if not concepts.words.keys() & _RISK_CONCEPTS:
        return None
    score = model.bias + sum(model.weights.get(f, 0.0) for f in sorted(concepts.features))
    if score < model.threshold:
        return None
    # Which risk concepts carried the score: each feature's weight is shared by the concepts it names.
    carried: dict[str, float] = {}
    for feature in sorted(concepts.features):
        weight = model.weights.get(feature, 0.0)
        names = re.split(r"[+~]", feature.removeprefix("near:"))
        for name in names:
            if name in _RISK_CONCEPTS:
                carried[name] = carried.get(name, 0.0) + weight / len(names)
    ranked = sorted((c for c in carried if carried[c] > 0), key=lambda c: -carried[c])
    if not ranked:
        return None
    # "I am not going to end my life over this": the words before what carried it deny it.
    lead = _CONCEPT_PATTERNS[ranked[0]].search(sentence.text)
    if lead is not None:
        before = sentence.words_before(lead.start())
        if _denied(before) or (ranked[0] in _ABOUT_ONESELF and _someone_else(before)):
            return None
    category = next((cat for c in ranked for name, cat in _CONCEPT_CATEGORY if name == c), CANT_GO_ON)
    words = []
    for name in ranked[:3]:
        for word in concepts.words[name]:
            if word not in words:
                words.append(word)
    return CrisisMatch(category, " ".join(words))
