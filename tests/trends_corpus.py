"""A corpus for trends (tests/test_trends_english.py): one office's three meetings, a second office's
write-up of the middle one, a topic under its full name, its abbreviation and a short name, a moved
deadline, two rounds of a recurring report, a monthly report, a month-precision window that moves,
a total that changes, one that stays and one that barely moves."""

from __future__ import annotations

from pathlib import Path

from docgen import GenItem, GenMeeting, Sentence, render_dump

PASANG = ("สำนักงานพัฒนาชุมชนอำเภอป่าซาง", "ป่าซาง", "ลำพูน")
MAETHA = ("สำนักงานพัฒนาชุมชนอำเภอแม่ทะ", "แม่ทะ", "ลำปาง")
BMN_NAMES = {3: "จปฐ.", 4: "ข้อมูล จปฐ.", 5: "โครงการพัฒนาข้อมูลความจำเป็นพื้นฐาน"}
RATES = {3: "81.25", 4: "90.50", 5: "97.10"}
DAYS = {3: 15, 4: 22, 5: 29}
MONTHS = {3: "มิ.ย.", 4: "ก.ค.", 5: "ก.ค."}
BAHT = {3: "15,804,000", 4: "16,200,000", 5: "17,010,000"}
PROVINCES = {3: "76", 4: "76", 5: "77"}


def meeting(n: int, office=PASANG, bmn_name: str | None = None) -> GenMeeting:
    name, district, province = office
    items = [
        GenItem(1, bmn_name or BMN_NAMES[n], [Sentence(f"ผลการจัดเก็บข้อมูล จปฐ. จังหวัดลำพูน {RATES[n]}% ของเป้าหมาย")]),
        GenItem(2, "กองทุนหมู่บ้าน", [Sentence(f"ให้จังหวัดรายงานผลการตรวจสอบกองทุนหมู่บ้าน ภายในวันที่ {DAYS[n]} มี.ค. 63")]),
        GenItem(
            3,
            "กองทุนแม่ของแผ่นดิน",
            [
                Sentence(
                    f"ให้จังหวัดบันทึกผลการดำเนินงานกองทุนแม่ของแผ่นดินในระบบ ครั้งที่ {n - 2} ภายในวันที่ "
                    f"25 {('มี.ค.', 'เม.ย.', 'พ.ค.')[n - 3]} 63"
                ),
                Sentence(f"ให้จังหวัดรายงานผลการขับเคลื่อนหมู่บ้านทุกเดือน ภายในวันที่ 5 {('เม.ย.', 'พ.ค.', 'มิ.ย.')[n - 3]} 63"),
            ],
        ),
        GenItem(
            4, "ความมั่นคงทางอาหาร", [Sentence(f"ให้จังหวัดจัดประชุมเชิงปฏิบัติการขยายผลครัวเรือนต้นแบบ ภายในเดือน{MONTHS[n]} 63")]
        ),
        GenItem(
            5,
            "การเบิกจ่ายงบประมาณ",
            [
                Sentence(f"งบประมาณสนับสนุนหมู่บ้านรวมทั้งสิ้น {BAHT[n]} บาท"),
                Sentence(f"ขอให้จังหวัดเร่งรัดการเบิกจ่าย ทั้ง {PROVINCES[n]} จังหวัด"),
            ],
        ),
    ]
    if n == 4:
        items.append(GenItem(6, "ผ้าไทยใส่ให้สนุก", [Sentence("ขอให้ทุกจังหวัดรณรงค์การแต่งกายผ้าไทย")]))
    return GenMeeting(n, 2563, name, district, province, items)


def write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in (3, 4, 5):
        (folder / f"pasang-{n}.txt").write_text(render_dump(meeting(n)), encoding="utf-8")
    (folder / "maetha-4.txt").write_text(render_dump(meeting(4, MAETHA, "ข้อมูลความจำเป็นพื้นฐาน (จปฐ.)")), encoding="utf-8")
    return folder
