"""Whose figure is it: the body or place each figure is given for (spec §8).

Why a pass after the extractors: the owner is read from what the sentence
and the document already named — bodies, places (from the gazetteer, 海曙 →
海曙区 once 海曙区 is written anywhere) and the Party itself (中共党员总数…).
A name is a candidate subject unless a preposition or verb governs it (在县委
引导下, 联合省档案局) or its clause reports the figure (…数据显示：). The
rules, in order:

1. in a report made of speakers' sections (述职摘登: ``市教育局党委书记吴萍：``),
   the section's speaker's body;
2. the first candidate in the figure's own clause, before the figure (the
   clause's subject: 新海曙的区域面积扩大了近20倍);
3. a word that stands for a unit (全市, 我村, 省里, 村两委, 我校: data/owners/refs.tsv)
   after every candidate: the unit of that level named last;
4. the first candidate of the nearest clause before that has one (zero
   anaphora: 新海曙的区域面积扩大了近20倍，现下辖7镇);
5. the topic carried over from the sentences before: a village or community
   the paragraph has moved to since (在…长螺村的一次院坝会上 … 硬化道路18公里), else
   the last owner given, or the name a sentence or one of its clauses opens
   with (象山社区位于… → 辖区面积1.5平方公里); a unit's own committee carried on
   stands for the unit (长丰县委 → 长丰县), a body declared with a short name
   goes by it (以下简称“沪士电子”), and a province or city around the report's
   own place is context, not carried;
6. what the whole report is about: the body its title names, else the school,
   hospital or company whose own site the page is on, else its place.

Not subjects either: the names of a list closed by 等 (省纪委监委、省高院等12个
单位: what is counted), where a resident lives (凤凰社区居民黄方权称赞…), a place
that names a news outlet (四川新闻网) and a joint subject (广州市和南沙区), which
owns nothing alone; a village, community or town owns no count of its own level
that lists its peers by name (…，昆仑社区、东方红社区等7个社区). Places in quotes
(“北京鸭”) are no names, and a name the text gave before is recognised again
where the body extractor missed it (大坡镇裕民村 … 裕民村).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from .document import Document, Sentence
from .lexicon import derived, load_rows, load_set
from .mention import Mention

# a unit's own committee or service centre: 长丰县|委, 苕溪村|党委, 四邑村|党群服务中心
UNIT_ORGAN = re.compile(r"(.+?(?:省|市|县|区|镇|乡|街道|旗|州|盟|村|社区))"
                        r"(?:委|党委|党工委|党总支|党支部|人民政府|政府|办事处|村委会|居委会|党群服务中心|党群服务站)$")
BARE_UNITS = ("自治区", "自治州", "自治县", "自治旗", "特区", "特别行政区")  # levels that name no place alone
VILLAGE_OF = re.compile(r"(.+?(?:村|社区))(?:村党支部|村党总支|村支部|党支部|党总支|党委|支部|两委|村委会|居委会)$")
# a hospital, school or company (by how its name ends) and the levels of refs.tsv that mean it: 全院, 我校, 本公司
UNIT_LEVELS = {"医院": ("院",), "研究院": ("院",), "学院": ("院", "校"), "大学": ("校",), "学校": ("校",),
               "中学": ("校",), "小学": ("校",), "公司": ("公司",), "集团": ("公司",), "银行": ("行",),
               "支行": ("行",), "分行": ("行",)}
# such a unit, or its own organ (慈溪市中医医院党委)
UNIT_ORGANS = ("党委", "党总支", "党支部", "纪委", "工会", "团委")
UNIT_OF = re.compile(rf"(.+?({'|'.join(UNIT_LEVELS)}))(?:{'|'.join(UNIT_ORGANS)})?$")
UNITS = ("院", "校", "公司", "行")
COMMON_WORD = 1000  # jieba's frequency of a word that a unit word's last character may open (行业, 区域)
WHOLE_LEVELS = ("村", "社区", *UNITS)  # levels kept whole in memory (not by their last character)
CLAUSE_OPENS = re.compile(r"[，,；;]\s*")  # where a clause after the first opens
# a résumé after a name (王中苏1957年10月生, 龙秀，壮族，1964年11月生, 何华榕，男，…): the figures are the person's own
RESUME = re.compile(r"[，,]?\s*(?:[男女]\s*[，,、]\s*)?(?:[\u4e00-\u9fff]{1,4}族\s*[，,、]\s*)?"
                    r"(?:\d{4}年|[男女][，,、])")
SPEAKER_END = re.compile(r"\s*[:：]")
CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
QUOTED = re.compile(r"“[^”]{1,30}”|「[^」]{1,30}」|《[^》]{1,60}》")  # names in quotes and titles
OPENING = re.compile(r"[\s#>“\"『「（(]*")  # what may stand before a sentence's first word


@dataclass(frozen=True)
class Name:
    start: int  # document offsets
    end: int
    owner: str
    kind: str  # body, place or party
    level: str = ""  # a place's level character (市, 县 …)
    written_from: int | None = None  # a place written after the upper levels of its chain: where they start


@dataclass(frozen=True)
class Cues:
    before: tuple[str, ...]  # longest first
    scene: tuple[str, ...]  # the cues among them that set the scene where the name is (在, 到, 走访)
    clause_end: tuple[str, ...]
    party: dict[str, str]  # as written → owner
    party_re: re.Pattern[str] | None
    refs: dict[str, str]  # 全市, 我村, 省里 … → the level of the unit meant
    refs_re: re.Pattern[str] | None
    zones_re: re.Pattern[str] | None  # development zones named after a place (owners/zones.txt)
    media: tuple[str, ...]  # what makes a place a news outlet's name (owners/media.txt)


@derived
def tables() -> Cues:
    """The cue and name tables (checked at load: FILE:LINE: why)."""
    rows = load_rows("owners/cues.tsv", ("cue", "where", "gives"),
                     ((), ("before", "clause_end"), ("object", "place", "source")))
    before = tuple(sorted((c for c, w, _ in rows if w == "before"), key=len, reverse=True))
    scene = tuple(sorted((c for c, w, g in rows if w == "before" and g == "place"), key=len, reverse=True))
    ends = tuple(sorted((c for c, w, _ in rows if w == "clause_end"), key=len, reverse=True))
    party: dict[str, str] = {w: o for w, o in load_rows("owners/names.tsv", ("written", "owner"))}
    levels = ("省", "市", "县", "区", "镇", "乡", "街道", "旗", "州", "盟", *WHOLE_LEVELS)
    refs = {w: lv for w, lv in load_rows("owners/refs.tsv", ("written", "level"), ((), levels))}
    zones = {z: z for z in load_set("owners/zones.txt")}
    media = tuple(load_set("owners/media.txt"))
    return Cues(before, scene, ends, party, _alternation(party), refs, _alternation(refs), _alternation(zones),
                media)


def _alternation(words: dict[str, str]) -> re.Pattern[str] | None:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))) if words else None


def _places(doc: Document, sentence: Sentence, memory: dict) -> list[Name]:
    """The places written in a sentence with their full names (the lower of a written chain)."""
    from .places import gazetteer, stretch_mentions

    gz = gazetteer()
    out: list[Name] = []
    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(sentence.text)]
    for a, b, cands in stretch_mentions(doc, sentence.start, sentence.end):
        if any(qa <= a and b <= qb for qa, qb in quoted) or sentence.text.startswith(tables().media, b):
            continue  # “北京鸭”, 《绍兴市…行动方案》: a name in quotes or a title is no subject (nor 四川|新闻网)
        if len({d.name for d in cands}) != 1 or b - a < 3 and cands[0].name == sentence.text[a:b] and len(cands) > 1:
            continue
        d, chain_start = cands[0], None
        if out and out[-1].end == sentence.start + a:  # 宁波市|海曙区: the lower level of one chain
            below = next((c for c in cands if any(  # (开封市|鼓楼区: of the four 鼓楼区, the one in 开封市)
                node is not None and node.name == out[-1].owner for node in gz.chain(c).values())), None)
            if below is not None:
                upper = out.pop()
                if upper.level and not _elsewhere(doc, sentence, upper.start):  # (宁津县|时集镇…: 该县 is 宁津县)
                    memory["last_place"][upper.level] = upper.owner
                chain_start = upper.written_from if upper.written_from is not None else upper.start
        zones = tables().zones_re
        zone = zones.match(sentence.text, b) if zones else None
        if zone:  # 虞城高新区: a zone named after the place is the owner, as written (no level: not 全区's)
            out.append(Name(sentence.start + a, sentence.start + zone.end(), sentence.text[a:zone.end()], "place", "",
                            chain_start))
            continue
        out.append(Name(sentence.start + a, sentence.start + b, d.name, "place", d.name[-1], chain_start))
    return out


def _as_declared(doc: Document, sentence: Sentence, name: str | None) -> str | None:
    """沪士电子股份有限公司（以下简称“沪士电子”）: after the sentence that declares it, the name the text goes
    on to use is the owner's."""
    declared = doc.memory.get("declared_short", {}).get(name) if name else None
    return declared[0] if declared is not None and declared[1] < sentence.start else name


