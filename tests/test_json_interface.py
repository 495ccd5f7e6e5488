"""The JSON interface, frozen: ``Meeting.to_dict()`` and the frame records, value for value and key for key.

Golden files under tests/data/json-interface/ hold what the sample and one
generated document of every form (layout × file kind, fixed seeds) give. A
change of the model, the readers or the serialiser must leave them as they
are: same keys in the same order, same values of the same JSON types (``1``
is not ``1.0``, ``0`` is not ``false``).

A deliberate change of the interface rewrites them:
``PYTHONPATH=lib python tests/test_json_interface.py --write`` (then read the diff).
"""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # docgen_forms, when run as a script

import docgen  # noqa: E402
import docgen_forms as forms  # noqa: E402

from cddbrief import cache  # noqa: E402
from cddbrief.extract import extract_text  # noqa: E402
from cddbrief.meeting import parse_document  # noqa: E402
from cddbrief.model import Meeting  # noqa: E402
from cddbrief.sources import read_bytes  # noqa: E402
from cddbrief.tidy import frame_records  # noqa: E402

GOLDEN = Path(__file__).parent / "data" / "json-interface"
SAMPLE = Path(__file__).parent / "data" / "000_624796c269e36bce.txt"
# one document of every form; the seeds differ so that the twelve hold different meetings
FORMS = [
    (layout, kind, seed)
    for n, (layout, kind) in enumerate((each, k) for each in forms.LAYOUTS for k in forms.KINDS)
    for seed in [n + 3]
]


# a post whose product, ratio and sum all fail, with a monthly report day
FAILING_POST = (
    "สพอ.บ้านโฮ่ง ร่วมประชุมกรมการพัฒนาชุมชน ครั้งที่ 3/2565 เมื่อวันที่ 15 มีนาคม 2565 มีข้อสั่งการ ดังนี้\n"
    "1. กองทุนแม่ของแผ่นดิน: งบประมาณ 1,300,000 บาท ดำเนินการ 64 หมู่บ้าน หมู่บ้านละ 20,000 บาท ให้รายงานผลทุกวันที่ 10 ของเดือน\n"
    "2. ข้อมูล จปฐ.: เป้าหมาย 400 ครัวเรือน จัดเก็บได้ 300 ครัวเรือน คิดเป็นร้อยละ 70.50\n"
    "3. การพัฒนาบุคลากร: หลักสูตรรวม 40 วิชา ประกอบด้วยสมรรถนะหลัก 12 วิชา และสมรรถนะเฉพาะ 27 วิชา\n"
)


def numbering_table() -> bytes:
    """A Word table dumped to text whose item 1 is written twice and whose third row has no number."""
    said = docgen.Sentence
    items = [
        docgen.GenItem(1, "ผ้าไทย", [said("รณรงค์ใส่ผ้าไทยทุกวันอังคาร 12 อำเภอ"), said("ให้รายงานภายในวันที่ 5 ก.ค. 64")]),
        docgen.GenItem(1, "ตลาดชุมชน", [said("ให้จัดตลาด 3 แห่ง เดิมกำหนด 20 ก.ค. 64 เลื่อนเป็น 27 ก.ค. 64")]),
        docgen.GenItem(3, "ศูนย์เรียนรู้", [said("ให้จัดตั้ง 8 ศูนย์ ภายในเดือนสิงหาคม 2564")], write_number=False),
    ]
    meeting = docgen.GenMeeting(6, 2564, "สำนักงานพัฒนาชุมชนอำเภอลี้", "ลี้", "ลำพูน", items)
    return docgen.render_dump(meeting).encode("utf-8")


# ``cddbrief extract --json``: figures, dates and recurrences outside a meeting (no item or directive keys)
EXTRACTS = [
    (
        "ประชุมครั้งที่ ๗/๒๕๖๕ ให้ส่งรายงาน 18 ฉบับ ภายใน 12 ส.ค. ทุกวันที่ 20 ของเดือน "
        "เริ่ม 20 ก.ย. 65 งบ 3.2 ล้านบาท คิดเป็นร้อยละ 4 5.5",
        2565,
    ),
    ("เดิมกำหนด 3 ก.พ. 66 กำหนดเป็น 17 ก.พ. 66 ตำบลละ 6,500 บาท รวม 13 ตำบล", None),
    ("ไม่มีตัวเลข", None),
]


