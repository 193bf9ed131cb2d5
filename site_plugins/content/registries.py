"""Registries the content points into: agencies, provinces, columns, campaigns, sectors, tags; and
the partner portals whose news the site shows (optional).

Each is a YAML list in ``content/_registry/<name>.yml`` validated like the entries, and any number
of single items in ``content/_registry/<name>/*.yml`` (one file an item: what the newsroom editor
writes, so the hand-kept list file with its comments is never rewritten)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, ValidationError

from ..common.messages import problem
from ..common.problems import Problem
from ..common.vietnamese import name_key
from .frontmatter import Parsed, read_yaml_file
from .schema import PlainText, Ref, Slug, Strict, VnDate, WebUrl, problems_from

REGISTRY_DIR = "_registry"
# what a reference points at → the registry file it is declared in (content/_registry/<file>.yml)
REGISTRY_FILES = {"agency": "agencies", "province": "provinces", "column": "columns", "campaign": "campaigns", "sector": "sectors", "tag": "tags"}

LEVELS = {"trung-uong": "Trung ương", "tinh": "Tỉnh, thành phố", "huyen": "Huyện, thị xã, thành phố thuộc tỉnh", "xa": "Xã, phường"}
AGENCY_KINDS = {
    "dang": "Cơ quan Đảng",
    "nha-nuoc": "Cơ quan Nhà nước",
    "mat-tran-doan-the": "Mặt trận, đoàn thể",
    "lien-minh-htx": "Liên minh Hợp tác xã",
    "bao-chi": "Cơ quan báo chí",
}


class Item(Strict):
    """Every registry item has an id other entries point at."""

    id: Slug


class Lineage(Strict):
    """One step of a rename or merger: the successor and the date it took over."""

    id: Ref
    date: VnDate
    note: PlainText | None = None


class Agency(Item):
    name: PlainText
    short_name: PlainText | None = None
    code: PlainText | None = None  # as used in document symbols: LMHTXVN, BTGTU, UBND
    level: Literal["trung-uong", "tinh", "huyen", "xa"]
    kind: Literal["dang", "nha-nuoc", "mat-tran-doan-the", "lien-minh-htx", "bao-chi"]
    parent: Ref | None = None
    province: Ref | None = None
    website: WebUrl | None = None
    aliases: list[PlainText] = Field(default=[], max_length=50)  # other spellings met in documents ("Liên minh HTX tỉnh")
    successors: list[Lineage] = Field(default=[], max_length=20)
    dissolved: VnDate | None = None
    review: PlainText | None = None  # written by the importer for an agency it proposed: check it, then remove the line


class Province(Item):
    name: PlainText
    kind: Literal["tỉnh", "thành phố"] = "tỉnh"
    region: PlainText | None = None
    successors: list[Lineage] = Field(default=[], max_length=20)


class Column(Item):
    title: PlainText
    description: PlainText
    parent: Ref | None = None
    order: int = 100


class Campaign(Item):
    title: PlainText
    description: PlainText
    start: VnDate | None = None
    end: VnDate | None = None


class Partner(Item):
    """A partner portal whose feed `portal fetch-partners` reads ("Tin từ các địa phương")."""

    name: PlainText
    site: WebUrl
    feed: WebUrl
    province: Ref | None = None
    agency: Ref | None = None


class Term(Item):
    """A tag or a sector: an id and the title readers see."""

    title: PlainText
    description: PlainText | None = None


# Words of an agency's name that say its level and kind (on its name key: "hợp tác xã" is "htx",
# so a cooperative alliance is never taken for a commune's body).
AGENCY_LEVEL_WORDS = [
    (r"\b(việt nam|trung ương|tw)\b", "trung-uong"),
    (r"\b(xã|phường|thị trấn|đặc khu)\b", "xa"),
    (r"\b(huyện|quận|thị xã|thành phố thuộc tỉnh)\b", "huyen"),
    (r"\b(tỉnh|thành phố|tp)\b", "tinh"),
]
AGENCY_KIND_WORDS = [
    (r"\b(liên minh hợp tác xã|liên minh htx)\b", "lien-minh-htx"),
    (r"\b(đảng|tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy|ban tuyên giáo|ban dân vận|ban tổ chức|ban thường vụ)\b", "dang"),
    (r"\b(mặt trận|hội|đoàn thanh niên|liên đoàn|công đoàn|cựu chiến binh)\b", "mat-tran-doan-the"),
    (r"\b(báo|đài|tạp chí)\b", "bao-chi"),
]


def guess_agency(name: str) -> tuple[str | None, str]:
    """(level or None when the name does not say, kind) of an agency from the words of its name."""
    key = name_key(name)
    level = next((lv for pattern, lv in AGENCY_LEVEL_WORDS if re.search(pattern, key)), None)
    return level, next((k for pattern, k in AGENCY_KIND_WORDS if re.search(pattern, key)), "nha-nuoc")


def append_items(path: Path, items: list[dict], note: str) -> None:
    """Registry items added at the end of a registry file, under a comment saying where they came from."""
    if not items:
        return
    text = path.read_text("utf-8") if path.exists() else ""
    block = yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{text.rstrip()}\n\n# {note}\n{block}" if text.strip() else f"# {note}\n{block}", "utf-8")


REGISTRY_MODELS: dict[str, type[Item]] = {
    "agencies": Agency,
    "provinces": Province,
    "columns": Column,
    "campaigns": Campaign,
    "sectors": Term,
    "tags": Term,
    "partners": Partner,
}
OPTIONAL_REGISTRIES = {"partners"}  # a site without the file has none (no partner news)


@dataclass
class Registries:
    agencies: dict[str, Agency] = field(default_factory=dict)
    provinces: dict[str, Province] = field(default_factory=dict)
    columns: dict[str, Column] = field(default_factory=dict)
    campaigns: dict[str, Campaign] = field(default_factory=dict)
    sectors: dict[str, Term] = field(default_factory=dict)
    tags: dict[str, Term] = field(default_factory=dict)
    partners: dict[str, Partner] = field(default_factory=dict)
    # where each item was defined, for errors: (registry, id) → "path:line"
    origins: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)


def load_registries(content_dir: Path) -> tuple[Registries, list[Problem]]:
    """A site's registries: content/_registry/<name>.yml, every one of them required."""
    return read_registries(content_dir / REGISTRY_DIR, f"{content_dir.name}/{REGISTRY_DIR}", REGISTRY_MODELS)


