"""Rebuild lib/cddbrief/data/gazetteer.csv from the GeoThai package.

The gazetteer is shipped as data so that parsing never depends on a package's
changing contents at run time. Rebuild it by hand when the administrative
map changes:

    .venv/bin/pip install geothai && .venv/bin/python tools/build_gazetteer.py

Source: GeoThai/data (geothai on PyPI), which takes its codes and names from
the Department of Provincial Administration (กรมการปกครอง); CC BY 4.0.
"""

from __future__ import annotations

import csv
from pathlib import Path

import geothai

OUT = Path(__file__).resolve().parents[1] / "lib" / "cddbrief" / "data" / "gazetteer.csv"


def main() -> None:
    rows = []
    for p in geothai.provinces():
        rows.append(("province", p.code, p.name_th, p.name_en, p.code))
    for p in geothai.provinces():
        for d in geothai.districts(p.code):
            rows.append(("district", d.code, d.name_th, d.name_en, d.province_code))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# source: GeoThai/data {geothai.DATA_VERSION} (DOPA codes and names), CC BY 4.0\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["level", "code", "name_th", "name_en", "province_code"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
