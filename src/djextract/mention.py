"""The unit of output: one mention of a body, a figure, a programme … (the types of ``schema``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .schema import BY_NAME


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
        """The contract's object: common fields first, then every field of the type, null when empty."""
        out: dict[str, Any] = {"doc": self.doc, "type": self.type, "text": self.text,
                               "source_text": self.source_text, "start": self.start, "end": self.end,
                               "sentence": self.sentence}  # schema.COMMON, spelt out: this runs per mention
        get = self.fields.get
        for k in BY_NAME[self.type].field_names:
            v = get(k)
            out[k] = None if v == "" else v
        return out
