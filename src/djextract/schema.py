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

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Field:
    """One output field: its JSON type, the values it may take (empty: any) and what it means."""

    name: str
    type: str  # a JSON Schema type: "string", "number", "integer"
    doc: str
    values: tuple[str, ...] = ()
    nullable: bool = True


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
    Field("doc", "string", "the input's path as given, '-' for stdin, or the record id of JSON-lines input",
          nullable=False),
    Field("type", "string", "the mention type", nullable=False),
    Field("text", "string", "the mention in the simplified text", nullable=False),
    Field("source_text", "string", "the same span in the decoded input (traditional stays traditional)",
          nullable=False),
    Field("start", "integer", "code-point offset of the span in the decoded input", nullable=False),
    Field("end", "integer", "code-point offset just after the span in the decoded input", nullable=False),
    Field("sentence", "string", "the simplified sentence around the mention", nullable=False),
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

PLACE_LEVELS = ("province", "city", "county")
PLACE_KEYS = (*PLACE_LEVELS, *(f"{lv}_code" for lv in PLACE_LEVELS))

# The per-document record (--per-doc): these facts, then one array of mentions per type, then the
# record metadata asked for with --keep-fields, then "djextract" (what produced it).
DOCUMENT_FIELDS = (
    Field("doc", "string", "the input's path as given, '-' for stdin, or the record id of JSON-lines input",
          nullable=False),
    Field("chars", "integer", "code points in the decoded input", nullable=False),
    Field("encoding", "string", "the encoding the input was decoded from", nullable=False),
    Field("script", "string", "the input's script before conversion", ("simplified", "traditional"), False),
    Field("warnings", "array", "what was left out of extraction and why (garbled passages, failed rules)",
          nullable=False),
    Field("place", "object", "the locality the report is mainly about (spec §8): "
          + ", ".join(PLACE_KEYS) + "; null where not certain"),
    Field("date", "string", "the report's own date, YYYY-MM-DD, YYYY-MM or YYYY (spec §8)"),
)
PRODUCER = Field("djextract", "object", "what produced the record: version and the options that shape output")

BY_NAME: dict[str, MentionType] = {s.name: s for s in SPECS}
BY_RANK: tuple[MentionType, ...] = tuple(sorted(SPECS, key=lambda s: s.rank))  # the order of output
ALIASES: dict[str, str] = {s.plural: s.name for s in SPECS}


def spec(name: str) -> MentionType:
    """The declaration of a type, by its name or plural."""
    return BY_NAME[ALIASES.get(name, name)]


def all_fields() -> list[str]:
    """Every mention field once: the common ones, then each type's in output order (CSV header)."""
    return [f.name for f in mention_columns()]


def document_columns() -> list[Field]:
    """The per-document record as one flat row (CSV, Parquet, tables): facts, place parts, counts per type."""
    out: list[Field] = []
    for f in DOCUMENT_FIELDS:
        if f.name == "place":
            out.extend(Field(k, "string", f"{k.replace('_', ' ')} of the document's place (spec §8)")
                       for k in PLACE_KEYS)
        elif f.name == "warnings":
            out.append(Field("warnings", "string", f.doc + "; joined by '; '"))
        else:
            out.append(f)
    out.extend(Field(s.plural, "integer", f"how many {s.plural} the document has", nullable=False)
               for s in BY_RANK)
    return out


def mention_columns() -> list[Field]:
    """Every mention field once, typed, in output order (CSV header, Parquet columns)."""
    out: dict[str, Field] = {f.name: f for f in COMMON}
    for s in BY_RANK:
        for f in s.fields:
            out.setdefault(f.name, f)
    return list(out.values())


def json_schema(per_doc: bool = False) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of one line of `djextract extract` (or `--per-doc`) output."""

    def prop(f: Field) -> dict[str, Any]:
        p: dict[str, Any] = {"description": f.doc}
        if f.values:
            p["enum"] = [*f.values, None]
        else:
            p["type"] = [f.type, "null"]
        return p

    common: dict[str, Any] = {f.name: {"type": f.type, "description": f.doc} for f in COMMON}
    variants: list[dict[str, Any]] = []
    for s in BY_RANK:
        fields = dict(common)
        fields["type"] = {"const": s.name, "description": s.doc}
        fields.update({f.name: prop(f) for f in s.fields})
        variants.append({"title": s.name, "type": "object", "properties": fields,
                         "required": [*COMMON_NAMES, *s.field_names], "additionalProperties": False})
    mention = {"$schema": "https://json-schema.org/draft/2020-12/schema",
               "title": "djextract mention", "description": "One line of `djextract extract` output (JSON lines).",
               "oneOf": variants}
    if not per_doc:
        return mention
    place = {"type": ["object", "null"], "description": next(f.doc for f in DOCUMENT_FIELDS if f.name == "place"),
             "properties": {k: {"type": ["string", "null"]} for k in PLACE_KEYS},
             "required": list(PLACE_KEYS), "additionalProperties": False}
    props: dict[str, Any] = {}
    for f in DOCUMENT_FIELDS:
        if f.name == "place":
            props["place"] = place
        elif f.name == "warnings":
            props["warnings"] = {"type": "array", "items": {"type": "string"}, "description": f.doc}
        elif f.name == "date":
            props["date"] = {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
                             "description": f.doc}
        else:
            props[f.name] = {"type": f.type, "description": f.doc}
            if f.values:
                props[f.name]["enum"] = list(f.values)
    for v in variants:
        props[BY_NAME[v["title"]].plural] = {"type": "array", "items": v, "description": BY_NAME[v["title"]].doc}
    props[PRODUCER.name] = {"type": "object", "description": PRODUCER.doc,
                            "properties": {"version": {"type": "string"}, "options": {"type": "object"}},
                            "required": ["version", "options"]}
    return {"$schema": mention["$schema"], "title": "djextract document",
            "description": "One line of `djextract extract --per-doc` output (JSON lines); fields asked for "
            "with --keep-fields are added at the top level.",
            "type": "object", "properties": props,
            "required": [f.name for f in DOCUMENT_FIELDS] + [s.plural for s in BY_RANK]}


def field_reference() -> str:
    """The field reference in Markdown (docs/fields.md is this text; a test keeps the two equal)."""

    def rows(fields: Iterable[Field]) -> list[str]:
        out = ["| field | type | values | meaning |", "|---|---|---|---|"]
        for f in fields:
            values = ", ".join(f"`{v}`" for v in f.values) if f.values else ""
            out.append(f"| `{f.name}` | {f.type}{' or null' if f.nullable else ''} | {values} | {f.doc} |")
        return out

    lines = ["# Output fields", "",
             "Generated from `src/djextract/schema.py` by `djextract schema -f markdown`; do not edit by hand.",
             "Every field of a type is on every mention, `null` when empty. The contract behind them is",
             "`../shared/spec/extraction.md`.", "", "## Every mention", "", *rows(COMMON), ""]
    for s in BY_RANK:
        lines += [f"## `{s.name}`: {s.doc}", "", *rows(s.fields), ""]
    lines += ["## Per-document records (`--per-doc`)", "",
              "Then one array per type (" + ", ".join(f"`{s.plural}`" for s in BY_RANK) + ") of the mentions "
              "above, the fields asked for with `--keep-fields`, and `djextract`: "
              + PRODUCER.doc + ".", "", *rows(DOCUMENT_FIELDS), "",
              "With `-f csv`, `-f parquet` or `-f table` a document is one flat row:", "",
              *rows(document_columns()), ""]
    return "\n".join(lines)