def _names(doc: Document, sentence: Sentence, found: list[Mention], memory: dict) -> list[Name]:
    """Bodies, places and the Party named in the sentence, in order; a body hides what it contains."""
    from .extractors.bodies import among_them

    bodies = [Name(m.start, m.end, _as_declared(doc, sentence, m.fields["name"]) or m.fields["name"], "body")
              for m in found if m.type == "body"]
    bodies += _known(doc, sentence, bodies, memory)
    for b in bodies:  # villages and communities are bodies here, not gazetteer places
        village = VILLAGE_OF.match(b.owner)  # 孙家集街道三元朱村党支部: the village its branch is named after
        unit = village.group(1) if village else b.owner
        for level in ("村", "社区"):
            if unit.endswith(level) and not _elsewhere(doc, sentence, b.start):
                memory["last_place"][level] = unit
                memory["unit"] = (b.start, unit)
        named = UNIT_OF.match(b.owner)
        if named and not _elsewhere(doc, sentence, b.start):
            for level in UNIT_LEVELS[named.group(2)]:
                memory["last_place"][level] = named.group(1)

    def inside_body(a: int, b: int) -> bool:
        return any(x.start <= a and b <= x.end for x in bodies)

    t = tables()
    party = [Name(sentence.start + p.start(), sentence.start + p.end(), t.party[p.group()], "party")
             for p in t.party_re.finditer(sentence.text)
             if not among_them(sentence, sentence.start + p.start(), sentence.start + p.end())] if t.party_re else []
    places = _places(doc, sentence, memory)
    for n in places:  # 文城镇党委 still says which 镇 全镇 is; a neighbour (西临蓬莱镇) does not
        if not _elsewhere(doc, sentence, n.start):
            memory["last_place"][n.level] = n.owner
    others = [n for n in places + party if not inside_body(n.start, n.end)]
    return sorted(bodies + others + _persons(doc, sentence), key=lambda n: (n.start, -n.end))


