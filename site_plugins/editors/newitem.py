"""`portal new agency|tag|sector|province|column NAME`: a registry item written for the editor, valid
as `portal check` wants it, appended to content/_registry/ under a comment saying when. A name
the national registry knows brings its data (code, level, province, lineage); any other gets its
level and kind from the words of its name, and the editor's options."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..common.messages import t
from ..common.vietnamese import name_key, slugify
from ..content.national import adopted, adopted_provinces, national
from ..content.registries import REGISTRY_DIR, REGISTRY_FILES, Registries, append_items, guess_agency

KINDS = ("agency", "tag", "sector", "province", "column")


class ItemExists(ValueError):
    """The registry already has an item with that id."""


@dataclass
class Added:
    file: Path
    items: list[dict]  # first the one asked for, then what it points at (national lineage)


def new_item(kind: str, name: str, content: Path, registries: Registries, province: str | None = None, code: str | None = None) -> Added:
    """The item ``kind`` called ``name`` appended to its registry file; ItemExists if its id is taken."""
    name = " ".join(name.split())
    folder = content / REGISTRY_DIR
    if kind == "agency":
        return _agency(name, folder, registries, province, code)
    if kind == "province":
        return _province(name, folder, registries)
    item: dict = {"id": slugify(name), "title": name}
    if kind == "column":
        item["description"] = name  # readers see it under the column's title: write a sentence
    table = getattr(registries, REGISTRY_FILES[kind])
    if item["id"] in table:
        raise ItemExists(item["id"])
    return _write(folder / f"{REGISTRY_FILES[kind]}.yml", [item])


def _agency(name: str, folder: Path, registries: Registries, province: str | None, code: str | None) -> Added:
    shipped = national()
    key = name_key(name)
    known = next((a.id for a in shipped.agencies.values() if key in {name_key(n) for n in (a.name, a.short_name, *a.aliases) if n}), None)
    if known:  # the national registry's item, with its parent, successors and province
        if known in registries.agencies:
            raise ItemExists(known)
        agencies, provinces = adopted([known], registries, shipped)
        added = _write(folder / "agencies.yml", agencies)
        append_items(folder / "provinces.yml", provinces, t("new.item_note"))
        return added
    level, kind = guess_agency(name)
    province = province or next((p.id for p in (*registries.provinces.values(), *shipped.provinces.values())
                                 if re.search(rf"\b{re.escape(name_key(re.sub(r'^(Tỉnh|Thành phố) ', '', p.name)))}$", key)), None)  # fmt: skip
    item: dict = {"id": slugify(name), "name": name}
    if code:
        item["code"] = code
    item.update(level=level or ("tinh" if province else "trung-uong"), kind=kind)
    if province and item["level"] != "trung-uong":
        item["province"] = province
    if item["id"] in registries.agencies:
        raise ItemExists(item["id"])
    added = _write(folder / "agencies.yml", [item])
    if province and province not in registries.provinces:
        append_items(folder / "provinces.yml", adopted_provinces([province], registries, shipped), t("new.item_note"))
    return added


def _province(name: str, folder: Path, registries: Registries) -> Added:
    bare = re.sub(r"^(Tỉnh|Thành phố|TP\.?)\s+", "", name, flags=re.I)
    shipped = national()
    known = next((p.id for p in shipped.provinces.values() if name_key(p.name).endswith(name_key(bare))), None)
    if known:
        if known in registries.provinces:
            raise ItemExists(known)
        return _write(folder / "provinces.yml", adopted_provinces([known], registries, shipped))
    city = name.lower().startswith(("thành phố", "tp"))
    item = {"id": slugify(bare), "name": f"{'Thành phố' if city else 'Tỉnh'} {bare}", "kind": "thành phố" if city else "tỉnh"}
    if item["id"] in registries.provinces:
        raise ItemExists(item["id"])
    return _write(folder / "provinces.yml", [item])


def _write(path: Path, items: list[dict]) -> Added:
    append_items(path, items, t("new.item_note"))
    return Added(path, items)