def _documents() -> list[str]:
    return ["sample", "failing-post", "numbering-table"] + [f"{layout}-{kind}-{seed}" for layout, kind, seed in FORMS]


def _document(name: str) -> tuple[bytes, str]:
    """The bytes of a golden document and the file name it is read under."""
    if name == "sample":  # read by bytes under its own name: the golden file must not hold a checkout's path
        return SAMPLE.read_bytes(), SAMPLE.name
    if name == "failing-post":
        return FAILING_POST.encode("utf-8"), "failing.txt"
    if name == "numbering-table":
        return numbering_table(), "numbering.txt"
    layout, kind, seed = name.split("-")
    return forms.render(forms.generate(int(seed), layout), kind)


def _meeting(name: str):
    return parse_document(read_bytes(*_document(name)))


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def _as_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, default=_plain) + "\n"


def _interface(meeting) -> dict:
    return {"to_dict": meeting.to_dict(), "frame_records": frame_records(meeting)}


def differences(got, want, where: str = "$") -> list[str]:
    """Where two JSON values differ: a value, its JSON type, a key or the order of keys.

    >>> differences({"จังหวัด": 1, "บาท": 2.0}, {"บาท": 2, "จังหวัด": 1})
    ['$: keys [จังหวัด, บาท] != [บาท, จังหวัด]', '$.บาท: float 2.0 != int 2']
    """
    if _json_type(got) != _json_type(want):
        return [f"{where}: {_json_type(got)} {got!r} != {_json_type(want)} {want!r}"]
    if isinstance(got, dict):
        found = []
        if list(got) != list(want):
            found.append(f"{where}: keys [{', '.join(got)}] != [{', '.join(want)}]")
        for key in got:
            if key in want:
                found += differences(got[key], want[key], f"{where}.{key}")
        return found
    if isinstance(got, list):
        found = [] if len(got) == len(want) else [f"{where}: {len(got)} entries != {len(want)}"]
        for n, (a, b) in enumerate(zip(got, want)):
            found += differences(a, b, f"{where}[{n}]")
        return found
    return [] if got == want else [f"{where}: {got!r} != {want!r}"]


def _json_type(value) -> str:
    return "null" if value is None else type(value).__name__


# The bytes of a file the tests make with another library depend on the machine and on versions, not on
# the reader: a PDF on WeasyPrint, Pango, the fonts and their versions; a Word file on python-docx's
# template and the zlib that compresses it. Their sha256 is not frozen (it is checked against the bytes
# made in the same run), their readings are. The sample and the text and HTML the tests write are frozen.
GENERATED_BY_LIBRARIES = ("pdf", "docx")


def readings(name: str, value: dict) -> dict:
    """The interface as frozen: a generated PDF's or Word file's sha256 (its bytes, which the machine
    decides) left out.

    >>> readings("table-pdf-6", {"to_dict": {"source": {"sha256": "3ca8", "format": "pdf"}}})
    {'to_dict': {'source': {'sha256': '(the bytes of a generated file)', 'format': 'pdf'}}}
    >>> readings("sample", {"to_dict": {"source": {"sha256": "cd91", "format": "txt"}}})
    {'to_dict': {'source': {'sha256': 'cd91', 'format': 'txt'}}}
    """
    source = value.get("to_dict", {}).get("source", {})
    if name in _documents()[3:] and source.get("format") in GENERATED_BY_LIBRARIES and "sha256" in source:
        source["sha256"] = "(the bytes of a generated file)"
    return value