def _level_alone(body: str) -> bool:
    """省委, 县委: a level body alone, named by no place."""
    from .extractors.bodies import tables as body_tables

    head = body_tables().heads.get(body)
    return head is not None and head.alone


def _persons(doc: Document, sentence: Sentence) -> list[Name]:
    """The persons opening a clause of the sentence whose body the text has given, here or before (邢兢业回到
    办公室…15个部门 → 惠山区委组织部): a person acting in a role acts for the body of the post, or for the unit
    whose committee or office that is (村党支部书记 for the village, 街道办事处主任 for the street). (他, 她 there
    for the person named last: tried, and fewer owners agreed.)"""
    text, out = sentence.text, []
    for name, unit in _acting_persons(doc):
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if _opens_clause(text, at, end):
                out.append(Name(sentence.start + at, sentence.start + end, unit, "person"))
            at = text.find(name, end)
    return out


def _acting_persons(doc: Document) -> list[tuple[str, str]]:
    """The persons known so far whose body is given, with the unit they act for.

    Kept in the document's memory and extended as persons are added (a person's first
    post and body never change): looking the bodies up for every sentence cost a twentieth
    of the time on reports that name many people."""
    known: dict[str, tuple[str | None, str | None]] = doc.memory.get("persons", {})
    seen, acting = doc.memory.get("acting_persons", (0, []))
    if seen < len(known):
        for name, (_, body) in islice(known.items(), seen, None):
            if body is not None and len(name) >= 2 and not _level_alone(body):
                acting.append((name, _unit_of(body) or body))  # (a 省委书记 who visits is not what it is about)
        doc.memory["acting_persons"] = (len(known), acting)
    return acting


def _opens_clause(text: str, at: int, end: int) -> bool:
    """The name at ``text[at:end]`` opens a clause: its subject (not 向张三…, 张三的…), and not where the person
    speaks (王秦丰介绍了…, 张三说: the figures are another's) or a résumé follows (王中苏，男，1957年…)."""
    return ((at == OPENING.match(text).end() or CLAUSE_END.match(text, at - 1) is not None)  # type: ignore[union-attr]
            and not text.startswith(tables().clause_end, end) and not RESUME.match(text, end))


