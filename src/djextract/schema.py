"""What each mention type is: its name, its fields and how it is shown, declared once.

Why one declaration: the mention class, every renderer (JSON lines, CSV,
tables, per-document records), stats, eval, the CLI's ``--types`` and the
JSON Schema of the output all read this table, so a new type or field is
added here and nowhere else. Order matters twice: ``SPECS`` is the order in
which the extractors run (programmes claim their quoted names first, so that
numbers inside them are never read as figures; persons run after bodies,
whose names they reuse), and ``rank`` orders two mentions of one span.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Field:
    """One output field: its JSON type, the values it may take (empty: any) and what it means."""

    name: str
    type: str  # a JSON Schema type: "string", "number", "integer"
    doc: str
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class MentionType:
    """A mention type: the extractor that finds it and the fields each of its mentions carries."""

    name: str
    plural: str
    module: str  # where the extractor is: imported on first use, so `--help` stays instant
    function: str  # (Document, Sentence) -> Iterable[Mention]
    fields: tuple[Field, ...]
    doc: str
    rank: int  # among mentions of one span: lower first
    colour: str = "white"
    scoring: str = "names"  # how eval compares it (spec §5): "names" or "figures"
    needs: tuple[str, ...] = ()  # types whose mentions its extractor reads (run even when not asked for)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


COMMON = (
    Field("doc", "string", "the input's path as given, '-' for stdin, or the record id of JSON-lines input"),
    Field("type", "string", "the mention type"),
    Field("text", "string", "the mention in the simplified text"),
    Field("source_text", "string", "the same span in the decoded input (traditional stays traditional)"),
    Field("start", "integer", "code-point offset of the span in the decoded input"),
    Field("end", "integer", "code-point offset just after the span in the decoded input"),
    Field("sentence", "string", "the simplified sentence around the mention"),
)
COMMON_NAMES = tuple(f.name for f in COMMON)

BODY_KINDS = ("party", "government", "enterprise", "institution", "mass_organization", "grassroots")
PROGRAMME_KINDS = ("brand", "project", "campaign", "mechanism", "platform", "other")
CATEGORIES = ("party_members", "activists", "party_organizations", "money", "percentage", "people", "units",
              "events", "area", "duration", "other")
QUALIFIERS = ("over", "about", "nearly", "under")
CHANGES = ("up", "down")
DOCUMENT_KINDS = ("regulation", "publication", "speech", "other")

SPECS: tuple[MentionType, ...] = (
    MentionType("programme", "programmes", "djextract.extractors.programmes", "programmes_in_sentence", (
        Field("name", "string", "the programme's name without its quotes"),
        Field("kind", "string", "what sort of programme it is", PROGRAMME_KINDS),
        Field("head", "string", "the words after the quote that say what it is (品牌, 工程 …)"),
    ), "branded programmes: brands, projects, campaigns, mechanisms, platforms (spec §3)", rank=2,
        colour="magenta"),
    MentionType("body", "bodies", "djextract.extractors.bodies", "bodies_in_sentence", (
        Field("name", "string", "the body's name, without spaces or qualifying brackets"),
        Field("kind", "string", "what sort of body it is", BODY_KINDS),
    ), "named bodies: party, state and other organisations (spec §1)", rank=0, colour="cyan"),
    MentionType("figure", "figures", "djextract.extractors.figures", "figures_in_sentence", (
        Field("value", "number", "the number with 万/亿 applied; money in 元, percentages as written"),
        Field("value_max", "number", "the upper end of a range (1-2个), else null"),
        Field("unit", "string", "the measure word or unit after the multiplier is folded in"),
        Field("qualifier", "string", "how exact the number is; null when exact", QUALIFIERS),
        Field("counted", "string", "the noun that is counted, as written; null when none is stated"),
        Field("change", "string", "up or down when the figure states a change against an earlier one", CHANGES),
        Field("category", "string", "what is counted, by the guide's classes", CATEGORIES),
        Field("owner", "string", "the body or place the figure is given for (spec §8); null when none is named"),
    ), "figures: quantities with a unit or measure word (spec §2)", rank=1, colour="green", scoring="figures",
        needs=("body", "person")),
    MentionType("person", "persons", "djextract.extractors.persons", "persons_in_sentence", (
        Field("name", "string", "the personal name alone, without title or 同志"),
        Field("post", "string", "the post as written, without the body's name; null when none is stated"),
        Field("body", "string", "the body the post belongs to, named as a body is; null when none is named"),
    ), "persons named in the content, with their post and body (spec §6)", rank=3, colour="blue",
        needs=("body",)),
    MentionType("document", "documents", "djextract.extractors.documents", "documents_in_sentence", (
        Field("name", "string", "the title without 《》, as written"),
        Field("kind", "string", "what sort of document it is", DOCUMENT_KINDS),
    ), "cited documents: titles in 《》 (spec §7)", rank=4, colour="yellow"),
)

BY_NAME: dict[str, MentionType] = {s.name: s for s in SPECS}
BY_RANK: tuple[MentionType, ...] = tuple(sorted(SPECS, key=lambda s: s.rank))  # the order of output
ALIASES: dict[str, str] = {s.plural: s.name for s in SPECS}


def spec(name: str) -> MentionType:
    """The declaration of a type, by its name or plural."""
    return BY_NAME[ALIASES.get(name, name)]


def all_fields() -> list[str]:
    """Every output field: the common ones, then each type's in declaration order (for CSV and Parquet)."""
    out = list(COMMON_NAMES)
    for s in BY_RANK:
        out.extend(f for f in s.field_names if f not in out)
    return out


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of one line of `djextract extract` output, from the declarations."""

    def prop(f: Field) -> dict[str, Any]:
        p: dict[str, Any] = {"description": f.doc}
        if f.values:
            p["enum"] = [*f.values, None]
        else:
            p["type"] = [f.type, "null"]
        return p

    common = {f.name: {"type": f.type, "description": f.doc} for f in COMMON}
    variants = []
    for s in BY_RANK:
        props = dict(common)
        props["type"] = {"const": s.name, "description": s.doc}
        props.update({f.name: prop(f) for f in s.fields})
        variants.append({"title": s.name, "type": "object", "properties": props,
                         "required": [*COMMON_NAMES, *s.field_names], "additionalProperties": False})
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "djextract mention", "description": "One line of `djextract extract` output (JSON lines).",
            "oneOf": variants}