@pytest.mark.parametrize("name", _documents())
def test_json_interface_is_unchanged(name):
    data, file_name = _document(name)
    meeting = parse_document(read_bytes(data, name=file_name))
    assert meeting.source.sha256 == hashlib.sha256(data).hexdigest()  # the digest of these bytes, whatever they are
    got = readings(name, json.loads(_as_json(_interface(meeting))))
    want = readings(name, json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8")))
    found = differences(got, want)
    assert not found, f"{name}: {len(found)} differences, first: " + "; ".join(found[:5])


def test_extract_interface_is_unchanged():
    got = json.loads(_as_json([extract_text(text, year) for text, year in EXTRACTS]))
    want = json.loads((GOLDEN / "extract.json").read_text(encoding="utf-8"))
    found = differences(got, want)
    assert not found, f"extract: {len(found)} differences, first: " + "; ".join(found[:5])


def test_golden_files_cover_the_whole_interface():
    """The golden documents hold something of every list, check kind and note kind, and failing checks too."""
    seen: dict[str, set] = {
        "lists": set(),
        "check kinds": set(),
        "holds": set(),
        "note kinds": set(),
        "layouts": set(),
        "formats": set(),
    }
    for name in _documents():
        stored = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))["to_dict"]
        seen["lists"] |= {key for key, value in stored.items() if isinstance(value, list) and value}
        seen["check kinds"] |= {c["kind"] for c in stored["checks"]}
        seen["holds"] |= {c["holds"] for c in stored["checks"]}
        seen["note kinds"] |= {n["kind"] for n in stored["notes"]}
        seen["layouts"].add(stored["source"]["layout"])
        seen["formats"].add(stored["source"]["format"])
    assert seen["lists"] == {
        "items",
        "passages",
        "quantities",
        "dates",
        "reschedules",
        "recurrences",
        "checks",
        "notes",
    }
    assert seen["check kinds"] >= {"product", "ratio", "sum", "share"}
    assert seen["holds"] == {True, False, None}
    assert seen["layouts"] == set(forms.LAYOUTS) and seen["formats"] == set(forms.KINDS)
    assert seen["note kinds"] == {"repair", "inferred", "merged", "skipped", "warning"}


def test_differences_finds_a_changed_value_type_key_and_order():
    want = {"item": 1, "value": 2.5, "holds": None, "span": [3, 9]}
    assert differences(dict(want), want) == []
    assert differences({**want, "value": 2.6}, want) == ["$.value: 2.6 != 2.5"]
    assert differences({**want, "item": 1.0}, want) == ["$.item: float 1.0 != int 1"]
    assert differences({**want, "holds": False}, want) == ["$.holds: bool False != null None"]
    assert differences({"value": 2.5, "item": 1, "holds": None, "span": [3, 9]}, want)[0].startswith(
        "$: keys [value, item"
    )
    assert differences({**want, "span": [3]}, want) == ["$.span: 1 entries != 2"]


def test_the_cache_gives_back_the_json_of_a_meeting(sample_meeting, tmp_path):
    """cache.py stores a meeting's JSON as checked JSON; read back, it is the same value for value."""
    stored = tmp_path / "meeting.json"
    cache.write(stored, sample_meeting.to_dict())
    assert differences(cache.read(stored), json.loads(_as_json(sample_meeting.to_dict()))) == []


@pytest.mark.parametrize("name", _documents())
def test_a_meeting_read_back_from_its_json_is_the_same_meeting(name, tmp_path):
    """Through the cache (checked JSON on disk) and ``Meeting.from_dict``: an equal Meeting, its
    figures in their directives and each reschedule holding its directive's own dates."""
    meeting = _meeting(name)
    stored = tmp_path / "meeting.json"
    cache.write(stored, meeting.to_dict())
    again = Meeting.from_dict(cache.read(stored))
    assert again == meeting
    assert differences(again.to_dict(), json.loads(_as_json(meeting.to_dict()))) == []
    for _, d in again.directives():
        assert all(any(r.old is s for s in d.dates) and any(r.new is s for s in d.dates) for r in d.reschedules)


def write_golden() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name in _documents():
        (GOLDEN / f"{name}.json").write_text(_as_json(_interface(_meeting(name))), encoding="utf-8")
        print("wrote", name)
    (GOLDEN / "extract.json").write_text(
        _as_json([extract_text(text, year) for text, year in EXTRACTS]), encoding="utf-8"
    )
    print("wrote extract")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write_golden()
    else:
        print(__doc__)
