"""djextract: named bodies, figures and branded programmes from Chinese party-building reports.

The whole public Python API::

    import djextract
    for m in djextract.extract("市教育局党委新成立党支部62个"):
        print(m.type, m.text, m.to_dict())

``extract(text, types=None)`` returns a list of :class:`Mention`; ``types``
picks extractors by name (``"body"``, ``"figure"``, ``"programme"``, ``"person"``,
``"document"``); ``data_dirs`` are folders of word lists that extend the bundled
ones (as ``--data-dir``).
Heavy libraries (jieba, OpenCC) load on the first call, not on import.
"""

from __future__ import annotations

from collections.abc import Iterable

from .native import choose_sources

choose_sources()  # DJEXTRACT_PURE=1, or a compiled module edited since it was built: the Python sources

from .mention import Mention  # noqa: E402 - after the choice of sources above

__version__ = "0.1.0"
__all__ = ["Mention", "extract", "__version__"]


def extract(text: str, types: Iterable[str] | None = None, *, convert: str = "t2s",
            segmenter: str = "jieba", user_dicts: Iterable[str] = (),
            data_dirs: Iterable[str] = ()) -> list[Mention]:
    """Mentions found in one decoded document, in document order.

    Offsets index ``text`` as given (``text[m.start:m.end] == m.source_text``),
    even when it is traditional Chinese or HTML.
    """
    from .lexicon import Rules
    from .pipeline import Options, process

    opts = Options(types=tuple(types or ()), convert=convert, segmenter=segmenter,
                   user_dicts=tuple(str(p) for p in user_dicts), rules=Rules.from_dirs(data_dirs))
    _, mentions = process(text, "-", opts)
    return mentions
