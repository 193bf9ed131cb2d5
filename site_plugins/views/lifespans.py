"""Which registry items still stand at the build's "now": an agency dissolved or merged into
another, a province merged into another (from their `dissolved:` and `successors:`), a campaign
running between its `start:` and `end:`. Lists mark what has ended and put it after what stands;
the home page shows only campaigns that run today."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

from ..common import urls
from ..common.vietnamese import short_date, sort_key
from ..content.registries import Agency, Campaign, Lineage, Province, Registries


def _merged(successors: list[Lineage], items: Mapping[str, Agency] | Mapping[str, Province], url: Callable[[str], str], today: date) -> dict | None:
    """ "đã sáp nhập vào X từ dd/mm/yyyy" once the successors' date has come."""
    steps = [s for s in successors if s.date <= today and s.id in items]
    if not steps:
        return None
    into = [{"url": url(s.id), "title": items[s.id].name} for s in steps]
    return {"text": "đã sáp nhập vào", "into": into, "since": short_date(min(s.date for s in steps))}


def agency_end(agency: Agency, reg: Registries, today: date) -> dict | None:
    """How an agency ended, for the mark beside its name: merged into its successors, or dissolved;
    None while it stands (a date still to come ends nothing yet)."""
    merged = _merged(agency.successors, reg.agencies, urls.agency, today)
    if merged:
        return merged
    if agency.dissolved and agency.dissolved <= today:
        return {"text": "đã giải thể", "into": [], "since": short_date(agency.dissolved)}
    return None


def province_end(province: Province, reg: Registries, today: date) -> dict | None:
    """How a province ended: merged into its successors (1 July 2025), or None while it stands."""
    return _merged(province.successors, reg.provinces, urls.province, today)


def current_first(ids: Iterable[str], name: Callable[[str], str], ended: Callable[[str], dict | None]) -> list[str]:
    """Ids in Vietnamese order of their names, those that stand first, then those that ended."""
    return sorted(ids, key=lambda i: (ended(i) is not None, sort_key(name(i))))


def running(campaign: Campaign, today: date) -> bool:
    """A campaign runs from its start to its end, both days included (an open side never closes)."""
    return (campaign.start is None or campaign.start <= today) and (campaign.end is None or today <= campaign.end)
