"""Regenerate src/djextract/data/clean/common_chars.txt from jieba's dictionary.

Why: garbled spans (text decoded out of step) are full of characters that real
prose almost never uses; the frequency of each character in jieba's dictionary
is a free, reproducible measure of that.
"""

from collections import Counter
from pathlib import Path

import jieba

TOP = 5000

freq: Counter[str] = Counter()
dict_path = Path(jieba.__file__).with_name("dict.txt")
for line in dict_path.read_text(encoding="utf-8").splitlines():
    parts = line.split()
    if len(parts) < 2:
        continue
    word, count = parts[0], int(parts[1])
    for ch in word:
        if "\u4e00" <= ch <= "\u9fff":
            freq[ch] += count
chars = [ch for ch, _ in freq.most_common(TOP)]
out = Path(__file__).resolve().parents[1] / "src/djextract/data/clean/common_chars.txt"
header = (
    "# The most frequent simplified characters in jieba's dictionary (tools/build_common_chars.py).\n"
    "# Garbled-span detection treats any CJK character not listed here as rare.\n"
    "# Several characters a line; add your own lines freely.\n"
)
body = "\n".join("".join(chars[i:i + 50]) for i in range(0, len(chars), 50))
out.write_text(header + body + "\n", encoding="utf-8")
print(f"wrote {len(chars)} characters to {out}")
