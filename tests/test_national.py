"""The national agency registry and gazetteer the portal ships (site_plugins/content/national/):
valid, complete for every province before and after 1 July 2025, written by its script, and
never turned into pages a site did not list."""

from __future__ import annotations

import importlib.util
from collections import Counter

import yaml
from helpers import CONTENT, ROOT

from site_plugins.content.national import FOLDER, adopted, gazetteer, national
from site_plugins.content.registries import load_registries

KINDS = ("ubnd", "hdnd", "-uy-", "ban-tuyen-giao", "ban-dan-van", "mat-tran-to-quoc", "lien-minh-htx", "hoi-nong-dan", "so-tai-chinh",
         "so-ke-hoach-va-dau-tu", "so-nong-nghiep-va-phat-trien-nong-thon", "so-nong-nghiep-va-moi-truong", "so-cong-thuong", "bao-",
         "dai-phat-thanh")  # fmt: skip


def test_every_province_before_and_after_the_merger_has_its_bodies():
    shipped = national()
    merged = {p.id for p in shipped.provinces.values() if p.successors}
    assert len(shipped.provinces) == 64 and len(set(shipped.provinces) - merged) == 34  # 63 + Huế; 34 after 1 July 2025
    for province in shipped.provinces:
        ids = [a.id for a in shipped.agencies.values() if a.province == province]
        missing = [k for k in KINDS if not any(i.startswith(k) or f"-{k}" in i or k in f"{i}-" for i in ids)]
        assert not missing, (province, missing)
    for agency in (a for a in shipped.agencies.values() if a.province in merged):
        assert all(step.id in shipped.agencies for step in agency.successors), agency.id
    assert all(p.id in shipped.provinces for a in shipped.agencies.values() for p in a.successors if p.id in shipped.provinces)


def test_central_bodies_ministries_and_their_2025_lineage():
    shipped = national()
    for central in ("bo-chinh-tri", "ban-bi-thu", "quoc-hoi", "chinh-phu", "thu-tuong-chinh-phu", "mat-tran-to-quoc-viet-nam",
                    "lien-minh-htx-viet-nam", "hoi-nong-dan-viet-nam", "bo-tai-chinh", "ban-tuyen-giao-trung-uong"):  # fmt: skip
        assert central in shipped.agencies, central
    planning = shipped.agencies["bo-ke-hoach-va-dau-tu"]
    assert [(s.id, s.date.isoformat()) for s in planning.successors] == [("bo-tai-chinh", "2025-03-01")]
    codes = Counter(a.code for a in shipped.agencies.values() if a.level == "trung-uong" and a.code)
    assert codes["HNDTW"] == 1 and codes["LMHTXVN"] == 1


def test_the_data_files_name_their_sources_and_are_what_the_script_writes():
    for name in ("agencies.yml", "provinces.yml", "places.yml"):
        assert "# Nguồn" in (FOLDER / name).read_text("utf-8")[:2000], name
    spec = importlib.util.spec_from_file_location("national_registry", ROOT / "scripts" / "national_registry.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert yaml.safe_load((FOLDER / "agencies.yml").read_text("utf-8")) == script.agencies()
    assert yaml.safe_load((FOLDER / "provinces.yml").read_text("utf-8")) == script.provinces()


def test_the_gazetteer_knows_districts_before_and_communes_after_the_merger():
    places = gazetteer()
    assert places.province_of("Phú Nhuận", 2016) == "ho-chi-minh" and places.province_of("Bắc Hà", 2020) == "lao-cai"
    assert (places.province_of("Mỹ Tho", 2016), places.province_of("Mỹ Tho", 2026)) == ("tien-giang", "dong-thap")
    assert places.province_of("Châu Thành", 2016) is None  # a name several provinces share decides nothing


def test_an_adopted_agency_brings_its_parents_successors_and_provinces():
    site = load_registries(CONTENT)[0]
    agencies, provinces = adopted(["hdnd-tinh-quang-binh"], site)
    ids = [a["id"] for a in agencies]
    assert ids[0] == "hdnd-tinh-quang-binh" and "hdnd-tinh-quang-tri" in ids  # merged into Quảng Trị on 1 July 2025
    assert {"quang-binh", "quang-tri"} <= {p["id"] for p in provinces}


def test_the_demo_builds_only_the_agencies_its_registry_lists(site):
    listed = set(load_registries(CONTENT)[0].agencies)
    pages = {p.parent.name for p in (site.root / "co-quan").glob("*/index.html")}
    assert pages <= listed and len(pages) < 200 < len(national().agencies)