VILLAGE_TAIL = re.compile(r"^.+?(?:省|市|县|区|镇|乡|街道)(.{2,6}?(?:村|社区))$")


class _Forms:
    """Names a document has established, found again in later text: longest first, left to right.

    Why not one regular expression of them all: the set grows sentence by sentence,
    and compiling the alternation anew each time cost a tenth of all the time.
    """

    def __init__(self) -> None:
        self.by_opening: dict[str, list[str]] = {}  # first two characters → forms, longest first

    def __contains__(self, form: str) -> bool:
        return form in self.by_opening.get(form[:2], ())

    def add(self, form: str) -> None:
        forms = self.by_opening.setdefault(form[:2], [])
        forms.append(form)
        forms.sort(key=len, reverse=True)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each form written in ``text``, not overlapping, as a regex alternation finds them.

        A list, not a generator: compiled, a generator's loop keeps its variables in an
        object, and this loop looks at every character of every sentence."""
        get = self.by_opening.get
        out: list[tuple[int, int]] = []
        i, n = 0, len(text) - 1
        while i < n:
            forms = get(text[i:i + 2])
            if forms:
                for f in forms:
                    if text.startswith(f, i):
                        out.append((i, i + len(f)))
                        i += len(f)
                        break
                else:
                    i += 1
            else:
                i += 1
        return out


def _known(doc: Document, sentence: Sentence, bodies: list[Name], memory: dict) -> list[Name]:
    """Bodies named earlier in the document, written again where the extractor did not take them
    (大坡镇裕民村 … 裕民村有上千亩水稻): a report names its subjects consistently."""
    known: _Forms = memory.setdefault("known", _Forms())
    out: list[Name] = []
    for s, e in known.spans(sentence.text):
        a, b = sentence.start + s, sentence.start + e
        if not any(x.start < b and a < x.end for x in bodies + out):
            out.append(Name(a, b, sentence.text[s:e], "body"))
    for n in bodies:
        forms = [n.owner]
        tail = VILLAGE_TAIL.match(n.owner)
        if tail:
            forms.append(tail.group(1))
        for f in forms:
            if len(f) >= 3 and f not in known:
                known.add(f)
    return out


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding offset ``at`` of ``text`` starts."""
    ends = [m.end() for m in CLAUSE_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0


LIST_LINK = re.compile(r"[、和及与]|以及")


def _elsewhere(doc: Document, sentence: Sentence, start: int) -> bool:
    """A cue before the name puts it apart from the scene (西临蓬莱镇, 与潭牛镇), not in it (在下陡门村):
    such a name is not the unit 全镇, 全村 mean."""
    head = doc.text[max(sentence.start, start - 2):start]
    return _governed(doc, sentence, start) and not head.endswith(tables().scene)


def _governed(doc: Document, sentence: Sentence, start: int) -> bool:
    """A preposition or verb stands right before offset ``start`` (在县委…, 联合省档案局, 在全省率先)."""
    head = doc.text[max(sentence.start, start - 2):start]
    return any(head.endswith(c) for c in tables().before)


def _is_subject(doc: Document, sentence: Sentence, n: Name, names: list[Name]) -> bool:
    """Not governed, not in a clause that reports (…显示：), not one of a list of examples (A、B等12个), not
    where someone lives (凤凰社区居民黄方权称赞: the resident speaks, the community is his address), not a
    dateline's place (新华社北京7月29日电)."""
    if _governed(doc, sentence, n.start) or doc.text.startswith(RESIDENTS, n.end) or DATELINE.match(doc.text, n.end):
        return False
    rel = n.end - sentence.start
    m = CLAUSE_END.search(sentence.text, rel)
    clause = sentence.text[rel:m.start() if m else len(sentence.text)]
    if any(clause.endswith(c) for c in tables().clause_end):
        return False
    return not _in_example_list(doc, n, names)


def _in_example_list(doc: Document, n: Name, names: list[Name]) -> bool:
    """The name is one of a list of names closed by 等 (省纪委监委、省高院等12个单位): what is counted."""
    by_start = {x.start: x for x in names}
    end = n.end
    while True:
        if doc.text.startswith("等", end):
            return True
        link = LIST_LINK.match(doc.text, end)
        if not link or link.end() not in by_start:
            return False
        end = by_start[link.end()].end


def _home(doc: Document, memory: dict) -> str | None:
    """What the whole report is about (what a subject-less figure is given for): the body its title
    names, else the school, hospital or company whose own site it is on, else the lowest unit of its place."""
    from .extractors.bodies import site_body

    if "site" not in memory:
        memory["site"] = site_body(doc)
    return memory.get("focus") or memory["site"] or _place_home(doc, memory)


def _place_home(doc: Document, memory: dict) -> str | None:
    """The lowest unit of the document's place (spec §8)."""
    if "home" not in memory:
        from .places import document_place

        place = document_place(doc)
        memory["home"] = place["county"] or place["city"] or place["province"]
    return memory["home"]


def _opening_subject(doc: Document, sentence: Sentence, names: list[Name]) -> str | None:
    """The name a sentence opens with (象山社区位于…), which later sentences without a subject are about."""
    lead = OPENING.match(sentence.text).end()  # type: ignore[union-attr]
    later = {m.end() for m in CLAUSE_OPENS.finditer(sentence.text)}
    for n in names:
        at = (n.start if n.written_from is None else n.written_from) - sentence.start  # (开封市|鼓楼区始终…)
        # (…，福建优锂新能源有限公司的试生产工作正紧锣密鼓进行: a body, not a place, opening a later clause)
        if (at == lead or at in later and n.kind != "place") and _is_subject(doc, sentence, n, names):
            return n.owner
    return None


def assign(doc: Document, sentence: Sentence, found: list[Mention]) -> None:
    """Set ``owner`` on the figures of one sentence (``found`` in any order)."""
    memory = doc.memory.setdefault("owners", {"section": None, "carry": None, "last_place": {}})
    for m in found:  # a speaker's heading opens a section: 海棠区委书记鲁正兰：
        if m.type == "person" and m.fields.get("body") and SPEAKER_END.match(doc.text, m.end) and (
                m.start - sentence.start) < 30:
            memory["section"] = m.fields["body"]
    figures = sorted((m for m in found if m.type == "figure"), key=lambda f: f.start)
    memory["carry"] = _as_declared(doc, sentence, memory["carry"])
    names = _names(doc, sentence, found, memory)
    if "focus" not in memory:  # the first sentence is the title: a body it names is the report's subject (a
        # report that opens with no title, its first sentence ended as sentences are, has none)
        memory["focus"] = next((n.owner for n in names if n.kind == "body" and _is_subject(doc, sentence, n, names)),
                               None) if not sentence.text.rstrip().endswith(SENTENCE_ENDS) else None
    opening = _opening_subject(doc, sentence, names)
    if not figures:
        if opening is not None:
            memory["carry"], memory["carry_at"] = _unit_of(opening), sentence.start
        return
    subjects = [n for n in names if _is_subject(doc, sentence, n, names)]
    for fig in figures:
        owner = memory["section"] or _owner(doc, sentence, fig, subjects, names, memory)
        fig.fields["owner"] = owner
        if not _encloses_home(doc, owner, memory):  # 宁波市 in a report on 海曙区 is context, not its topic
            memory["carry"], memory["carry_at"] = _unit_of(owner), fig.start


def _word_runs_on(doc: Document, text: str, ref: re.Match[str]) -> bool:
    """该行|业, 全市|场, 该区|域: the unit word's last character opens a common word with the next one, so the
    text says this trade, the whole market, this area, not the unit; 该公司|党委: the unit's own committee, which
    the topic carried names better."""
    return (doc.segmenter.freq(text[ref.end() - 1:ref.end() + 1]) >= COMMON_WORD
            or text.startswith(UNIT_ORGANS, ref.end()))


def _unit_of(owner: str | None) -> str | None:
    """长丰县委, 苕溪村党委, 四邑村党群服务中心: a unit's own committee or service centre, carried to the
    sentences after it, stands for the unit (the county's project, the village's list)."""
    m = (UNIT_ORGAN.match(owner) or VILLAGE_OF.match(owner)) if owner else None  # (贯寺村|村支部 too)
    return m.group(1) if m and m.group(1) not in BARE_UNITS else owner  # (自治区党委 names no region)


def _encloses_home(doc: Document, owner: str | None, memory: dict) -> bool:
    """The owner is a place that contains the report's own place (its province or city)."""
    home = _place_home(doc, memory)
    if owner is None or home is None or owner == home:
        return False
    known: dict[str, bool] = memory.setdefault("encloses", {})  # a report names few owners, each many times
    if owner not in known:
        from .places import gazetteer

        gz = gazetteer()
        known[owner] = any(node is not None and node.name == owner and node.code != d.code
                           for d in gz.named(home) for node in gz.chain(d).values())
    return known[owner]


def _owner(doc: Document, sentence: Sentence, fig: Mention, subjects: list[Name], names: list[Name],
           memory: dict) -> str | None:
    """Rules 2–6 of the module's docstring for one figure."""
    clause = sentence.start + _clause_start(sentence.text, fig.start - sentence.start)
    peers = _peer_level(fig)  # (the list of examples is looked for only when the figure counts villages …)
    if peers and not any(clause <= n.start and n.end <= fig.start and _in_example_list(doc, n, names)
                         for n in names):
        peers = ""
    before = [n for n in subjects if n.end <= fig.start and not (peers and n.owner.endswith(peers))]
    in_clause = [n for n in before if n.start >= clause]
    if in_clause:
        return _single(doc, in_clause[0], names)
    refs = tables().refs_re
    whole = [w for w in (refs.finditer(sentence.text, 0, fig.start - sentence.start) if refs else ())
             if not _governed(doc, sentence, sentence.start + w.start()) and not _word_runs_on(doc, sentence.text, w)]
    level = tables().refs[whole[-1].group()] if whole else ""
    if whole and (not before or whole[-1].start() + sentence.start > max(n.end for n in before)) and (
            level not in UNITS or level in memory["last_place"]):  # (全校 with no school named says nothing)
        key = level if level in WHOLE_LEVELS else level[-1]
        carry = memory["carry"]  # (全区 with no district named: the topic only if it is of that level)
        return memory["last_place"].get(key, carry if carry is not None and carry.endswith(key) else None)
    if before:  # the subject of the nearest clause before that has one goes on (新海曙…扩大了…，现下辖7镇)
        last = before[-1]
        start = sentence.start + _clause_start(sentence.text, last.start - sentence.start)
        first = next(n for n in before if n.start >= start)
        return _single(doc, first, names)
    carried = (o for o in (_scene(doc, fig, memory), memory["carry"])
               if o is not None and not (peers and o.endswith(peers)))
    return next(carried, None) or _home(doc, memory)


SENTENCE_ENDS = ("。", "！", "？", "!", "?")
RESIDENTS = ("居民", "村民", "市民", "群众")  # after a place or body: a person who lives there (凤凰社区居民黄方权)
DATELINE = re.compile(r"\s*(?:\d{1,2}月)?\d{1,2}日(?:电|讯)")  # 新华社北京7月29日电: where the news was filed
PEER_LEVELS = ("村", "社区", "街道", "镇", "乡")


def _peer_level(fig: Mention) -> str:
    """The level a figure counts, if it counts villages, communities or towns ("" else): 漓江路社区成功创建…，
    昆仑社区、东方红社区等7个社区: a unit of that level does not own a count of its level that lists its peers
    by name; the count is the place's above them (but 凤坂村联合周边6个村 is the village's own act)."""
    counted = fig.fields.get("counted") or ""
    return next((level for level in PEER_LEVELS if counted in (level, "行政" + level)), "")


def _scene(doc: Document, fig: Mention, memory: dict) -> str | None:
    """The village or community the paragraph has moved to since the topic was last set (在…长螺村的一次
    院坝会上 … 硬化道路18公里): a report on a county tells its villages' stories one after another, and the
    next paragraph is the county's again (the topic before the scene comes back)."""
    scene = memory.get("scene")  # (the unit, the paragraph's end, the topic before it)
    if scene is not None and fig.start > scene[1]:
        if memory["carry"] == scene[0]:
            memory["carry"] = scene[2]
        memory["scene"] = None
    unit, carry = memory.get("unit"), memory["carry"]
    if unit is None or not memory.get("carry_at", -1) < unit[0] < fig.start or (carry or "").endswith(("村", "社区")):
        return None
    if "\n" in doc.text[unit[0]:fig.start]:
        return None
    end = doc.text.find("\n", fig.start)
    memory["scene"] = (unit[1], end if end >= 0 else len(doc.text), carry)
    return unit[1]


def _single(doc: Document, subject: Name, names: list[Name]) -> str | None:
    """A joint subject (广州市和南沙区, 麻峪社区、麻峪北社区) owns a figure together: no single owner."""
    link = LIST_LINK.match(doc.text, subject.end)
    if link and any(n.start == link.end() for n in names):
        return None
    return subject.owner
