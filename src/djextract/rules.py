"""The rule engine: extractors as ordered lists of small named rules, with a trace for ``explain``.

Why: a decision such as "where does this body's name begin" is dozens of
small language facts (a verb ends a name, a quantifier makes it generic, a
quoted name joins whole). Written as one long function they can only be read
end to end; written as named rules in a visible order, a newcomer adds one
where it belongs, and ``djextract explain`` shows which fired on which word
and which data line made it fire.

Two things a rule never does itself:

- **Cutting words.** ``Cursor`` hands out the words of a sentence by position
  and cuts a stretch into words the first time it is read, so a rule never
  sees an uncut stretch and never has to be written to survive a retry.
- **Recording.** The engine notes each rule that decides, with the word it
  read, when the document asks for a trace (``Document.trace``), and costs one
  ``is None`` test otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

from .document import Document, Sentence, Token

F = TypeVar("F", bound=Callable[..., Any])


class Act(Enum):
    """What a rule decides (None from a rule: it has nothing to say; the next one is asked)."""

    TAKE = "take"  # the word joins the mention; go on
    STOP = "stop"  # the mention ends before this word
    REJECT = "reject"  # no mention here
    ACCEPT = "accept"  # a mention, and no later check applies
    GO_ON = "go on"  # the rule took what it needed itself; go on
    END = "end"  # the rule took what it needed itself; the walk ends


@dataclass(frozen=True)
class Rule:
    """What ``explain`` tells of a rule: its name, the data files its decision reads, and why it exists."""

    name: str
    data: tuple[str, ...] = ()
    why: str = ""


RULES: dict[Callable[..., Any], Rule] = {}  # every declared rule function → its description


def rule(*data: str) -> Callable[[F], F]:
    """Declare a rule: its name is the function's, its why the docstring's first line, ``data`` the files it reads.

    The function itself stays a plain function (calling it costs nothing extra);
    its description is kept in ``RULES`` for the trace.
    """

    def wrap(func: F) -> F:
        why = (func.__doc__ or "").strip().splitlines()
        RULES[func] = Rule(func.__name__.strip("_").replace("_", " "), data, why[0] if why else "")
        return func

    return wrap


class Cursor:
    """The words of one sentence by document offset, each stretch cut into words when first read."""

    __slots__ = ("sentence", "at")

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.at: Callable[[int], Token | None] = sentence.word_at
        """The word containing a doc offset, or None outside the sentence."""

    def before(self, pos: int) -> Token | None:
        """The word that ends at doc offset ``pos`` (the one before a word that starts there)."""
        return self.at(pos - 1)

    def left(self, pos: int, n: int) -> list[Token]:
        """Up to ``n`` words before doc offset ``pos``, nearest first."""
        out: list[Token] = []
        while len(out) < n:
            tok = self.at(pos - 1)
            if tok is None:
                break
            out.append(tok)
            pos = tok.start
        return out


@dataclass
class Event:
    """One rule deciding: at which stage, on which word, with what outcome."""

    stage: str
    rule: Callable[..., Any]  # a declared rule function (its description: RULES[rule])
    act: Act | None
    word: str


@dataclass
class Decision:
    """Everything decided about one candidate: where it is, the rules that fired in order, the outcome."""

    type: str
    start: int
    end: int
    anchor: str  # what started the candidate (a head word, a number)
    anchor_data: tuple[str, ...]  # the data files the anchor comes from
    events: list[Event] = field(default_factory=list)
    outcome: str = ""  # the mention's name, "rejected" by its rules, or "dropped" (overruled by another)


def decide(rules: Iterable[Callable[..., Any]], stage: str, events: list[Event] | None, word: str,
           *args: Any) -> Act | None:
    """Ask the rules in order; the first that answers decides (and is noted when tracing)."""
    for r in rules:
        act = r(*args)
        if act is not None:
            if events is not None:
                events.append(Event(stage, r, act, word))
            return act
    return None


def apply(rules: Iterable[Callable[..., Any]], stage: str, events: list[Event] | None, word: str,
          *args: Any) -> Act | None:
    """Run every rule in order (each may adjust what it is given); stop at the first that rejects."""
    for r in rules:
        act = r(*args)
        if act is not None:
            if events is not None:
                events.append(Event(stage, r, act, word))
            if act is Act.REJECT:
                return act
    return None


def begin(doc: Document, type_: str, start: int, end: int, anchor: str, data: tuple[str, ...]) -> list[Event] | None:
    """Open a candidate's record when the document is traced; its event list, else None (no cost)."""
    if doc.trace is None:
        return None
    d = Decision(type_, start, end, anchor, data)
    doc.trace.append(d)
    return d.events


def found_by(doc: Document, type_: str, start: int, end: int, anchor: str, by: Callable[..., Any],
             outcome: str, data: tuple[str, ...] = ()) -> None:
    """Record a candidate that one rule made whole (a short form remembered, a derived name), when tracing."""
    if doc.trace is not None:
        doc.trace.append(Decision(type_, start, end, anchor, data, [Event("find", by, Act.ACCEPT, anchor)], outcome))


def conclude(doc: Document, outcome: str, start: int | None = None, end: int | None = None) -> None:
    """Close the last candidate's record with its outcome (a name, or "rejected") and the span found."""
    if doc.trace:
        d = doc.trace[-1]
        d.outcome = outcome
        if start is not None and end is not None:
            d.start, d.end = start, end


def widen(doc: Document, type_: str, start: int, end: int, new_end: int, outcome: str) -> None:
    """A kept candidate grew after its own rules (a range's second half joined it)."""
    for d in doc.trace or ():
        if d.type == type_ and d.start == start and d.end == end and d.outcome not in ("rejected", "dropped"):
            d.end, d.outcome = new_end, outcome


def overruled(doc: Document, type_: str, start: int, end: int, by: Callable[..., Any], word: str) -> None:
    """A candidate found by its own rules was dropped by a rule over all of them (a longer name covers it)."""
    for d in doc.trace or ():
        if d.type == type_ and d.start == start and d.end == end and d.outcome != "rejected":
            d.events.append(Event("overlap", by, Act.REJECT, word))
            d.outcome = "dropped"
