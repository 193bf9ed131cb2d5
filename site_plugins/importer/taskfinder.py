"""Tasks a document assigns: who leads, with whom, by when, funded how.

Two shapes occur in the seeds. A plan lists numbered tasks under an agency ("1. Liên minh HTX
Việt Nam." then "1.1. Phối hợp với …", "Thời gian thực hiện: …", "Kinh phí thực hiện: …").
A guidance names an agency and its duties ("3. Sở Nông nghiệp …: Tổ chức tập huấn …", or the
agency on its own line followed by "- " duties). Only sections about tasks are read
("TỔ CHỨC THỰC HIỆN", "NHIỆM VỤ", "TRÁCH NHIỆM")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..common.messages import t
from ..common.vietnamese import name_key
from .agencies import AgencyMatcher

ROMAN = re.compile(r"^(?P<num>[IVX]+)\.\s+(?P<title>.+)$")
NUMBERED = re.compile(r"^(?P<label>\d+(?:\.\d+)*)\.\s+(?P<rest>.+)$")
TASK_SECTION = re.compile(r"TỔ CHỨC THỰC HIỆN|NHIỆM VỤ|TRÁCH NHIỆM", re.I)
ASSIGNEE_START = re.compile(
    r"^(?:Đề nghị |Đối với )?(?:các |hệ thống )?(Sở|Ban|Bộ|Liên minh|Hội|Đài|Báo|Ủy ban|UBND|Đảng đoàn|Trường|Trung tâm|"
    r"Văn phòng|huyện ủy|Huyện ủy|cơ quan|Cơ quan|ban|đơn vị|Thường trực|Mặt trận|Tỉnh ủy|Công an)\b",
    re.I,
)
DEADLINE = re.compile(r"^Thời gian[^:]{0,40}:\s*(?P<value>.+)$")
FUNDING = re.compile(r"^Kinh phí[^:]{0,60}:\s*(?P<value>.+)$")


@dataclass
class FoundTask:
    text: str
    lead_name: str
    lead: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    deadline: str | None = None
    funding: str | None = None

    def as_front_matter(self) -> dict:
        data = {
            "text": self.text,
            "lead": self.lead,
            "lead_name": self.lead_name,
            "partners": self.partners,
            "deadline": self.deadline,
            "funding": self.funding,
        }
        return {k: v for k, v in data.items() if v not in (None, [])}


def _assignee(rest: str) -> tuple[str, str] | None:
    """(agency words, duty text) if a numbered line names who is responsible."""
    head, colon, tail = rest.partition(":")
    if not colon:
        head, tail = rest.rstrip("."), ""
    if len(head.split()) > 18 or not ASSIGNEE_START.match(head.strip()):
        return None
    return re.sub(r"^(Đề nghị|Đối với)\s+", "", head.strip()).rstrip(" .;"), tail.strip()


PARTNER = re.compile(
    r"(?i:phối hợp với|cùng với)\s+(?P<who>.+?)(?=\s(?:xây dựng|tổ chức|triển khai|thực hiện|trong|để|về|phổ biến|"
    r"tuyên truyền|thông tin|đẩy mạnh|chỉ đạo|cung cấp|tham mưu|nắm)\b|[:.]|$)"
)


def _partner_clause(text: str) -> str:
    """The words naming partners: "Phối hợp với <Văn phòng Quốc hội, Văn phòng Chính phủ> xây dựng …"."""
    return " ; ".join(m["who"] for m in PARTNER.finditer(text))


def find_tasks(paragraphs: list[str], matcher: AgencyMatcher, province: str | None) -> list[FoundTask]:
    tasks: list[FoundTask] = []
    in_section = False
    assignee: tuple[int, str] | None = None  # (depth of its label, name)
    current: FoundTask | None = None

    def start(text: str, depth_name: tuple[int, str]) -> FoundTask:
        name = depth_name[1]
        lead = _named(name, matcher, province, r"[;,]")
        partners = [a for a in _named(_partner_clause(text), matcher, province) if a not in lead]
        task = FoundTask(text, name, lead, partners)
        tasks.append(task)
        return task

    for paragraph in paragraphs:
        if match := ROMAN.match(paragraph):
            in_section = bool(TASK_SECTION.search(match["title"]))
            assignee, current = None, None
            continue
        if not in_section:
            continue
        if current and (m := DEADLINE.match(paragraph)):
            current.deadline = m["value"]
            continue
        if current and (m := FUNDING.match(paragraph)):
            current.funding = m["value"]
            continue
        if match := NUMBERED.match(paragraph):
            depth = match["label"].count(".") + 1
            found = _assignee(match["rest"])
            if found:
                assignee, current = (depth, found[0]), None
                if found[1]:
                    current = start(found[1], assignee)
            elif assignee and depth > assignee[0]:
                current = start(match["rest"], assignee)
            else:
                assignee, current = None, None
            continue
        if assignee and paragraph.startswith(("-", "+", "–")):
            item = paragraph.lstrip("-+– ").strip()
            named = _assignee(item) if ":" in item else None
            if named and named[1]:  # "- Sở Kế hoạch và Đầu tư: Căn cứ …" names its own agency
                current = start(named[1], (assignee[0] + 1, named[0]))
            else:
                current = start(item, assignee)
    return tasks


_VERBS = (r"(?:làm đầu mối|tổ chức|xây dựng|triển khai|thực hiện|tuyên truyền|hướng dẫn|theo dõi|kiểm tra|báo cáo|rà soát|nghiên cứu|tham mưu|"
          r"đôn đốc|chỉ đạo|phổ biến|đánh giá|tổng hợp|biên soạn|cung cấp|hỗ trợ|phối hợp|bố trí|lồng ghép|quản lý|sơ kết|tổng kết)\b")  # fmt: skip
_LEAD = r"(?:^|\.\s+|^\d+(?:\.\d+)*\.\s+|^[-–+•]\s*)"
SENTENCES = [
    # "Giao Sở Nông nghiệp chủ trì, phối hợp với Liên minh HTX tỉnh tổ chức …"
    re.compile(rf"{_LEAD}Giao\s+(?P<lead>.+?)\s+chủ trì(?:,?\s*phối hợp(?:\s+với)?\s+(?P<partners>.+?))?[,\s]+(?P<text>{_VERBS}.*)$", re.I),
    # "Giao Văn phòng Quận ủy, Văn phòng HĐND&UBND quận tham mưu đôn đốc …"
    re.compile(rf"{_LEAD}(?i:giao)\s+(?P<lead>[A-ZĐ][^;:]+?)\s+(?P<text>{_VERBS}.*)$"),
    # "Liên minh HTX tỉnh chủ trì, phối hợp Sở Tài chính thực hiện …"
    re.compile(rf"{_LEAD}(?P<lead>[A-ZĐ][^,;:]+?)\s+chủ trì,?\s*phối hợp(?:\s+với)?\s+(?P<partners>.+?)[,\s]+(?P<text>{_VERBS}.*)$"),
    # "Ban Tuyên giáo Tỉnh ủy có trách nhiệm tuyên truyền …"
    re.compile(rf"{_LEAD}(?P<lead>[A-ZĐ][^,;:]+?)\s+(?:có trách nhiệm|chịu trách nhiệm)\s+(?P<text>.+)$"),
]
TABLE_HEADER = {"nội dung": "text", "chủ trì": "lead", "cơ quan chủ trì": "lead", "đơn vị chủ trì": "lead", "phối hợp": "partners",
                "cơ quan phối hợp": "partners", "đơn vị phối hợp": "partners", "thời gian": "deadline", "thời hạn": "deadline",
                "thời gian thực hiện": "deadline", "thời gian hoàn thành": "deadline", "kinh phí": "funding"}  # fmt: skip


def _named(text: str, matcher: AgencyMatcher, province: str | None, between: str = r"[;,]|\bvà\b") -> list[str]:
    """The registry agencies a text names, in order: the full names it mentions ("Bộ Giáo dục và
    Đào tạo" whole), and each part between separators that starts with a name ("Liên minh Hợp tác
    xã tỉnh" in a Lạng Sơn document)."""
    key = name_key(text)
    found = matcher.mentions(text, province)
    if whole := matcher.by_text(text, province):  # "Sở Nông nghiệp và Phát triển nông thôn": a "và" inside one name
        found.append((0, whole))
    at = 0
    for part in re.split(between, text):
        part_key = name_key(part)
        at = max(key.find(part_key, at), at) if part_key else at
        if named := matcher.by_text(part, province):
            found.append((at, named))
    return list(dict.fromkeys(agency_id for _, agency_id in sorted(found, key=lambda f: f[0])))


# a deadline written into a task: "… trong Quý I/2027", "trước ngày 30/6/2026", "hoàn thành trong tháng 9/2026"
DEADLINE_IN_TEXT = re.compile(
    r"\b(?:(?:hoàn thành\s+)?(?:trước|trong)\s+)?(?P<when>Quý\s+[IV]+(?:/|\s+năm\s+)\d{4}|ngày\s+\d{1,2}/\d{1,2}/\d{4}|tháng\s+\d{1,2}/\d{4})", re.I
)


def deadline_in(text: str) -> str | None:
    """The last deadline a task's text names, as printed ("Quý I/2027")."""
    found = list(DEADLINE_IN_TEXT.finditer(text))
    return found[-1]["when"] if found else None


def find_sentence_tasks(paragraphs: list[str], matcher: AgencyMatcher, province: str | None, known: set[str],
                        warnings: list[str] | None = None) -> list[FoundTask]:  # fmt: skip
    """Tasks written as sentences anywhere in the body, in their usual forms (``SENTENCES``), with
    their partners and deadline; paragraphs that already gave a task (``known`` texts) are
    skipped. A task whose lead no registry knows is kept under the printed name, with a warning."""
    tasks = []
    for paragraph in paragraphs:
        if any(text in paragraph for text in known):
            continue
        for pattern in SENTENCES:
            if match := pattern.search(paragraph):
                lead_name = match["lead"].strip(" ,")
                lead = _named(lead_name, matcher, province)
                if not lead and not re.match(
                    r"(?i)(giao\b|.*\b(sở|ban|phòng|văn phòng|ủy|hội|liên minh|trung tâm|đài|báo|mặt trận|đoàn)\b)", f"{match.group(0)[:6]} {lead_name}"
                ):
                    continue  # "Giao" with no agency in the words: not a task
                text = match["text"].strip().rstrip(".;")
                text = text[:1].upper() + text[1:]
                partners = [a for a in _named(match.groupdict().get("partners") or "", matcher, province) if a not in lead]
                if not lead and warnings is not None:
                    warnings.append(t("import.task_lead_unknown", name=lead_name))
                tasks.append(FoundTask(text, lead_name, lead, partners, deadline_in(text)))
                break
    return tasks


def find_table_tasks(paragraphs: list[str], matcher: AgencyMatcher, province: str | None) -> list[FoundTask]:
    """Rows of a task table ("STT | Nội dung | Chủ trì | Phối hợp | Thời gian"), as a .docx table
    or a pasted table with "|" between cells."""
    tasks: list[FoundTask] = []
    columns: dict[int, str] | None = None
    for paragraph in paragraphs:
        if "|" not in paragraph:
            columns = None
            continue
        cells = [c.strip() for c in paragraph.strip().strip("|").split("|")]
        named = {i: TABLE_HEADER.get(c.lower().rstrip(":")) for i, c in enumerate(cells)}
        if "text" in named.values() and "lead" in named.values():
            columns = {i: v for i, v in named.items() if v}
            continue
        if columns is None or set(cells) <= {"", "-", "---"}:
            continue
        row = {field: cells[i] for i, field in columns.items() if i < len(cells) and cells[i]}
        if not row.get("text") or not row.get("lead"):
            continue
        lead = _named(row["lead"], matcher, province)
        partners = [a for a in _named(row.get("partners", ""), matcher, province) if a not in lead]
        tasks.append(FoundTask(row["text"], row["lead"], lead, partners, row.get("deadline"), row.get("funding")))
    return tasks
