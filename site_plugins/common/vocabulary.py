"""The words of official documents, said once: types (with their number codes and the heading
words printed on them), statuses, relations between documents, signing capacities.

The content schema, the number parser, the importer, the citation finder, the auto-links and
the templates all read these tables, so a type the importer can recognise is always a type
the schema accepts."""

from __future__ import annotations

from dataclasses import dataclass

# Search filters: name → what the search page calls it (the order of its filter menus)
SEARCH_FILTERS = {"loai": "Loại nội dung", "chuyen-muc": "Chuyên mục", "co-quan": "Cơ quan", "dia-phuong": "Địa phương",
                  "loai-van-ban": "Loại văn bản", "nam": "Năm", "hieu-luc": "Tình trạng"}  # fmt: skip


@dataclass(frozen=True)
class DocumentType:
    name: str  # as editors write it in `type:` and readers see it: "Kế hoạch"
    codes: tuple[str, ...] = ()  # type codes in numbers: 145/KH-LMHTXVN, 13-HD/BTGTU
    headings: tuple[str, ...] = ()  # other heading words that mean this type ("CHƯƠNG TRÌNH HÀNH ĐỘNG")


# Type codes from Nghị định 30/2020/NĐ-CP (Phụ lục III), Hướng dẫn 36-HD/VPTW (Party) and the
# legal-normative documents, in the order the registry's filters show them.
DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType("Nghị quyết", ("NQ",)),
    DocumentType("Kết luận", ("KL",)),
    DocumentType("Chỉ thị", ("CT",)),
    DocumentType("Quyết định", ("QĐ",)),
    DocumentType("Quy định", ("QĐ", "QYĐ")),
    DocumentType("Quy chế", ("QC",)),
    DocumentType("Quy chế phối hợp", ("QCPH",)),
    DocumentType("Hướng dẫn", ("HD", "HDLN")),  # HDLN: a joint guidance of several departments
    DocumentType("Kế hoạch", ("KH",)),
    DocumentType("Chương trình", ("CTr",), ("Chương trình hành động", "Chương trình công tác")),
    DocumentType("Chương trình phối hợp", ("CTPH",)),
    DocumentType("Công văn", ("CV",)),  # State công văn carry no code (27/UBND-KT); some write CV
    DocumentType("Báo cáo", ("BC",)),
    DocumentType("Thông báo", ("TB",)),
    DocumentType("Luật"),  # no code: 23/2012/QH13 is a law of the 13th National Assembly
    DocumentType("Nghị định", ("NĐ",)),
    DocumentType("Thông tư", ("TT",)),
    DocumentType("Đề án", ("ĐA",)),
    DocumentType("Tờ trình", ("TTr",)),
    DocumentType("Công điện", ("CĐ",)),
    DocumentType("Nghị quyết liên tịch", ("NQLT",)),
    DocumentType("Thông tư liên tịch", ("TTLT",)),
    DocumentType("Thông tri", ("TT",)),
    DocumentType("Phương án", ("PA",)),
    DocumentType("Dự án", ("DA",)),
    DocumentType("Thông cáo", ("TC",)),
    DocumentType("Biên bản", ("BB",)),
    DocumentType("Hợp đồng", ("HĐ",)),
    DocumentType("Bản ghi nhớ", ("BGN",)),
    DocumentType("Giấy mời", ("GM",)),
)

TYPE_NAMES: tuple[str, ...] = tuple(t.name for t in DOCUMENT_TYPES)
BY_NAME = {t.name: t for t in DOCUMENT_TYPES}

# code → the types it can mean; "QĐ" is Quyết định or Quy định, "TT" Thông tư or Thông tri.
# The first listed is the usual meaning; a type word printed before the number decides.
TYPES_BY_CODE: dict[str, tuple[str, ...]] = {}
for _type in DOCUMENT_TYPES:
    for _code in _type.codes:
        TYPES_BY_CODE[_code] = (*TYPES_BY_CODE.get(_code, ()), _type.name)

# Words that start a mention of a document ("Kế hoạch số …", "Văn bản số …"): every type
# name and heading word, longest first so "Chương trình phối hợp" wins over "Chương trình".
HEADING_WORDS: dict[str, str] = {t.name: t.name for t in DOCUMENT_TYPES}
for _type in DOCUMENT_TYPES:
    HEADING_WORDS.update(dict.fromkeys(_type.headings, _type.name))
MENTION_WORDS: tuple[str, ...] = tuple(sorted({*HEADING_WORDS, "Văn bản"}, key=len, reverse=True))
GENERIC_WORDS = {"Văn bản", "Công văn"}  # say nothing about the type: the number's code decides

# Legal status, as Vietnam's national legal-document database (vbpl.vn) names it. "het-hieu-luc"
# is "Hết hiệu lực toàn bộ". A document's status is worked out from its dates and relations
# (legal.py) unless the editor writes `status:`.
STATUSES = {
    "con-hieu-luc": "Còn hiệu lực",
    "het-hieu-luc-mot-phan": "Hết hiệu lực một phần",
    "het-hieu-luc": "Hết hiệu lực toàn bộ",
    "chua-co-hieu-luc": "Chưa có hiệu lực",
    "ngung-hieu-luc": "Ngưng hiệu lực",
    "ngung-hieu-luc-mot-phan": "Ngưng hiệu lực một phần",
    "du-thao": "Dự thảo",
}
SCOPES = {"toan-bo": "toàn bộ", "mot-phan": "một phần"}


