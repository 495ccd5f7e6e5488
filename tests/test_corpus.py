"""The catalogue, the corpus frames, and the exports colleagues open in Excel and calendars."""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
from datetime import date
from pathlib import Path

import docgen
import pytest
from conftest import SAMPLE, run_cli

run = run_cli


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The sample, three generated meetings (one from a second office of the sample's meeting), a bad file."""
    data = tmp_path_factory.mktemp("raw")
    shutil.copy(SAMPLE, data / "a-sample.txt")
    for seed in (1, 2, 3):
        (data / f"gen-{seed}.txt").write_text(docgen.render_dump(docgen.meeting(random.Random(seed))), encoding="utf-8")
    twin = SAMPLE.read_text(encoding="utf-8").replace("อำเภอเสริมงาม", "อำเภอแม่ทะ")
    (data / "b-twin.txt").write_text(twin, encoding="utf-8")
    (data / "z-notes.txt").write_text("hello", encoding="utf-8")
    return data


def test_list_reads_documents_not_file_names(folder):
    result = run("list", "--data", str(folder), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    ids = [m["id"] for m in data["meetings"]]
    assert ids.count("2562-04") == 2  # two offices, one meeting: both listed
    twins = {m["office"]: m for m in data["meetings"] if m["id"] == "2562-04"}
    assert set(twins) == {"สำนักงานพัฒนาชุมชนอำเภอเสริมงาม", "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ"}
    sample = twins["สำนักงานพัฒนาชุมชนอำเภอเสริมงาม"]
    # 20 dated mentions: the spec's 19 and the year range ปี 57-61 (registration years 2557–2561);
    # 35 figures: the programme's name 1 เขตตรวจ 1 ชุมชน counts no community
    assert (sample["items"], sample["directives"], sample["figures"], sample["dated"]) == (9, 21, 35, 20)
    assert (
        sample["first_date"] == "2018-09-30"
        and sample["last_date"] == "2019-09-25"
        and sample["file"].endswith("a-sample.txt")
    )
    assert [u["file"].rsplit("/", 1)[-1] for u in data["unreadable"]] == ["z-notes.txt"]
    table = run("list", "--data", str(folder))
    assert "2562-04" in table.stdout and "z-notes.txt" in table.stdout


def test_an_id_shared_by_two_offices_asks_which(folder):
    result = run("parse", "๔/๒๕๖๒", "--data", str(folder))
    assert (
        result.returncode == 2
        and "เสริมงาม" in result.stderr
        and "แม่ทะ" in result.stderr
        and "--office" in result.stderr
    )


def test_listing_twice_uses_the_cache(folder, tmp_path, monkeypatch):
    from cddbrief import corpus, meeting, store

    monkeypatch.setenv("CDDBRIEF_CACHE", str(tmp_path))
    first, _ = corpus.catalogue(folder)
    cached = list((tmp_path / "parse").glob("*.json.z"))
    assert len(cached) == 6  # five meetings and the unreadable file, each read once

    def no_parsing(*args, **kwargs):
        raise AssertionError("a cached document was parsed again")

    def no_reading(*args, **kwargs):
        raise AssertionError("an unchanged document was read again")

    monkeypatch.setattr(meeting, "parse_document", no_parsing)
    monkeypatch.setattr(store, "read_document", no_reading)
    second, _ = corpus.catalogue(folder)
    assert [e.as_dict() for e in first] == [e.as_dict() for e in second]


def test_the_cache_cannot_execute_or_lie(folder, tmp_path, monkeypatch):
    """Cache entries are sealed JSON: a damaged or edited entry, or a store, is rebuilt; a planted pickle is never
    loaded."""
    import pickle

    from cddbrief import corpus

    monkeypatch.setenv("CDDBRIEF_CACHE", str(tmp_path))
    first, _ = corpus.catalogue(folder)
    entries = sorted((tmp_path / "parse").glob("*.json.z"))
    edited = entries[0].read_bytes().replace(b"\n", b"\n\0", 1)  # a lie: the body no longer matches its seal
    entries[0].write_bytes(edited)
    entries[1].write_bytes(entries[1].read_bytes()[:100])  # cut short

    class Boom:
        def __reduce__(self):
            return (exec, ("raise SystemExit('a pickle in the cache was run')",))

    for entry in entries[2:]:
        entry.with_suffix(".pkl").write_bytes(pickle.dumps(Boom()))
    for kept in (tmp_path / "store").rglob("documents"):
        kept.write_bytes(pickle.dumps(Boom()))  # the folder's store too: every document is looked up again
    second, _ = corpus.catalogue(folder)
    assert [e.as_dict() for e in first] == [e.as_dict() for e in second]
    assert entries[0].read_bytes() != edited  # rebuilt


def test_load_corpus_has_every_meeting(folder):
    from cddbrief import load_corpus

    f = load_corpus(folder)
    assert set(f.items["meeting"]) >= {"2562-04"}
    assert len(f.items[f.items["meeting"] == "2562-04"]) == 18  # nine items, twice
    assert set(f.items["office"]) >= {"สำนักงานพัฒนาชุมชนอำเภอเสริมงาม", "สำนักงานพัฒนาชุมชนอำเภอแม่ทะ"}
    baht = f.quantities[(f.quantities["unit"] == "บาท") & (f.quantities["office"] == "สำนักงานพัฒนาชุมชนอำเภอเสริมงาม")]
    assert sorted(baht["value"]) == [18000, 15804000]
    assert str(f.dates["start"].dtype).startswith("datetime64")
    again = load_corpus(folder)
    assert again.quantities.equals(f.quantities)


def test_exports(tmp_path):
    from openpyxl import load_workbook

    result = run("export", str(SAMPLE), "--to", "xlsx,csv,json,ics", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "2562-04"
    from cddbrief.exports import column_title, sheet_title

    book = load_workbook(folder / "2562-04.xlsx")
    assert book.sheetnames == [
        sheet_title(n) for n in ("items", "directives", "quantities", "dates", "checks", "notes")
    ]
    items = book[sheet_title("items")]
    assert items.freeze_panes == "A2"
    assert [c.value for c in items[2]][:4] == ["2562-04", "สำนักงานพัฒนาชุมชนอำเภอเสริมงาม", 1, "OTOP"]
    assert items.column_dimensions["D"].width > 8
    dates = book[sheet_title("dates")]
    header = [c.value for c in dates[1]]
    first = dates.cell(row=2, column=header.index(column_title("end")) + 1)
    assert first.is_date and first.value.date() == date(2018, 9, 30)
    # CSV: UTF-8 with BOM, Thai intact
    raw = (folder / "2562-04-quantities.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {"value": "15804000", "unit": "บาท"}.items() <= next(
        r for r in rows if r["surface"].startswith("15,804,000")
    ).items()
    # JSON: what parse --json gives
    assert json.loads((folder / "2562-04.json").read_text(encoding="utf-8")) == json.loads(
        run("parse", str(SAMPLE), "--json").stdout
    )
    # ICS: one all-day event per dated action in force (moved dates, the two windows that closed
    # in 2561 and the day the monthly event already holds left out), plus the monthly one
    from icalendar import Calendar

    cal = Calendar.from_ical((folder / "2562-04.ics").read_bytes())
    events = [e for e in cal.walk("VEVENT")]
    assert len(events) == 20 - 3 - 2 - 1 + 1
    moved = next(e for e in events if e.decoded("dtstart") == date(2019, 4, 22))
    assert moved.decoded("dtend") == date(2019, 4, 24) and "เลื่อนจากเดิม" in str(moved.get("description"))
    assert str(moved.get("summary")).startswith("OTOP: ")
    monthly = next(e for e in events if "rrule" in e)
    assert monthly["rrule"]["BYMONTHDAY"] == [25] and monthly.decoded("dtstart") == date(2019, 4, 25)


def test_formula_text_is_neutralised(tmp_path):
    from openpyxl import load_workbook

    source = tmp_path / "evil.txt"
    meeting = docgen.meeting(random.Random(5), n_items=1)
    meeting.items[0].topic = '=HYPERLINK("http://x","คลิก")'
    meeting.items[0].directives = [docgen.Sentence("+ให้จังหวัดรายงาน @ทุกเดือน")]
    meeting.items[0].split_after = None
    source.write_text(docgen.render_dump(meeting), encoding="utf-8")
    result = run("export", str(source), "--to", "xlsx,csv", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    folder = next((tmp_path / "out").iterdir())
    book = load_workbook(next(folder.glob("*.xlsx")))
    topic = book.worksheets[0]["D2"]  # the items' sheet, its topic column
    assert topic.data_type == "s" and topic.value.startswith("'=")
    text = next(folder.glob("*-items.csv")).read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_two_offices_exports_never_share_a_folder(tmp_path):
    """Another office's write-up of the same meeting is refused in the first one's folder (one line,
    exit 2, nothing replaced) and goes, with --office, to the folder its brief would be built in."""
    data = tmp_path / "raw"
    data.mkdir()
    shutil.copy(SAMPLE, data / "a.txt")
    twin = SAMPLE.read_text(encoding="utf-8").replace("อำเภอเสริมงาม", "อำเภอแม่ทะ")
    (data / "b.txt").write_text(twin, encoding="utf-8")
    out = tmp_path / "out"
    first = run("export", str(data / "a.txt"), "--to", "json", "--out", str(out))
    assert first.returncode == 0, first.stderr
    kept = (out / "2562-04" / "2562-04.json").read_bytes()
    assert json.loads(kept)["meeting"]["district"] == "เสริมงาม"

    refused = run("export", str(data / "b.txt"), "--to", "json,ics", "--out", str(out))
    assert refused.returncode == 2 and refused.stdout == ""
    assert len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in refused.stderr
    assert "แม่ทะ" in refused.stderr and "--office" in refused.stderr and "nothing was replaced" in refused.stderr
    assert (out / "2562-04" / "2562-04.json").read_bytes() == kept
    assert not (out / "2562-04" / "2562-04.ics").exists()

    chosen = run("export", "4/2562", "--data", str(data), "--office", "แม่ทะ", "--to", "json", "--out", str(out))
    assert chosen.returncode == 0, chosen.stderr
    assert chosen.stdout.strip() == str(out / "2562-04-mae-tha" / "2562-04.json")
    assert (
        json.loads((out / "2562-04-mae-tha" / "2562-04.json").read_text(encoding="utf-8"))["meeting"]["district"]
        == "แม่ทะ"
    )
    again = run(
        "export", str(data / "a.txt"), "--to", "json", "--out", str(out)
    )  # the same source again: its own folder
    assert again.returncode == 0, again.stderr


def test_export_errors():
    result = run("export", str(SAMPLE), "--to", "pdfx")
    assert result.returncode == 2 and "unknown export" in result.stderr


def test_the_cache_key_covers_the_readers_and_sources_subpackages(tmp_path):
    """A change to a layout reader or a source reader must not leave old readings in the cache."""
    from cddbrief import corpus

    package = tmp_path / "cddbrief"
    shutil.copytree(Path(corpus.__file__).resolve().parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = corpus.digest_of(package)
    assert before == corpus.code_digest()
    for changed in ("readers/prose.py", "sources/pdf.py"):
        (package / changed).write_text(
            (package / changed).read_text(encoding="utf-8") + "\n# a change\n", encoding="utf-8"
        )
        assert corpus.digest_of(package) != before, changed
        before = corpus.digest_of(package)