def read_registries(folder: Path, display_folder: str, models: dict[str, type[Item]]) -> tuple[Registries, list[Problem]]:
    """The registry files ``models`` names in ``folder``, and their item folders, validated; every
    problem listed, never raised."""
    registries = Registries()
    problems: list[Problem] = []
    for name, model in models.items():
        file = folder / f"{name}.yml"
        display = f"{display_folder}/{name}.yml"
        if not file.exists():
            if name in OPTIONAL_REGISTRIES:
                continue
            problems.append(Problem(display, 0, "", *problem("registry.missing", name=name)))
            continue
        sources = [(file, display, True)]
        if (folder / name).is_dir() and not (folder / name).is_symlink():
            sources += [(f, f"{display_folder}/{name}/{f.name}", False) for f in sorted((folder / name).glob("*.yml"))]
        for source, shown, listed in sources:
            parsed = _parse(source, shown, problems, folder.parent)
            if parsed is None:
                continue
            if listed != isinstance(parsed.data, list):
                problems.append(Problem(shown, 1, "", *problem("registry.not_list" if listed else "registry.not_item")))
                continue
            for index, raw in enumerate(parsed.data) if listed else [(None, parsed.data)]:
                base = (index,) if index is not None else ()
                try:
                    item = model.model_validate(raw)
                except ValidationError as exc:
                    problems += problems_from(exc, model, parsed, shown, base=base)
                    continue
                line = parsed.line(base)
                if item.id in (table := getattr(registries, name)):
                    first = registries.origins[(name, item.id)]
                    problems.append(Problem(shown, line, "id", *problem("registry.duplicate", id=item.id, where=f"{first[0]}:{first[1]}")))
                    continue
                table[item.id] = item
                registries.origins[(name, item.id)] = (shown, line)
    return registries, problems


def _parse(file: Path, display: str, problems: list[Problem], root: Path) -> Parsed | None:
    """A registry file's YAML, or None with its problem listed (never a link out of ``root``)."""
    if file.is_symlink() and not file.resolve().is_relative_to(root.resolve()):
        problems.append(Problem(display, 0, "", *problem("file.symlink_outside", target=os.readlink(file), content=REGISTRY_DIR)))
        return None
    parsed, found = read_yaml_file(file, display)
    problems += found
    return parsed