@dataclass(frozen=True)
class Relation:
    """How a citing document A relates to the document B it cites, in both directions."""

    key: str  # as editors write it in `cites: [{relation: …}]`
    label: str  # A's view, short: "Căn cứ", "Thay thế"
    cited_group: str  # the group on A's page listing the B's: "Văn bản bị thay thế"
    citing_group: str  # the group on B's page listing the A's: "Văn bản thay thế"
    passive: str  # B's history: "Bị thay thế bởi"
    rank: int  # when one text gives a document several relations, the strongest is kept
    effect: str = ""  # what it does to B's status: "ends", "suspends", "amends" (ends a part)
    scope: str = "toan-bo"  # its default scope when it has an effect


# The relation vocabulary of vbpl.vn's "Lược đồ", plus the Party's "thực hiện/triển khai" and the
# mentions the importer finds in running text ("liên quan").
RELATION_TYPES: tuple[Relation, ...] = (
    Relation("can-cu", "Căn cứ", "Văn bản căn cứ", "Văn bản lấy văn bản này làm căn cứ", "Được làm căn cứ cho", 3),
    Relation("huong-dan", "Quy định chi tiết, hướng dẫn thi hành", "Văn bản được quy định chi tiết, hướng dẫn thi hành",
             "Văn bản quy định chi tiết, hướng dẫn thi hành", "Được quy định chi tiết, hướng dẫn thi hành bởi", 4),
    Relation("huong-dan-ap-dung", "Hướng dẫn áp dụng", "Văn bản được hướng dẫn áp dụng", "Văn bản hướng dẫn áp dụng",
             "Được hướng dẫn áp dụng bởi", 4),
    Relation("sua-doi", "Sửa đổi, bổ sung", "Văn bản bị sửa đổi, bổ sung", "Văn bản sửa đổi, bổ sung", "Bị sửa đổi, bổ sung bởi", 5,
             "amends", "mot-phan"),
    Relation("thay-the", "Thay thế", "Văn bản bị thay thế", "Văn bản thay thế", "Bị thay thế bởi", 5, "ends"),
    Relation("bai-bo", "Bãi bỏ", "Văn bản bị bãi bỏ", "Văn bản bãi bỏ", "Bị bãi bỏ bởi", 5, "ends"),
    Relation("dinh-chinh", "Đính chính", "Văn bản được đính chính", "Văn bản đính chính", "Được đính chính bởi", 4),
    Relation("hop-nhat", "Hợp nhất", "Văn bản được hợp nhất", "Văn bản hợp nhất", "Được hợp nhất bởi", 4),
    Relation("dan-chieu", "Dẫn chiếu", "Văn bản được dẫn chiếu", "Văn bản dẫn chiếu", "Được dẫn chiếu bởi", 2),
    Relation("giai-thich", "Giải thích", "Văn bản được giải thích", "Văn bản giải thích", "Được giải thích bởi", 4),
    Relation("dinh-chi", "Đình chỉ thi hành", "Văn bản bị đình chỉ thi hành", "Văn bản đình chỉ thi hành", "Bị đình chỉ thi hành bởi", 5,
             "suspends"),
    Relation("tam-ngung", "Tạm ngưng hiệu lực", "Văn bản bị tạm ngưng hiệu lực", "Văn bản tạm ngưng hiệu lực",
             "Bị tạm ngưng hiệu lực bởi", 5, "suspends"),
    Relation("cong-bo", "Công bố", "Văn bản được công bố", "Văn bản công bố", "Được công bố bởi", 4),
    Relation("thuc-hien", "Thực hiện, triển khai", "Văn bản được thực hiện, triển khai", "Văn bản thực hiện, triển khai",
             "Được thực hiện, triển khai bởi", 4),
    Relation("lien-quan", "Liên quan", "Văn bản liên quan", "Văn bản nhắc đến văn bản này", "Được nhắc đến trong", 1),
)  # fmt: skip
RELATION_BY_KEY = {r.key: r for r in RELATION_TYPES}
RELATIONS = {r.key: r.label for r in RELATION_TYPES}
RELATION_RANK = {r.key: r.rank for r in RELATION_TYPES}

# Signing capacity: thay mặt, ký thay, quyền, thừa lệnh, thừa ủy quyền, phụ trách.
CAPACITIES = ("TM.", "KT.", "Q.", "TL.", "TUQ.", "PT.")

# Events (content/su-kien/): what kind of event, as editors write it in `kind:` and readers see it
# (also the calendars of each kind: su-kien/loai/<slug>/), and the status of an event as schema.org
# and iCalendar say it. "hoan" with `new_start:` is an event moved to a new date; without, an event
# put off with no new date yet.
EVENT_KINDS = ("hội nghị", "tập huấn", "hội thảo", "xúc tiến thương mại", "cuộc thi", "giao ban", "khác")
EVENT_STATUSES = {"theo-lich": "Theo lịch", "hoan": "Hoãn", "huy": "Đã hủy"}
