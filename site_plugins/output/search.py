"""The site's search index: one Pagefind record per entry, agency and province, made from the
catalog (never from page chrome: header, menus, related lists and breadcrumbs are not indexed).

Pagefind folds combining accents ("hop tac xa" finds "Hợp tác xã") but not đ/Đ, which has no
Unicode decomposition. The text is therefore indexed with đ written as d + U+0335 (a combining
stroke): Pagefind folds the stroke away, so "dak lak" finds "Đắk Lắk", while a query typed with
đ (encoded the same way by the search page's script) still matches the exact spelling, which the
script ranks first. The script turns d + U+0335 back into đ before showing any text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..bodies.fragments import plain_text
from ..catalog.catalog import Catalog
from ..common import urls
from ..common.vietnamese import short_date, shorten
from ..content.entries import ENTRY_TYPES, AnyEntry, ArticleEntry, CooperativeEntry, DocumentEntry, EventEntry

STROKE = "\u0335"
LANGUAGE = "vi"
KINDS = {**{kind: entry_type.label for kind, entry_type in ENTRY_TYPES.items()}, "agency": "Cơ quan", "province": "Địa phương"}
SECTIONS = {kind: segment.strip("/") for segment, kind in urls.SECTIONS.items()}  # "article" → "tin-tuc": the index of each kind


def encode(text: str) -> str:
    """The indexed spelling: đ/Đ as d/D with a combining stroke, which Pagefind's folding removes."""
    return text.replace("đ", "d" + STROKE).replace("Đ", "D" + STROKE)


@dataclass
class Record:
    url: str  # relative to the site root, with a leading "/" (Pagefind's form)
    content: str  # plain text, encoded
    meta: dict[str, str]
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)
    section: str = ""  # the index it is written in (searchbundle.py): its section's URL segment; "" agencies and provinces
    period: tuple[int, int] | None = None  # and its (year, month), for a section split by date (articles)


def _join(*parts: str | None) -> str:
    """Texts one after the other, each ended by a full stop (never two)."""
    return " ".join(p if p.rstrip()[-1:] in ".!?…:;" else f"{p}." for p in (x.strip() for x in parts if x) if p)


WORD = re.compile(r"\w+(?:[/.-]\w+)*")


def distinct_words(text: str) -> str:
    """Each word of a body once, in order of first use. What a page is found by stays the same, while
    the index no longer stores every place a common word occurs: "hợp tác xã" is on nearly every page
    of this portal, many times, and the index chunk of such a word is what a first query downloads."""
    seen: set[str] = set()
    kept = []
    for word in WORD.findall(text):
        if (key := word.lower()) not in seen:
            seen.add(key)
            kept.append(word)
    return " ".join(kept)


def _record(entry: AnyEntry, content: str, body_text: str, filters: dict[str, list[str]], period: tuple[int, int] | None = None, **meta: str) -> Record:
    """The fields readers see first, then the body's distinct words; the result shows the summary.
    It is indexed with the other records of its kind (and ``period``, for a kind split by month)."""
    filters = {"loai": [KINDS[entry.kind]], **{k: v for k, v in filters.items() if v}}
    date = entry.published
    return Record(
        "/" + entry.url,
        encode(_join(content, distinct_words(body_text))),
        {"title": encode(entry.headline), "kind": KINDS[entry.kind],
         "date": short_date(date), "summary": encode(shorten(entry.summary, 300)), **{k: encode(v) for k, v in meta.items() if v}},
        filters,
        {"date": date.strftime("%Y-%m-%dT%H:%M")},
        SECTIONS[entry.kind],
        period,
    )  # fmt: skip


def entry_record(entry: AnyEntry, catalog: Catalog, body_text: str) -> Record:
    if isinstance(entry, ArticleEntry):
        return _article(entry, catalog, body_text)
    if isinstance(entry, CooperativeEntry):
        return _cooperative(entry, catalog, body_text)
    if isinstance(entry, EventEntry):
        return _event(entry, catalog, body_text)
    return _document(entry, catalog, body_text)


def _names(catalog: Catalog, table: str, ids: list[str]) -> list[str]:
    return [getattr(catalog.registries, table)[i].name for i in ids]


def _article(entry: ArticleEntry, catalog: Catalog, body_text: str) -> Record:
    a = entry.data
    column = catalog.registries.columns[a.column].title
    filters = {"chuyen-muc": [column], "co-quan": _names(catalog, "agencies", [a.agency]), "dia-phuong": _names(catalog, "provinces", a.provinces),
               "nam": [str(a.date.year)]}  # fmt: skip
    return _record(entry, _join(a.title, a.summary), body_text, filters, (a.date.year, a.date.month), section=column)


