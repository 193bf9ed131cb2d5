"""The declarations of every list of the site, group by group, in the order the /feeds/ page,
feeds.opml and the sitemap show them (listings.py keeps them). Each function yields the lists of
one group from the catalog; a group of one kind of registry item has a list per item, also while
it is empty (a reader can follow an agency before its first entry)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..catalog.catalog import Catalog
from ..catalog.notices import Notice, from_event, from_task
from ..common import urls
from ..common.vietnamese import month_name, short_date, sort_key
from ..common.vocabulary import EVENT_KINDS, STATUSES
from ..content.entries import AnyEntry, CooperativeEntry, EventEntry, newest_first
from .listing import Listing


def declarations(c: Catalog, site: str) -> Iterator[Listing]:
    yield from site_and_types(c, site)
    yield from event_kinds(c, site)
    yield from columns_and_campaigns(c, site)
    yield from agencies(c)
    yield from places_and_terms(c, site)
    yield from document_groups(c, site)
    yield from registry_follow(c, site)
    yield from months(c, site)


def site_and_types(c: Catalog, site: str) -> Iterator[Listing]:
    """The whole site, each kind of content, each document type."""
    yield Listing(
        key="site",
        kind="site",
        subject=None,
        group="site",
        url=urls.HOME,
        title="Trang chủ",
        feed_title=f"{site} — Tin mới",
        feed_description="Tin bài, văn bản và hợp tác xã mới nhất",
        entries=c.entries,
        layout="",
    )
    yield Listing(
        key="type:article",
        kind="news",
        subject=None,
        group="type",
        url=urls.NEWS,
        title="Tin tức",
        feed_title=f"Tin tức — {site}",
        feed_description="Tất cả tin bài",
        entries=list(c.articles),
        description="Tất cả tin bài, mới nhất trước",
    )
    yield Listing(
        key="type:document",
        kind="documents",
        subject=None,
        group="type",
        url=urls.DOCUMENTS,
        title="Văn bản",
        feed_title=f"Văn bản — {site}",
        feed_description="Tất cả văn bản",
        entries=list(c.documents),
        layout="table",
        description="Văn bản về kinh tế tập thể, hợp tác xã: nghị quyết, kết luận, hướng dẫn, kế hoạch…",
    )
    yield Listing(
        key="type:cooperative",
        kind="cooperatives",
        subject=None,
        group="type",
        url=urls.COOPERATIVES,
        title="Hợp tác xã điển hình",
        feed_title=f"Hợp tác xã điển hình — {site}",
        feed_description="Hồ sơ hợp tác xã điển hình",
        entries=list(c.cooperatives),
        layout="table",
        description="Danh bạ hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác điển hình",
        shown=by_name(c.cooperatives),
    )
    yield Listing(
        key="type:event",
        kind="events",
        subject=None,
        group="type",
        url=urls.EVENTS,
        title="Sự kiện",
        feed_title=f"Sự kiện — {site}",
        feed_description="Hội nghị, tập huấn, hội thảo, xúc tiến thương mại và các sự kiện khác, mới đăng trước",
        entries=list(c.events),
        layout="events",
        description="Hội nghị, tập huấn, hội thảo, hội chợ về kinh tế tập thể, hợp tác xã: sắp diễn ra trước, rồi đã diễn ra",
        events=list(c.events),
        calendar_title=f"Lịch sự kiện — {site}",
    )
    documents_of_type: dict[str, list[AnyEntry]] = defaultdict(list)
    for document in c.documents:
        documents_of_type[document.data.type].append(document)
    for type_name in sorted(documents_of_type):
        yield Listing(
            key=f"doctype:{urls.slugify(type_name)}",
            kind="doctype",
            subject=type_name,
            group="type",
            url=urls.document_type(type_name),
            title=type_name,
            feed_title=f"Văn bản: {type_name} — {site}",
            feed_description=f"{type_name} mới ban hành",
            entries=documents_of_type[type_name],
            layout="table",
            description=f"{type_name} về kinh tế tập thể, hợp tác xã",
        )


def event_kinds(c: Catalog, site: str) -> Iterator[Listing]:
    """The events of each kind (every kind, also before its first event: a calendar is followed ahead)."""
    for kind in EVENT_KINDS:
        members = [e for e in c.events if e.data.kind == kind]
        name = kind.capitalize()
        yield Listing(
            key=f"event-kind:{urls.slugify(kind)}",
            kind="event-kind",
            subject=kind,
            group="event",
            url=urls.event_kind(kind),
            title=f"Sự kiện: {kind}",
            feed_title=f"Sự kiện: {kind} — {site}",
            feed_description=f"{name} về kinh tế tập thể, hợp tác xã",
            entries=list(members),
            layout="events",
            description=f"{name} về kinh tế tập thể, hợp tác xã: sắp diễn ra trước, rồi đã diễn ra",
            events=list(members),
            calendar_title=f"Lịch sự kiện: {kind} — {site}",
        )


def events_of(entries: list[AnyEntry]) -> list[EventEntry]:
    return [e for e in entries if isinstance(e, EventEntry)]


def not_events(entries: list[AnyEntry]) -> list[AnyEntry]:
    """What a page lists as cards: its events have a section and a calendar of their own."""
    return [e for e in entries if not isinstance(e, EventEntry)]


def columns_and_campaigns(c: Catalog, site: str) -> Iterator[Listing]:
    """Each column (with its sub-columns' articles) and each campaign."""
    reg = c.registries
    for column in reg.columns.values():
        yield Listing(
            key=f"column:{column.id}",
            kind="column",
            subject=column.id,
            group="column",
            url=urls.column(column.id),
            title=column.title,
            feed_title=f"{column.title} — {site}",
            feed_description=column.description,
            entries=list(c.by_column.get(column.id, [])),
            description=column.description,
        )
    for campaign in reg.campaigns.values():
        entries = c.by_campaign.get(campaign.id, [])
        ended = campaign.end is not None and campaign.end < c.now.date()  # the page stays; it says so
        yield Listing(
            key=f"campaign:{campaign.id}",
            kind="campaign",
            subject=campaign.id,
            group="campaign",
            url=urls.campaign(campaign.id),
            title=campaign.title,
            feed_title=f"Chuyên đề: {campaign.title}",
            feed_description=campaign.description,
            entries=list(entries),
            description=f"{campaign.description.rstrip('.')}. Chuyên đề đã kết thúc ngày {short_date(campaign.end)}."
            if ended and campaign.end
            else campaign.description,
            shown=not_events(entries),
            events=events_of(entries),
            calendar_title=f"Lịch sự kiện — Chuyên đề: {campaign.title}",
        )


def agencies(c: Catalog) -> Iterator[Listing]:
    """Each agency's own items, and (when it has child agencies) a feed of theirs too."""
    reg = c.registries
    for agency in reg.agencies.values():
        own = c.by_agency.get(agency.id, [])
        yield Listing(
            key=f"agency:{agency.id}",
            kind="agency",
            subject=agency.id,
            group="agency",
            url=urls.agency(agency.id),
            title=agency.name,
            feed_title=f"{agency.name} — Tin bài và văn bản",
            feed_description=f"Tin bài, văn bản của {agency.name}",
            entries=list(own),
            description=f"Tin bài và văn bản của {agency.name}",
            shown=not_events(own),
            events=events_of(own),
            calendar_title=f"Lịch sự kiện — {agency.name}",
        )
        descendants = c.agency_descendants(agency.id)
        if descendants:
            everything = {e for a in (agency.id, *descendants) for e in c.by_agency.get(a, [])}
            yield Listing(
                key=f"agency-all:{agency.id}",
                kind="agency-all",
                subject=agency.id,
                group="agency",
                url=urls.agency(agency.id),
                title=agency.name,
                feed_title=f"{agency.name} và đơn vị trực thuộc — Tin bài và văn bản",
                feed_description=f"Tin bài, văn bản của {agency.name} và các đơn vị trực thuộc",
                entries=newest_first(everything),
                layout="",
                folder=urls.agency_with_children(agency.id),
            )


def places_and_terms(c: Catalog, site: str) -> Iterator[Listing]:
    """Each province, tag and cooperative sector."""
    reg = c.registries
    for province in reg.provinces.values():
        entries = c.by_province.get(province.id, [])
        yield Listing(
            key=f"province:{province.id}",
            kind="province",
            subject=province.id,
            group="province",
            url=urls.province(province.id),
            title=province.name,
            feed_title=f"{province.name} — Tin tức, hợp tác xã, văn bản",
            feed_description=f"Tin tức, hợp tác xã và văn bản của {province.name}",
            entries=list(entries),
            description=f"Tin tức, hợp tác xã và văn bản của {province.name}",
            shown=[e for e in entries if e.kind == "article"],
            events=events_of(entries),
            calendar_title=f"Lịch sự kiện — {province.name}",
        )
    for tag in reg.tags.values():
        yield Listing(
            key=f"tag:{tag.id}",
            kind="tag",
            subject=tag.id,
            group="tag",
            url=urls.tag(tag.id),
            title=tag.title,
            feed_title=f"Từ khóa “{tag.title}” — {site}",
            feed_description=tag.description or f"Nội dung gắn từ khóa “{tag.title}”",
            entries=list(c.by_tag.get(tag.id, [])),
            description=tag.description or f"Bài viết gắn từ khóa “{tag.title}”",
        )
    for sector in reg.sectors.values():
        members = [e for e in c.cooperatives if sector.id in e.data.sectors]
        name = sector.title.lower()
        yield Listing(
            key=f"sector:{sector.id}",
            kind="sector",
            subject=sector.id,
            group="sector",
            url=urls.sector(sector.id),
            title=f"Hợp tác xã lĩnh vực {name}",
            feed_title=f"Hợp tác xã lĩnh vực {name} — {site}",
            feed_description=f"Hồ sơ hợp tác xã điển hình lĩnh vực {name}",
            entries=list(members),
            layout="table",
            shown=by_name(members),
        )


def document_groups(c: Catalog, site: str) -> Iterator[Listing]:
    """Documents of each year, and of each legal status that has any."""
    for year in sorted({d.data.issued_year for d in c.documents}, reverse=True):
        yield Listing(
            key=f"year:{year}",
            kind="year",
            subject=year,
            group="year",
            url=urls.document_year(year),
            title=f"Văn bản năm {year}",
            feed_title=f"Văn bản năm {year} — {site}",
            feed_description=f"Văn bản ban hành năm {year}",
            entries=[d for d in c.documents if d.data.issued_year == year],
            layout="table",
        )
    for status, label in STATUSES.items():
        subset: list[AnyEntry] = [d for d in c.documents if c.legal[d.id].status == status]
        if subset:
            yield Listing(
                key=f"status:{status}",
                kind="status",
                subject=status,
                group="status",
                url=urls.document_status(status),
                title=f"Văn bản: {label.lower()}",
                feed_title=f"Văn bản {label.lower()} — {site}",
                feed_description=f"Văn bản có tình trạng “{label}”",
                entries=subset,
                layout="table",
            )


def months(c: Catalog, site: str) -> Iterator[Listing]:
    """Each month of the archive."""
    for year, month in sorted(c.by_month, reverse=True):
        name = month_name(year, month).lower()
        yield Listing(
            key=f"month:{year}-{month:02d}",
            kind="month",
            subject=(year, month),
            group="month",
            url=urls.archive_month(year, month),
            title=f"Lưu trữ {name}",
            feed_title=f"Lưu trữ {name} — {site}",
            feed_description=f"Tin bài, văn bản và hợp tác xã đăng trong {name}",
            entries=list(c.by_month[(year, month)]),
        )


def registry_follow(c: Catalog, site: str) -> Iterator[Listing]:
    """Feeds for following the registry: "Mới cập nhật", each document's history, each agency's
    tasks coming due."""
    changed = c.updates
    yield Listing(
        key="updates",
        kind="updates",
        subject=None,
        group="site",
        url=urls.DOCUMENT_UPDATES,
        title="Văn bản mới cập nhật",
        feed_title=f"Văn bản mới cập nhật — {site}",
        feed_description="Văn bản mới đăng, được cập nhật hoặc thay đổi tình trạng hiệu lực",
        entries=[],
        layout="",
        notices=[from_event(e) for e in changed],
    )
    for document in c.documents:
        state = c.legal[document.id]
        yield Listing(
            key=f"document:{document.id}",
            kind="document",
            subject=document.id,
            group="document",
            url=document.url,
            title=document.title,
            feed_title=f"{document.title} — Diễn biến",
            feed_description=f"Ban hành, đăng, cập nhật, văn bản mới trích dẫn, sửa đổi, thay thế và tình trạng hiệu lực của {document.title}",
            entries=[],
            layout="",
            notices=[from_event(e, with_title=False) for e in reversed(state.past(c.now))],
        )
    due: dict[str, list[Notice]] = defaultdict(list)
    for tracked in c.tasks:
        if tracked.status in ("sap-den-han", "qua-han"):
            for agency in dict.fromkeys([*tracked.task.lead, *tracked.task.partners]):
                due[agency].append(from_task(tracked))
    for each in c.registries.agencies.values():
        yield Listing(
            key=f"tasks:{each.id}",
            kind="agency-tasks",
            subject=each.id,
            group="tasks",
            url=urls.agency(each.id),
            title=each.name,
            feed_title=f"{each.name} — Nhiệm vụ sắp đến hạn, quá hạn",
            feed_description=f"Nhiệm vụ {each.name} chủ trì hoặc phối hợp sắp đến hạn (trong 30 ngày) hoặc đã quá hạn",
            entries=[],
            layout="",
            folder=urls.agency_tasks(each.id),
            notices=sorted(due[each.id], key=lambda n: (n.when, n.key), reverse=True),
        )


def by_name(cooperatives: list[CooperativeEntry] | list[AnyEntry]) -> list[AnyEntry]:
    return sorted(cooperatives, key=lambda e: sort_key(e.title))
