"""The unit of output: one mention of a body, a figure or a programme."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

COMMON_FIELDS = ("doc", "type", "text", "source_text", "start", "end", "sentence")
TYPE_FIELDS = {
    "body": ("name", "kind"),
    "figure": ("value", "value_max", "unit", "qualifier", "counted", "category"),
    "programme": ("name", "kind", "head"),
}


@dataclass
class Mention:
    """A mention as the JSON-lines contract describes it (spec §4).

    ``start``/``end`` index the decoded input, so ``input[start:end] == source_text``;
    ``text`` and ``sentence`` are simplified. Type-specific fields live in ``fields``
    and are also readable as attributes (``m.name``, ``m.value``).
    """

    type: str
    text: str
    start: int
    end: int
    source_text: str = ""
    sentence: str = ""
    doc: str = "-"
    fields: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, item: str) -> Any:
        fields = self.__dict__.get("fields", {})
        if item in fields:
            return fields[item]
        raise AttributeError(item)

    def to_dict(self) -> dict[str, Any]:
        """The contract's object: common fields first, then the type's fields."""
        out: dict[str, Any] = {"doc": self.doc, "type": self.type, "text": self.text,
                               "source_text": self.source_text, "start": self.start, "end": self.end,
                               "sentence": self.sentence}  # COMMON_FIELDS, spelt out: this runs per mention
        for k in TYPE_FIELDS.get(self.type, ()):
            if k == "value_max" and self.fields.get(k) is None:
                continue  # only ranges carry value_max
            out[k] = self.fields.get(k)
        for k, v in self.fields.items():
            if k not in out and not (k == "value_max" and v is None):
                out[k] = v
        return out
