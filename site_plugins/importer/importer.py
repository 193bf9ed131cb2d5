"""Turn a pasted, OCR'd or .docx official document into a content/van-ban/ entry.

It reads what the text says and never invents a value: what it cannot find stays empty and
becomes a warning for the editor. It refuses to overwrite an existing file unless told to."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..common.messages import t
from ..common.vietnamese import slugify
from ..content.entries import DocumentEntry
from ..content.frontmatter import Parsed
from ..content.models import Document
from ..content.registries import Registries
from ..content.schema import problems_from
from .agencies import AgencyMatcher
from .body import paragraphs, to_markdown
from .citations import find_citations
from .closing import read_closing
from .header import Header, read_header
from .legacy import to_unicode
from .source import prepare_lines, read_source
from .taskfinder import find_sentence_tasks, find_table_tasks, find_tasks


@dataclass
class Imported:
    front_matter: dict
    body: str
    filename: str
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # required fields it could not fill: nothing is written

    def markdown(self) -> str:
        meta = yaml.safe_dump(self.front_matter, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
        return f"---\n{meta}---\n\n{self.body}"


class IncompleteImport(ValueError):
    """The text lacks what every document needs; writing it would break `portal check`."""

    def __init__(self, source: Path, missing: list[str]):
        super().__init__("; ".join(missing))
        self.source, self.missing = source, missing


# Fields every document needs: without them the importer writes nothing.
REQUIRED = ("id", "type", "issuers", "summary")
_LISTS = ("signers", "recipients", "cites", "tasks")


def validated(front_matter: dict, warnings: list[str]) -> tuple[dict, list[str]]:
    """Check the front matter with the schema `portal check` uses. An invalid optional value
    (a whole citation, task or signer when one of its fields is wrong) is left out with a
    warning; what stays is valid. Returns it and the required fields still wrong or missing."""
    fm = dict(front_matter)
    for _ in range(100):
        try:
            Document.model_validate(fm)
            return fm, []
        except ValidationError as exc:
            problems = problems_from(exc, Document, Parsed(fm), "")
        fatal, drop_items, drop_fields = [], set(), set()
        for problem in problems:
            parts = problem.field.split(".")
            text = f"{problem.field}: {problem.message}" + (f" — {problem.fix}" if problem.fix else "")
            if parts[0] in _LISTS and len(parts) > 1 and parts[1].isdigit():
                drop_items.add((parts[0], int(parts[1])))
                warnings.append(t("import.left_out", text=text))
            elif parts[0] in fm and parts[0] not in REQUIRED:
                drop_fields.add(parts[0])
                warnings.append(t("import.left_out", text=text))
            else:
                fatal.append(text)
        if fatal:
            return fm, fatal
        for name in drop_fields:
            del fm[name]
        for name, index in sorted(drop_items, reverse=True):
            fm[name] = [x for i, x in enumerate(fm[name]) if i != index]
        fm = {k: v for k, v in fm.items() if v not in (None, [], "")}
    raise RuntimeError("the importer's front matter did not settle")  # each round removes something: unreachable


def import_text(text: str, registries: Registries) -> Imported:
    matcher = AgencyMatcher(registries)
    warnings: list[str] = []
    text, legacy = to_unicode(text)
    if legacy:
        names = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}
        warnings.append(t("import.legacy", lines=sum(legacy.values()), encodings=", ".join(names[k] for k in sorted(legacy))))
    lines = prepare_lines(text)  # all of them: a long document's header is still its first lines
    head = read_header(lines, matcher, registries, warnings)
    lines, end, signers, recipients = read_closing(lines, head.body_at, matcher, head.issuers, head.province)
    body = paragraphs(lines[head.body_at : end])
    if not signers:
        warnings.append(t("import.signers_missing"))
    if not recipients:
        warnings.append(t("import.recipients_missing"))
    number = head.number
    cites = find_citations([head.summary, *body], number.text if number and number.number else None, matcher, head.province, warnings)
    for cited in cites:
        if cited.issuer_text and not cited.issuer:
            warnings.append(t("import.cite_issuer", issuer=cited.issuer_text, number=cited.number))
    tasks = find_tasks(body, matcher, head.province)
    tasks += find_table_tasks(body, matcher, head.province)
    tasks += find_sentence_tasks(body, matcher, head.province, {t.text for t in tasks})
    fm, filename = front_matter(head, registries, signers, recipients, [c.as_front_matter() for c in cites], [x.as_front_matter() for x in tasks], warnings)
    fm, missing = validated(fm, warnings)
    return Imported(fm, to_markdown(body), filename, warnings, missing)


def front_matter(head: Header, registries: Registries, signers: list[dict], recipients: list[str], cites: list[dict], tasks: list[dict],
                 warnings: list[str]) -> tuple[dict, str]:  # fmt: skip
    """The entry's fields in the order editors read them, with its id and file name (from its number)."""
    number, year, doc_type = head.number, head.year, head.doc_type
    fm: dict = {}
    type_code = number.type_code or "" if number else ""
    issuer_codes = "-".join(number.issuer_codes) if number else ""
    local = [registries.agencies[a].province for a in head.issuers if registries.agencies[a].province]
    place_part = local[0] if local else ""
    if number and number.number:
        fm["id"] = DocumentEntry.id_for_number(type_code, number.number, issuer_codes, place_part, year)
        filename = f"{slugify(number.text)}-{year}.md" if year and str(year) not in number.text else f"{slugify(number.text)}.md"
    else:
        fm["id"] = DocumentEntry.id_for_number(type_code or doc_type or "van-ban", None, issuer_codes, place_part, year)
        filename = slugify(f"{doc_type or 'van-ban'} {issuer_codes} {place_part} {year or ''}") + ".md"
    fm["type"] = doc_type
    if number and number.number:
        fm["number"] = number.text
    fm["issuers"] = head.issuers
    fm["place"] = head.place
    if head.issued:
        fm["issued"] = head.issued.isoformat()
    else:
        fm["year"] = year
    if number is not None and not number.number:
        fm["status"] = "du-thao"
        warnings.append(t("import.draft_status"))
    fm["summary"] = head.summary or None
    fm["signers"] = signers
    fm["recipients"] = recipients
    fm["cites"] = cites
    fm["tasks"] = tasks
    if doc_type is None:
        warnings.append(t("import.type_missing"))
    if not head.summary:
        warnings.append(t("import.summary_missing"))
    return {k: v for k, v in fm.items() if v not in (None, [], "")}, filename


def import_file(source: Path, registries: Registries, out_dir: Path, force: bool = False) -> tuple[Imported, Path]:
    """Import ``source`` into ``out_dir``; raise FileExistsError rather than overwrite, and
    IncompleteImport rather than write an entry `portal check` would reject."""
    imported = import_text(read_source(source), registries)
    if imported.missing:
        raise IncompleteImport(source, imported.missing)
    target = out_dir / imported.filename
    if target.exists() and not force:
        raise FileExistsError(target)
    out_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(imported.markdown(), "utf-8")
    return imported, target
