"""jieba's parts of speech, grouped as the rules read them: each group named once.

Why a module: the extractors ask the same questions of a word's tag (is it a
person's name, a place, a verb, an adjective?), and a group spelt out again in
each rule drifts. "" is a word the dictionaries do not know (often a name).
"""

from __future__ import annotations

PERSON_NAME = frozenset({"nr", "nrfg", "nrt"})  # 鲁正兰, 吴萍
PLACE = frozenset({"ns", "s", "nt", "nz", "j"})  # places, organisations, other proper nouns, abbreviations
PROPER = frozenset({"ns", "nt", "nz", "nr"})  # the proper nouns a name is made of
SPECIFIC = frozenset({*PERSON_NAME, *PLACE, ""})  # a word that singles out one body (a name, a place, unknown)
BRAND = frozenset({"nz", "nt", "j", ""})  # a company's brand (中车, 美团)
ADJECTIVE = frozenset({"a", "b", "ad", "an"})
MORPHEME = frozenset({"zg", "g", "ng"})  # a bound morpheme (王府|园|社区)
VERB = ("v", "vd", "vi", "vg", "l", "i")  # prefixes: a tag that starts with one is verbal
SET_PHRASE = frozenset({"vn", "i", "l"})  # verbal nouns and idioms, which name what a company does
FUNCTION = ("v", "p", "c", "u", "d", "r", "m", "q", "t", "x", "y", "e", "o", "f", "a", "ad", "z", "uj", "ul", "ud")
"""Prefixes of tags that end a name: verbs, prepositions, conjunctions, particles, numbers, time …"""
COUNTING = frozenset({"q", "m"})  # a measure word or number (4个街道: several)
NOUN_LIKE = ("n", "vn", "j", "l", "b", "an", "nz", "nt", "ns", "nr", "ng", "zg", "g", "")
"""What a figure may count: nouns, verbal nouns, set phrases, proper nouns, unknown words."""
