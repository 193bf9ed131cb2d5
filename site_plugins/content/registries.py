"""Registries the content points into: agencies, provinces, columns, campaigns, sectors, tags.

Each is a YAML list in ``content/_registry/<name>.yml`` validated like the entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from ..common.messages import problem
from ..common.problems import Problem
from .frontmatter import parse_yaml
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


class Term(Item):
    """A tag or a sector: an id and the title readers see."""

    title: PlainText
    description: PlainText | None = None


REGISTRY_MODELS: dict[str, type[Item]] = {
    "agencies": Agency,
    "provinces": Province,
    "columns": Column,
    "campaigns": Campaign,
    "sectors": Term,
    "tags": Term,
}


@dataclass
class Registries:
    agencies: dict[str, Agency] = field(default_factory=dict)
    provinces: dict[str, Province] = field(default_factory=dict)
    columns: dict[str, Column] = field(default_factory=dict)
    campaigns: dict[str, Campaign] = field(default_factory=dict)
    sectors: dict[str, Term] = field(default_factory=dict)
    tags: dict[str, Term] = field(default_factory=dict)
    # where each item was defined, for errors: (registry, id) → "path:line"
    origins: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)


def load_registries(content_dir: Path) -> tuple[Registries, list[Problem]]:
    """A site's registries: content/_registry/<name>.yml, every one of them required."""
    return read_registries(content_dir / REGISTRY_DIR, f"{content_dir.name}/{REGISTRY_DIR}", REGISTRY_MODELS)


def read_registries(folder: Path, display_folder: str, models: dict[str, type[Item]]) -> tuple[Registries, list[Problem]]:
    """The registry files ``models`` names in ``folder``, validated; every problem listed, never raised."""
    registries = Registries()
    problems: list[Problem] = []
    for name, model in models.items():
        file = folder / f"{name}.yml"
        display = f"{display_folder}/{name}.yml"
        if not file.exists():
            problems.append(Problem(display, 0, "", *problem("registry.missing", name=name)))
            continue
        try:
            text = file.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(display, 0, "", *problem("file.not_utf8", byte=exc.start)))
            continue
        except OSError as exc:
            problems.append(Problem(display, 0, "", *problem("file.unreadable", error=exc.strerror or exc)))
            continue
        parsed, found = parse_yaml(text.lstrip("\ufeff"), display)
        problems += found
        if parsed is None:
            continue
        if not isinstance(parsed.data, list):
            problems.append(Problem(display, 1, "", *problem("registry.not_list")))
            continue
        table = getattr(registries, name)
        for index, raw in enumerate(parsed.data):
            try:
                item = model.model_validate(raw)
            except ValidationError as exc:
                problems += problems_from(exc, model, parsed, display, base=(index,))
                continue
            line = parsed.line((index,))
            if item.id in table:
                first = registries.origins[(name, item.id)]
                problems.append(Problem(display, line, "id", *problem("registry.duplicate", id=item.id, where=f"{first[0]}:{first[1]}")))
                continue
            table[item.id] = item
            registries.origins[(name, item.id)] = (display, line)
    return registries, problems
