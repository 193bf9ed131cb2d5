"""A cooperative's address as readers need it on the build's day. From 1 July 2025 local government
has two levels (xã/phường, tỉnh/thành phố): districts are gone and 63 provinces became 34. A
profile written before says "Xã …, Huyện …, Tỉnh …"; its page shows the two-level form as far as the
data says it, and the address as printed beside it ("Địa chỉ cũ"):

- a district the shipped gazetteer (content/national/places.yml) does not list in the profile's
  province leaves the whole address as printed;
- a listed district is dropped when a commune is given, and marked "(cũ)" when it is all there is;
- the province is the one it was merged into (its `successors:` in the registry, once dated);
- the commune is kept when the gazetteer lists a commune of that kind and name in that province
  after the merger, and marked "(cũ)" when it lists the province's communes without it: its
  successor is not known, and never guessed."""

from __future__ import annotations

from datetime import date
from functools import cache

from ..common.vietnamese import name_key
from ..content.models import Cooperative
from ..content.national import KINDS, Gazetteer, gazetteer
from ..content.registries import Registries

TWO_LEVELS = date(2025, 7, 1)  # districts abolished, provinces merged


def split_kind(printed: str) -> tuple[str, str]:
    """ "Huyện Bát Xát" → ("huyện", "Bát Xát"); a name without its kind → ("", name)."""
    kind = next((k for k in KINDS if printed.lower().startswith(k + " ")), "")
    return kind, printed[len(kind) :].strip()


def current_province(province_id: str, reg: Registries, today: date) -> str:
    """The province a province has become on ``today``: followed through mergers whose date has come
    (a province split between several stops the walk: which part is meant is not known)."""
    seen = {province_id}
    while True:
        steps = [s for s in reg.provinces[province_id].successors if s.date <= today and s.id in reg.provinces]
        if len(steps) != 1 or steps[0].id in seen:
            return province_id
        province_id = steps[0].id
        seen.add(province_id)


def _listed(places: Gazetteer, printed: str, province: str, after_merger: bool) -> bool:
    """Whether the gazetteer lists a place so named (and of that kind, when printed) in a province."""
    kind, name = split_kind(printed)
    return any(
        p.province == province and p.after_merger == after_merger and (not kind or p.kind == kind) and name_key(p.name) == name_key(name)
        for p in places.named(name)
    )


@cache
def _with_communes(places: Gazetteer) -> frozenset[str]:
    """The provinces whose communes after the merger the gazetteer lists."""
    return frozenset(p.province for found in places.places.values() for p in found if p.after_merger)


def address(c: Cooperative, reg: Registries, today: date, places: Gazetteer | None = None) -> dict:
    """The address line: ``place`` (commune and/or district, or None), ``province`` (an id) and
    ``printed`` (the address as the profile gives it, when a part of it is no longer shown)."""
    printed = ", ".join(x for x in (c.commune, c.district, reg.provinces[c.province].name) if x)
    as_printed = {"place": ", ".join(x for x in (c.commune, c.district) if x) or None, "province": c.province, "printed": None}
    places = places or gazetteer()
    if today < TWO_LEVELS or (c.district and not _listed(places, c.district, c.province, after_merger=False)):
        return as_printed  # before the reform, or a district the gazetteer does not know: nothing is changed
    province = current_province(c.province, reg, today)
    if c.commune:
        known = province not in _with_communes(places) or _listed(places, c.commune, province, after_merger=True)
        place: str | None = c.commune if known else f"{c.commune} (cũ)"
    else:
        place = f"{c.district} (cũ)" if c.district else None
    dropped = bool(c.commune and c.district) or province != c.province
    return {"place": place, "province": province, "printed": printed if dropped else None}
