"""Turn a pasted, OCR'd or .docx official document into a content/van-ban/ entry.

It reads what the text says and never invents a value silently: what it had to guess (a type, a
trích yếu, a year) or could not find is a warning and is listed in the entry's `review:`, which
`portal check` shows until the editor has checked it. Issuers are matched within the document's
province in the site's registry and the national one; what no registry knows is proposed from the
header. It refuses to overwrite an existing file unless told to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..common.docnumbers import DocNumberError, parse_number, type_agrees
from ..common.messages import t
from ..common.vietnamese import shorten, slugify
from ..common.vocabulary import TYPE_NAMES
from ..content.entries import DocumentEntry
from ..content.frontmatter import Parsed
from ..content.models import Document
from ..content.national import adopted, adopted_provinces
from ..content.registries import REGISTRY_DIR, Registries, append_items
from ..content.schema import problems_from
from .agencies import AgencyMatcher
from .body import paragraphs, to_markdown
from .citations import find_citations
from .closing import read_closing
from .header import Header, read_header, resolve_type
from .legacy import to_unicode
from .shapes import PageFacts, break_lines, cut_chrome, unescape_breaks
from .source import prepare_lines, read_source
from .taskfinder import find_sentence_tasks, find_table_tasks, find_tasks


@dataclass
class Imported:
    front_matter: dict
    body: str
    filename: str
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # required fields it could not fill: nothing is written
    agencies: list[dict] = field(default_factory=list)  # to add to the site's registry: national ones it names, proposed ones
    provinces: list[dict] = field(default_factory=list)

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
                drop_items.add((parts[0], int(parts[1]) - 1))  # problems count list items from 1
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


FALLBACK_TYPE = "Công văn"  # a document whose type the text does not name: an administrative letter, to check
YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")


def import_text(text: str, registries: Registries, source: str = "văn bản", shipped: Registries | None = None) -> Imported:
    """An entry made of what the text says. Values it had to guess or could not find are listed in
    the entry's `review:` (portal check shows them until the editor removes them); agencies it
    found only in the national registry, or proposed from the header, are returned to be added to
    the site's registry. Only a text that is no official document at all raises NotADocument."""
    matcher = AgencyMatcher(registries, shipped)
    warnings: list[str] = []
    text, legacy = to_unicode(text)
    if legacy:
        names = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}
        warnings.append(t("import.legacy", lines=sum(legacy.values()), encodings=", ".join(names[k] for k in sorted(legacy))))
    kept, page = cut_chrome(break_lines(unescape_breaks(text)).split("\n"))
    if page.page:
        warnings.append(t("import.page_chrome", lines=page.cut))
    lines = prepare_lines("\n".join(kept))  # all of them: a long document's header is still its first lines
    head = read_header(lines, matcher, warnings, source, page)
    lines, end, signers, recipients = read_closing(lines, head.body_at, matcher, head.issuers, head.province)
    body = paragraphs(lines[head.body_at : end])
    if not signers:
        warnings.append(t("import.signers_missing"))
    if not recipients:
        warnings.append(t("import.recipients_missing"))
    number = head.number
    own = {i: matcher.agencies[i].name for i in head.issuers if i in matcher.agencies} | {p.id: p.item["name"] for p in head.proposed}
    cites = find_citations([head.summary, *body], number.text if number and number.number else None, matcher, head.province, warnings, own)
    for cited in cites:
        if cited.issuer_text and not cited.issuer:
            warnings.append(t("import.cite_issuer", issuer=cited.issuer_text, number=cited.number))
    tasks = find_tasks(body, matcher, head.province)
    tasks += find_table_tasks(body, matcher, head.province)
    tasks += find_sentence_tasks(body, matcher, head.province, {t.text for t in tasks}, warnings)
    filled = fill_gaps(head, body, text, warnings, page)
    fm, filename = front_matter(filled, matcher, signers, recipients, [c.as_front_matter() for c in cites], [x.as_front_matter() for x in tasks], warnings)
    fm, missing = validated(fm, warnings)
    if warnings and not missing:
        fm["review"] = list(dict.fromkeys(warnings))  # every doubt, until the editor has checked it against the original
    agencies, provinces = registry_additions(fm, head, registries, matcher)
    return Imported(fm, to_markdown(body), filename, warnings, missing, agencies, provinces)


