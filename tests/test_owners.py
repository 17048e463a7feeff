"""Figure owners' pieces that are not visible in the pinned output alone."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from djextract.owners import _Forms

CHARS = list("裕民村大坡镇海棠区委")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=CHARS, min_size=3, max_size=6), min_size=1, max_size=8, unique=True),
       st.text(alphabet=CHARS + ["，"], max_size=60))
def test_established_names_are_found_as_a_longest_first_alternation_finds_them(forms, text):
    known = _Forms()
    for f in forms:
        known.add(f)
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    assert known.spans(text) == [m.span() for m in pattern.finditer(text)]
    assert all(f in known for f in forms) and "裕民" not in known
