"""What a shared link shows: Open Graph and Twitter tags, schema.org JSON-LD (NewsArticle,
Legislation, Event, GovernmentOrganization, Organization) and the Dublin Core elements Vietnamese agency
portals carry. Every URL absolute; every date with +07:00. Templates print it (portal/share.html);
JSON-LD goes through Jinja's `tojson`, which escapes '<', '>' and '&'."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from ..catalog.catalog import Catalog
from ..common import urls
from ..content.entries import AnyEntry, ArticleEntry, CooperativeEntry, DocumentEntry, EventEntry
from ..media.media import Media
from .eventtimes import iso

LEGAL_FORCE = {"con-hieu-luc": "InForce", "het-hieu-luc-mot-phan": "PartiallyInForce", "het-hieu-luc": "NotInForce", "chua-co-hieu-luc": "NotInForce",
               "ngung-hieu-luc": "NotInForce", "ngung-hieu-luc-mot-phan": "PartiallyInForce", "du-thao": "NotInForce"}  # fmt: skip


@dataclass
class Site:
    url: str  # https://kinhtetapthe.example.vn/
    name: str
    publisher: str
    logo: str = "assets/images/favicon.png"

    def absolute(self, path: str) -> str:
        return urljoin(self.url, path)


def _image(site: Site, media: Media, key: str, alt: str) -> dict | None:
    path = media.cards.get(key)
    return {"url": site.absolute(path), "width": 1200, "height": 630, "alt": alt} if path else None


def _publisher(site: Site) -> dict:
    return {"@type": "Organization", "name": site.publisher, "url": site.url, "logo": {"@type": "ImageObject", "url": site.absolute(site.logo)}}


def entry_share(entry: AnyEntry, catalog: Catalog, media: Media, site: Site) -> dict:
    reg, url = catalog.registries, site.absolute(entry.url)
    share: dict = {"title": entry.title, "description": entry.summary, "url": url, "type": "website", "tags": [reg.tags[t].title for t in entry.tags],
                   "image": _image(site, media, entry.id, entry.title), "published": entry.published.isoformat(),
                   "modified": entry.updated.isoformat(), "section": None}  # fmt: skip
    dc = {"DC.title": entry.title, "DC.description": entry.summary, "DC.date": entry.published.date().isoformat(),
          "DC.publisher": site.publisher, "DC.identifier": url, "DC.language": "vi"}  # fmt: skip
    if isinstance(entry, ArticleEntry):
        _article(entry, catalog, media, site, share, dc)
    elif isinstance(entry, DocumentEntry):
        _document(entry, catalog, site, share, dc)
    elif isinstance(entry, EventEntry):
        _event(entry, catalog, site, share, dc)
    else:
        _cooperative(entry, catalog, site, share, dc)
    share["dc"] = dc
    return share


def _article(entry: ArticleEntry, catalog: Catalog, media: Media, site: Site, share: dict, dc: dict) -> None:
    """NewsArticle, with the cover in the three crops search engines ask for."""
    a, reg, url = entry.data, catalog.registries, share["url"]
    share.update(type="article", section=reg.columns[a.column].title)
    authors = [{"@type": "Person", "name": n} for n in a.authors] or [{"@type": "Organization", "name": reg.agencies[a.agency].name}]
    images = [site.absolute(p) for p in media.crops.get(entry.id, [])] or ([share["image"]["url"]] if share["image"] else [])
    share["jsonld"] = {"@context": "https://schema.org", "@type": entry.schema_type, "headline": entry.title[:110], "description": entry.summary,
                       "image": images, "datePublished": entry.published.isoformat(), "dateModified": entry.updated.isoformat(),
                       "author": authors, "publisher": _publisher(site), "mainEntityOfPage": url, "inLanguage": "vi",
                       "articleSection": share["section"], "keywords": share["tags"]}  # fmt: skip
    dc["DC.creator"] = ", ".join(a.authors) or reg.agencies[a.agency].name


def _document(entry: DocumentEntry, catalog: Catalog, site: Site, share: dict, dc: dict) -> None:
    """Legislation: its identifier, date, legal force, who passed it and what it amends, repeals or replaces."""
    d, reg, url = entry.data, catalog.registries, share["url"]
    node = catalog.graph.by_entry[entry.id]
    related = {"sua-doi": "legislationAmends", "bai-bo": "legislationRepeals", "thay-the": "legislationChanges"}
    doc: dict = {"@context": "https://schema.org", "@type": entry.schema_type, "name": entry.title, "description": d.summary, "url": url,
                 "legislationType": d.type, "legislationLegalForce": LEGAL_FORCE[catalog.legal[entry.id].status], "inLanguage": "vi",
                 "legislationPassedBy": [{"@type": "GovernmentOrganization", "name": reg.agencies[i].name,
                                          "url": site.absolute(urls.agency(i))} for i in d.issuers]}  # fmt: skip
    if d.number:
        doc["legislationIdentifier"] = d.number
    if d.issued:
        doc["legislationDate"] = d.issued.isoformat()
    for cited, relation in node.bases:
        if relation in related:
            doc.setdefault(related[relation], []).append({"@type": "Legislation", "name": cited.label, "url": site.absolute(cited.url)})
    share["jsonld"], share["section"] = doc, d.type
    dc.update({"DC.creator": "; ".join(reg.agencies[i].name for i in d.issuers), "DC.identifier": d.number or url,
               "DC.type": d.type, "DC.date": (d.issued.isoformat() if d.issued else str(d.issued_year)),
               "DC.rights": catalog.legal[entry.id].label})  # fmt: skip


# schema.org's eventStatus: a postponed event with a new date is "rescheduled"
EVENT_STATUS = {"theo-lich": "EventScheduled", "hoan": "EventPostponed", "huy": "EventCancelled"}


def _event(entry: EventEntry, catalog: Catalog, site: Site, share: dict, dc: dict) -> None:
    """Event: when (a day, or a time with +07:00), its status, where (the place, its commune and
    province, coordinates when written) and who organises it."""
    e, reg = entry.data, catalog.registries
    status = "EventRescheduled" if e.rescheduled else EVENT_STATUS[e.status]
    address: dict = {"@type": "PostalAddress", "streetAddress": e.place, "addressCountry": "VN"}
    if e.commune:
        address["addressLocality"] = e.commune
    if e.province:
        address["addressRegion"] = reg.provinces[e.province].name
    place: dict = {"@type": "Place", "name": e.place, "address": address}
    if e.coordinates:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": e.coordinates.lat, "longitude": e.coordinates.lon}
    event: dict = {"@context": "https://schema.org", "@type": entry.schema_type, "name": e.title, "description": e.summary, "url": share["url"],
                   "startDate": iso(e.begins), "eventStatus": f"https://schema.org/{status}",
                   "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode", "location": place, "inLanguage": "vi",
                   "organizer": [{"@type": "GovernmentOrganization", "name": reg.agencies[a].name, "url": site.absolute(urls.agency(a))}
                                 for a in e.organisers]}  # fmt: skip
    if e.ends is not None:
        event["endDate"] = iso(e.ends)
    if e.rescheduled:
        event["previousStartDate"] = iso(e.start)
    if share["image"]:
        event["image"] = [share["image"]["url"]]
    share["jsonld"], share["section"] = event, e.kind.capitalize()
    dc.update({"DC.creator": "; ".join(reg.agencies[a].name for a in e.organisers), "DC.type": "Event", "DC.coverage": iso(e.begins)})


def _cooperative(entry: CooperativeEntry, catalog: Catalog, site: Site, share: dict, dc: dict) -> None:
    """Organization: its address (province, district), founding year, website and picture."""
    c, reg = entry.data, catalog.registries
    org: dict = {"@context": "https://schema.org", "@type": entry.schema_type, "name": c.name, "description": c.summary, "url": share["url"],
                 "address": {"@type": "PostalAddress", "addressRegion": reg.provinces[c.province].name, "addressCountry": "VN",
                             **({"addressLocality": c.district} if c.district else {})}}  # fmt: skip
    if c.founded:
        org["foundingDate"] = str(c.founded)
    if c.contact and c.contact.website:
        org["sameAs"] = [c.contact.website]
    if share["image"]:
        org["image"] = share["image"]["url"]
    share["jsonld"] = org
    dc["DC.creator"] = site.publisher


def agency_share(agency_id: str, catalog: Catalog, media: Media, site: Site) -> dict:
    reg = catalog.registries
    agency = reg.agencies[agency_id]
    url = site.absolute(urls.agency(agency_id))
    org: dict = {"@context": "https://schema.org", "@type": "GovernmentOrganization", "name": agency.name, "url": url}
    if agency.short_name:
        org["alternateName"] = agency.short_name
    if agency.website:
        org["sameAs"] = [agency.website]
    if agency.parent:
        org["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": reg.agencies[agency.parent].name,
            "url": site.absolute(urls.agency(agency.parent)),
        }
    children = catalog.children.get(agency_id, [])
    if children:
        org["subOrganization"] = [{"@type": "GovernmentOrganization", "name": reg.agencies[c].name, "url": site.absolute(urls.agency(c))} for c in children]
    description = f"Tin bài và văn bản của {agency.name}"
    return {"title": agency.name, "description": description, "url": url, "type": "website", "tags": [], "section": None, "published": None,
            "modified": None, "image": _image(site, media, f"agency:{agency_id}", agency.name), "jsonld": org,
            "dc": {"DC.title": agency.name, "DC.description": description, "DC.publisher": site.publisher, "DC.identifier": url,
                   "DC.language": "vi"}}  # fmt: skip
