"""The words of official documents, said once: types (with their number codes and the heading
words printed on them), statuses, relations between documents, signing capacities.

The content schema, the number parser, the importer, the citation finder, the auto-links and
the templates all read these tables, so a type the importer can recognise is always a type
the schema accepts."""

from __future__ import annotations

from dataclasses import dataclass


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
    DocumentType("Hướng dẫn", ("HD",)),
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

STATUSES = {"con-hieu-luc": "Còn hiệu lực", "het-hieu-luc": "Hết hiệu lực", "bi-thay-the": "Bị thay thế", "du-thao": "Dự thảo"}

# How a citing document relates to the one it cites (its own view) and the reverse (the cited
# document's view, on its page).
RELATIONS = {"can-cu": "Căn cứ", "thuc-hien": "Thực hiện", "thay-the": "Thay thế", "sua-doi": "Sửa đổi, bổ sung", "bai-bo": "Bãi bỏ", "lien-quan": "Liên quan"}
REVERSE_RELATIONS = {
    "can-cu": "Căn cứ văn bản này",
    "thuc-hien": "Thực hiện văn bản này",
    "thay-the": "Thay thế văn bản này",
    "sua-doi": "Sửa đổi, bổ sung văn bản này",
    "bai-bo": "Bãi bỏ văn bản này",
    "lien-quan": "Nhắc đến văn bản này",
}
# When one text gives a document several relations, the strongest is kept.
RELATION_RANK = {"thay-the": 5, "sua-doi": 5, "bai-bo": 5, "thuc-hien": 4, "can-cu": 3, "lien-quan": 1}

# Signing capacity: thay mặt, ký thay, quyền, thừa lệnh, thừa ủy quyền, phụ trách.
CAPACITIES = ("TM.", "KT.", "Q.", "TL.", "TUQ.", "PT.")
