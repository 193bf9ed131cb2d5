"""The national registry the portal ships (content/national/*.yml, written by
scripts/national_registry.py): the provinces and cities before and after 1 July 2025 and the
bodies documents come from — central Party, State and Front bodies, ministries, and in every
province its People's Committee and Council, Party committee and boards, Front, cooperative
alliance, farmers' union, finance (and former planning) department, newspaper and radio-TV.

A site builds pages only for what its own content/_registry/ lists. The importer matches issuers
against both; a national agency a document names is copied into the site's registry together
with what it points at (its parent, successors and province), so references stay valid."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..common import yamlio
from ..common.vietnamese import name_key
from .registries import Agency, Province, Registries, read_registries

FOLDER = Path(__file__).resolve().parent / "national"
MODELS: dict[str, Any] = {"agencies": Agency, "provinces": Province}


@cache
def national() -> Registries:
    """The shipped registry, validated (a problem in it is a bug of the portal: tests keep it valid)."""
    registries, problems = read_registries(FOLDER, "site_plugins/content/national", MODELS)
    if problems:
        raise ValueError("\\n".join(str(p) for p in problems))
    return registries


def adopted(ids: list[str], site: Registries, shipped: Registries | None = None) -> tuple[list[dict], list[dict]]:
    """The national agencies among ``ids`` that the site's registry lacks, with every agency and
    province they point at (parent, successors, province, transitively), as registry items
    (agencies, provinces) to add to content/_registry/."""
    shipped = shipped or national()
    agencies: dict[str, dict] = {}
    provinces: dict[str, dict] = {}
    todo = [i for i in ids if i not in site.agencies and i in shipped.agencies]
    while todo:
        agency_id = todo.pop(0)
        if agency_id in agencies or agency_id in site.agencies:
            continue
        agency = shipped.agencies[agency_id]
        agencies[agency_id] = _item(agency)
        todo += [x for x in (agency.parent, *(s.id for s in agency.successors)) if x]
        if agency.province:
            _add_province(agency.province, site, shipped, provinces)
    return list(agencies.values()), list(provinces.values())


def adopted_provinces(ids: list[str], site: Registries, shipped: Registries | None = None) -> list[dict]:
    """National provinces among ``ids`` (and those they merged into) that the site's registry lacks."""
    found: dict[str, dict] = {}
    for province_id in ids:
        _add_province(province_id, site, shipped or national(), found)
    return list(found.values())


def _add_province(province_id: str, site: Registries, shipped: Registries, found: dict[str, dict]) -> None:
    if province_id in site.provinces or province_id in found or province_id not in shipped.provinces:
        return
    province = shipped.provinces[province_id]
    found[province_id] = _item(province)
    for step in province.successors:
        _add_province(step.id, site, shipped, found)


def _item(model: Agency | Province) -> dict:
    """A registry item as the YAML file writes it (dates as text, defaults left out)."""
    return model.model_dump(mode="json", exclude_defaults=True)


@dataclass(frozen=True)
class Place:
    """A district (before 1 July 2025) or a commune or ward (after) of a province."""

    name: str  # as a place line prints it: "Phú Nhuận", "Bắc Hà"
    kind: str  # "quận", "huyện", "thị xã", "thành phố", "xã", "phường", "đặc khu"
    province: str
    after_merger: bool


KINDS = ("thành phố", "thị xã", "thị trấn", "quận", "huyện", "xã", "phường", "đặc khu")


class Gazetteer:
    """The places of the national data (content/national/places.yml), found by their bare name."""

    def __init__(self, data: dict[str, dict[str, list[str]]]):
        self.places: dict[str, list[Place]] = {}
        for province, parts in data.items():
            for key, after in (("districts", False), ("communes", True)):
                for full in parts.get(key, []):
                    kind = next((k for k in KINDS if full.lower().startswith(k + " ")), "")
                    place = Place(full[len(kind) :].strip(), kind, province, after)
                    self.places.setdefault(name_key(place.name), []).append(place)

    def named(self, text: str, year: int | None = None) -> list[Place]:
        """The places called exactly ``text`` ("Phú Nhuận"), those of the document's time first
        (a date before 1 July 2025 means the 63 provinces' districts)."""
        found = self.places.get(name_key(text), [])
        if year is not None and year != 2025:
            found = [p for p in found if p.after_merger == (year > 2025)] or found
        return found

    def province_of(self, text: str, year: int | None = None) -> str | None:
        """The province a place name belongs to, when only one province has a place so called."""
        provinces = {p.province for p in self.named(text, year)}
        return provinces.pop() if len(provinces) == 1 else None

    def names_in(self, province: str) -> list[str]:
        """Every place name of a province (for writing a capitalised heading in normal case)."""
        return sorted({p.name for places in self.places.values() for p in places if p.province == province}, key=len, reverse=True)


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer(yamlio.load((FOLDER / "places.yml").read_text("utf-8")))