def fill_gaps(head: Header, body: list[str], text: str, warnings: list[str], page: PageFacts | None = None) -> Header:
    """What every document needs and the text did not say plainly: from the web page's metadata
    table when it was copied with one, else the type (an administrative letter), the trích yếu
    (its first sentence), the year (from the number or the first date) — each said in the
    warnings, so that the entry lists it for review."""
    doc_type, summary, year, number, issued = head.doc_type, head.summary, head.year, head.number, head.issued
    facts = page.values if page else {}
    if number is None and (printed := facts.get("số hiệu") or facts.get("ký hiệu")):
        try:
            number = parse_number(printed)
            warnings.append(t("import.from_page", field="number", label="Số hiệu", value=printed))
        except DocNumberError:
            pass
    page_type = facts.get("loại văn bản")
    if page_type in TYPE_NAMES and (doc_type is None or (number is not None and not type_agrees(number, doc_type))):
        doc_type = page_type
        warnings.append(t("import.from_page", field="type", label="Loại văn bản", value=doc_type))
    if number is not None and doc_type and not type_agrees(number, doc_type):
        doc_type = resolve_type(doc_type, number, warnings)
    if issued is None and (dated := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", facts.get("ngày ban hành", ""))):
        try:
            issued = date(int(dated[3]), int(dated[2]), int(dated[1]))
            year = issued.year
            warnings.append(t("import.from_page", field="issued", label="Ngày ban hành", value=dated.group(0)))
        except ValueError:
            pass
    if doc_type is None:
        doc_type = FALLBACK_TYPE
        warnings.append(t("import.type_missing"))
    if not summary:
        first = next((p for p in body if len(p) > 20 and not p.startswith(("#", "|"))), "")
        summary = shorten(first.lstrip("-–+ "), 250) or f"{doc_type} (chưa rõ trích yếu)"
        warnings.append(t("import.summary_missing"))
    if year is None:
        found = YEAR.search(head.number.text) if head.number else None
        found = found or YEAR.search(text[:3000])
        if found:
            year = int(found.group(1))
            warnings.append(t("import.year_guessed", year=year))
        else:
            year = date.today().year
            warnings.append(t("import.year_unknown", year=year))
    return replace(head, doc_type=doc_type, summary=summary, year=year, number=number, issued=issued)


def registry_additions(fm: dict, head: Header, site: Registries, matcher: AgencyMatcher) -> tuple[list[dict], list[dict]]:
    """What the site's registry must gain for the entry to be valid: national agencies it names (with
    their parents, successors and provinces) and the agencies proposed from the header."""
    named = [*fm.get("issuers", []), *(s.get("agency") for s in fm.get("signers", [])), *(c.get("issuer") for c in fm.get("cites", [])),
             *(a for task in fm.get("tasks", []) for a in (*task.get("lead", []), *task.get("partners", [])))]  # fmt: skip
    agencies, provinces = adopted([a for a in named if a], site, matcher.shipped)
    for proposed in head.proposed:
        agencies.append(proposed.item)
        province = proposed.item.get("province")
        if province and province not in site.provinces and province not in {p["id"] for p in provinces}:
            provinces += adopted_provinces([province], site, matcher.shipped)
    return agencies, provinces


def front_matter(head: Header, matcher: AgencyMatcher, signers: list[dict], recipients: list[str], cites: list[dict], tasks: list[dict],
                 warnings: list[str]) -> tuple[dict, str]:  # fmt: skip
    """The entry's fields in the order editors read them, with its id and file name (from its number)."""
    number, year, doc_type = head.number, head.year, head.doc_type
    fm: dict = {}
    type_code = number.type_code or "" if number else ""
    issuer_codes = "-".join(number.issuer_codes) if number else ""
    provinces = [p for p in (_province(matcher, a, head) for a in head.issuers) if p]
    place_part = provinces[0] if provinces else ""
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
    return {k: v for k, v in fm.items() if v not in (None, [], "")}, filename


def _province(matcher: AgencyMatcher, agency_id: str, head: Header) -> str | None:
    if agency_id in matcher.agencies:
        return matcher.agencies[agency_id].province
    return next((p.item.get("province") for p in head.proposed if p.id == agency_id), None)


def import_file(source: Path, registries: Registries, out_dir: Path, force: bool = False) -> tuple[Imported, Path]:
    """Import ``source`` into ``out_dir`` (content/van-ban/): the entry, and what the site's registry
    (content/_registry/, beside it) must gain. FileExistsError rather than overwrite; NotADocument
    for a text that is no official document; IncompleteImport rather than write an entry `portal
    check` would reject."""
    imported = import_text(read_source(source), registries, source.name)
    if imported.missing:
        raise IncompleteImport(source, imported.missing)
    target = out_dir / imported.filename
    if target.exists() and not force:
        raise FileExistsError(target)
    out_dir.mkdir(parents=True, exist_ok=True)
    registry = out_dir.parent / REGISTRY_DIR
    note = t("import.registry_note", source=source.name)
    append_items(registry / "agencies.yml", [a for a in imported.agencies if a["id"] not in registries.agencies], note)
    append_items(registry / "provinces.yml", [p for p in imported.provinces if p["id"] not in registries.provinces], note)
    target.write_text(imported.markdown(), "utf-8")
    return imported, target