def _cooperative(entry: CooperativeEntry, catalog: Catalog, body_text: str) -> Record:
    """Found by its name, place, sectors, products, OCOP stars and value chains."""
    c, reg = entry.data, catalog.registries
    place = ", ".join(x for x in (c.commune, c.district, reg.provinces[c.province].name) if x)
    sectors = ", ".join(reg.sectors[s].title for s in c.sectors)
    ocop = ", ".join(f"{o.product} (OCOP {o.stars} sao {o.year})" for o in c.ocop)
    content = _join(c.name, place, sectors, ", ".join(c.products), ocop, ", ".join(c.value_chains), c.summary)
    filters = {"dia-phuong": _names(catalog, "provinces", [c.province]), "co-quan": _names(catalog, "agencies", entry.agencies())}
    return _record(entry, content, body_text, filters, section=place)


def _document(entry: DocumentEntry, catalog: Catalog, body_text: str) -> Record:
    """Found by its number (also spelt loosely), type, summary, issuers, place and signers."""
    d = entry.data
    issuers = _names(catalog, "agencies", d.issuers)
    signers = "; ".join(f"{s.name}, {' '.join(x for x in (s.capacity, s.position) if x)}" for s in d.signers)
    # the number first and in its loose spellings too ("145 KH LMHTXVN"), so that a typed number finds it
    number = f"{d.number} {re.sub(r'[/-]', ' ', d.number)}" if d.number else ""
    content = _join(number, d.type, d.summary, ", ".join(issuers), d.place, signers)
    filters = {"co-quan": issuers, "dia-phuong": _names(catalog, "provinces", d.provinces), "loai-van-ban": [d.type], "nam": [str(d.issued_year)],
               "hieu-luc": [catalog.legal[entry.id].label]}  # fmt: skip
    return _record(entry, content, body_text, filters, section=", ".join(issuers), number=d.number or "")


def _event(entry: EventEntry, catalog: Catalog, body_text: str) -> Record:
    """Found by its title, kind, place and organisers; filtered by the year it takes place in."""
    e, reg = entry.data, catalog.registries
    place = ", ".join(x for x in (e.place, e.commune, reg.provinces[e.province].name if e.province else None) if x)
    organisers = _names(catalog, "agencies", e.organisers)
    content = _join(e.title, e.kind, e.summary, place, ", ".join(organisers))
    filters = {"co-quan": organisers, "dia-phuong": _names(catalog, "provinces", entry.provinces(reg)), "nam": [str(e.begins.year)]}
    return _record(entry, content, body_text, filters, section=f"{e.kind.capitalize()} · {short_date(e.begins)}")


def registry_records(catalog: Catalog) -> Iterable[Record]:
    """Agencies and provinces: found by name, code and other spellings."""
    for agency in catalog.registries.agencies.values():
        names = [agency.name, agency.short_name, agency.code, *agency.aliases]
        yield Record("/" + urls.agency(agency.id), encode(_join(*names)), {"title": encode(agency.name), "kind": KINDS["agency"]}, {"loai": [KINDS["agency"]]})
    for province in catalog.registries.provinces.values():
        content = _join(province.name, province.region)
        yield Record("/" + urls.province(province.id), encode(content), {"title": encode(province.name), "kind": KINDS["province"]},
                     {"loai": [KINDS["province"]]})  # fmt: skip


def records(catalog: Catalog, body_html: Callable[[AnyEntry], str]) -> list[Record]:
    found = [entry_record(entry, catalog, plain_text(body_html(entry))) for entry in catalog.entries]
    return found + list(registry_records(catalog))


def record_html(record: Record) -> str:
    """A record as the minimal HTML document Pagefind's indexer reads: the text in the body,
    meta, filters and sort keys outside it (Pagefind collects those from the whole page)."""
    e = html.escape
    tags = [f'<span data-pagefind-meta="{e(k)}">{e(v)}</span>' for k, v in record.meta.items()]
    tags += [f'<span data-pagefind-filter="{e(k)}">{e(v)}</span>' for k, values in record.filters.items() for v in values]
    tags += [f'<span data-pagefind-sort="{e(k)}">{e(v)}</span>' for k, v in record.sort.items()]
    head = f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"></head>'
    return f"{head}<body>{''.join(tags)}<p data-pagefind-body>{e(record.content)}</p></body></html>"
