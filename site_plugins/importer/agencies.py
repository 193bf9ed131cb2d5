"""Find the agencies a document names, in the site's registry and in the national one the portal
ships: "Ban Tuyên giáo Tỉnh ủy" in a Lạng Sơn document is ban-tuyen-giao-tinh-uy-lang-son;
"LMHTXVN" in a number is lien-minh-htx-viet-nam; "UBND" dated "Yên Bái, ngày …" is the Yên Bái
committee, never another province's. What no registry knows is proposed from the header."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..common.vietnamese import name_key, slugify
from ..content.national import Place, gazetteer, national
from ..content.registries import Agency, Province, Registries, guess_agency
from .source import restore_case


class AgencyMatcher:
    def __init__(self, registries: Registries, shipped: Registries | None = None):
        self.site = registries
        self.shipped = shipped if shipped is not None else national()
        # the site's own items first: its ids win where both registries know an agency
        self.agencies: dict[str, Agency] = {**self.shipped.agencies, **registries.agencies}
        self.provinces: dict[str, Province] = {**self.shipped.provinces, **registries.provinces}
        # a name → every agency known by it, the site's first ("Ban Tuyên giáo Tỉnh ủy" is every province's)
        self.by_name: dict[str, list[str]] = {}
        for source in (registries.agencies, self.shipped.agencies):
            for agency in source.values():
                for name in (agency.name, agency.short_name, *agency.aliases):
                    if name and agency.id not in (known := self.by_name.setdefault(name_key(name), [])):
                        known.append(agency.id)
        self.province_names = {p.id: re.sub(r"^(Tỉnh|Thành phố)\s+", "", p.name) for p in self.provinces.values()}
        # a national agency the site lists under its own id ("Sở Nông nghiệp và Phát triển nông thôn tỉnh
        # Ninh Thuận" as so-nong-nghiep-va-ptnt-ninh-thuan): the site's id is the one written
        own = {(a.province, _bare(n)): a.id for a in registries.agencies.values() for n in (a.name, a.short_name, *a.aliases) if n}
        self.twins = {
            a.id: twin
            for a in self.shipped.agencies.values()
            if a.id not in registries.agencies
            and (twin := next((own[(a.province, _bare(n))] for n in (a.name, *a.aliases) if (a.province, _bare(n)) in own), None))
        }
        # a code → the agencies printing it, as either registry spells it (the site may write HNDVN where symbols say HNDTW)
        self.coded: dict[str, list[str]] = {}
        for source in (registries.agencies, self.shipped.agencies):
            for agency in source.values():
                if agency.code and agency.id not in (known := self.coded.setdefault(agency.code.upper(), [])):
                    known.append(agency.id)

    def province_in(self, text: str) -> str | None:
        """The province a place or header names: "Lào Cai, ngày …" → lao-cai (the longest name that appears)."""
        key = name_key(text)
        found = [(len(n), pid) for pid, n in self.province_names.items() if re.search(rf"\b{re.escape(name_key(n))}\b", key)]
        return max(found)[1] if found else None

    def by_code(self, code: str, province: str | None, place: str | None = None, district: bool = False) -> str | None:
        """The agency whose symbol code is ``code``, in the document's province (a local body of
        another province is never chosen, however unique its code); of several, the one whose name
        ends with the place the document is dated at ("UBND quận Phú Nhuận"), else the province's
        own body before a district's. A ``district`` document (dated at a district under a header
        that names no province) is only ever a district's or commune's. None when nothing decides."""
        candidates = [self.agencies[i] for i in self.coded.get(code.upper(), [])]
        if not candidates and (standing := re.match(r"(?:TT\.?|UB)(.+)$", code, re.I)):  # "TT.HĐND" (its standing committee), "UBMTTQ"
            candidates = [self.agencies[i] for i in self.coded.get(standing.group(1).upper(), [])]
        if district:
            candidates = [a for a in candidates if a.level in ("huyen", "xa") and place and name_key(a.name).endswith(" " + name_key(place))]
        if province:
            candidates = [a for a in candidates if a.province in (province, None) or a.level == "trung-uong"]
        elif any(a.level != "trung-uong" for a in candidates):
            candidates = [a for a in candidates if a.level == "trung-uong"]  # a local code needs its province
        if len(candidates) > 1 and place:
            named = [a for a in candidates if name_key(a.name).endswith(" " + name_key(place))]
            candidates = named or candidates
        if len(candidates) > 1:
            candidates = [a for a in candidates if a.level in ("trung-uong", "tinh")] or candidates
        if len(candidates) > 1:  # the same body in both registries, or before and after a merger: the site's first
            site = [a for a in candidates if a.id in self.site.agencies]
            candidates = site if len(site) == 1 else candidates
        return self.twins.get(candidates[0].id, candidates[0].id) if len(candidates) == 1 else None

    def by_text(self, text: str, province: str | None = None) -> str | None:
        """The agency a phrase names, trying the phrase with the document's province added
        ("Ban Tuyên giáo Tỉnh ủy" + "Lạng Sơn"); the longest registry name that starts the phrase.
        A local body of another province than the document's is not taken."""
        key = name_key(text)
        tries = [key]
        if province:
            where = name_key(self.province_names[province])
            inserted = re.sub(r"\b(tỉnh ủy|thành ủy|tỉnh|tp|thành phố)\b", rf"\1 {where}", key, count=1)
            tries = [f"{key} {where}", f"{key} tỉnh {where}", f"{key} tp {where}", f"{key} thành phố {where}", inserted, key]
        for attempt in tries:
            names = sorted((n for n in self.by_name if attempt == n or attempt.startswith(n + " ")), key=len, reverse=True)
            for name in names:
                if found := self.pick(self.by_name[name], province):
                    return found
        return None

    def pick(self, ids: list[str], province: str | None) -> str | None:
        """Of the agencies a name means, the one of the document's province (or a central one); a name
        several provinces' bodies share means none when the province is not known."""
        ids = list(dict.fromkeys(self.twins.get(i, i) for i in ids))
        here = [i for i in ids if self.agencies[i].province in (province, None) or self.agencies[i].level == "trung-uong"] if province else ids
        local = {self.agencies[i].province for i in here if self.agencies[i].level != "trung-uong"}
        if not province and len(local) > 1:
            return None
        return here[0] if here else None

    def mentioned(self, text: str, province: str | None = None) -> list[str]:
        """Agencies whose full name appears in ``text``, in order, a longer name winning over
        a shorter one inside it ("Văn phòng Chính phủ" is not also "Chính phủ")."""
        return list(dict.fromkeys(agency_id for _, agency_id in self.mentions(text, province)))

    def mentions(self, text: str, province: str | None = None) -> list[tuple[int, str]]:
        """(where in the text's key, agency) for each full name ``text`` mentions, in order."""
        key = f" {name_key(text)} "
        spots = []
        for name, ids in self.by_name.items():
            if f" {name} " not in key or (agency_id := self.pick(ids, province)) is None:
                continue
            start = key.find(f" {name} ")
            while start >= 0:
                end = start + len(name) + 1
                if not re.match(r" (tỉnh|tp|huyện|xã|các)\b", key[end:]):  # "Quốc hội tỉnh" is a local body
                    spots.append((start, end, agency_id))
                start = key.find(f" {name} ", start + 1)
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, str]] = []
        for start, end, agency_id in sorted(spots, key=lambda s: (s[0], -s[1])):
            if any(s <= start and end <= e for s, e in taken):
                continue
            taken.append((start, end))
            found.append((start, agency_id))
        return found


def _bare(name: str) -> str:
    """A name without the words a province's name may or may not carry: "Sở X tỉnh Y" is "Sở X Y"."""
    return re.sub(r"\b(tỉnh|thành phố|tp)\s+", "", name_key(name))


@dataclass
class Proposed:
    """An agency no registry knows, read from the document's header: added to the site's registry
    marked for review."""

    item: dict

    @property
    def id(self) -> str:
        return self.item["id"]


def propose(header: list[str], code: str | None, province: str | None, local: Place | None, matcher: AgencyMatcher, source: str) -> Proposed | None:
    """The issuing body the header's capitals name ("ỦY BAN NHÂN DÂN" / "HUYỆN BẮC HÀ"), with its
    level, kind and province read from its name and the document; a bare "ỦY BAN NHÂN DÂN" dated
    at a district ("Phú Nhuận, ngày …") is that district's. None when the header names none."""
    lines = [line.strip(" |-") for line in header if line.strip(" |-")]
    capitals: list[str] = []
    for line in lines:
        if not re.search(r"[A-ZĐÀ-Ỹ]", line) or line != line.upper() or re.search(r"\d", line):
            if capitals:
                break
            continue
        capitals.append(line)
        if len(capitals) == 3:
            break
    if not capitals:
        return None
    # the last lines name the issuer ("ĐẢNG BỘ TỈNH X" / "BAN TUYÊN GIÁO"): the body is the lowest one
    places = [*matcher.province_names.values(), *(gazetteer().names_in(province) if province else [])]
    name = restore_case(" ".join(capitals[-2:] if len(capitals) > 1 and _continues(capitals[-1]) else capitals[-1:]), places)
    return proposal(name, code, province, local, matcher, source)


def proposal(name: str, code: str | None, province: str | None, local: Place | None, matcher: AgencyMatcher, source: str) -> Proposed:
    """A proposed agency of that name: its level and kind from its words, its province from the
    document; a bare name at a district's place is the district's body."""
    name = re.sub(r"\s+", " ", name).strip(" ,.")
    key = name_key(name)
    level, kind = guess_agency(name)
    if level is None and local is not None:
        name, level = f"{name} {local.kind} {local.name}", "xa" if local.kind in ("xã", "phường", "đặc khu", "thị trấn") else "huyen"
        key = name_key(name)
    level = level or ("tinh" if province else "trung-uong")
    if province and level in ("tinh", "huyen", "xa") and name_key(matcher.province_names[province]) not in key and level == "tinh":
        name = f"{name} {'thành phố' if matcher.provinces[province].kind == 'thành phố' else 'tỉnh'} {matcher.province_names[province]}"
    item: dict = {"id": slugify(name), "name": name}
    if code:
        item["code"] = code
    item.update(level=level, kind=kind)
    if province and level != "trung-uong":
        item["province"] = province
    item["review"] = f"Đề xuất khi nhập {source}: kiểm tra tên, cấp, loại và tỉnh, rồi xóa dòng 'review'"
    return Proposed(item)


def placeholder(province: str | None, matcher: AgencyMatcher, source: str) -> Proposed:
    """A stand-in issuer for a document whose header names none, one per source file, so that the
    entry is written and `portal check` keeps warning until the editor names the real body."""
    item: dict = {"id": slugify(f"chua-ro-co-quan {source.rsplit('.', 1)[0]}")[:80].strip("-"), "name": f"Cơ quan chưa rõ ({source})"}
    item.update(level="tinh" if province else "trung-uong", kind="nha-nuoc")
    if province:
        item["province"] = province
    item["review"] = f"Cơ quan tạm khi nhập {source}: thay bằng cơ quan thật trong văn bản, rồi xóa mục này"
    return Proposed(item)


def _continues(line: str) -> bool:
    """A header line that only completes the one above ("TỈNH LÀO CAI", "HUYỆN BẮC HÀ", "TRUNG ƯƠNG")."""
    return bool(re.match(r"^(TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|TRUNG ƯƠNG|VIỆT NAM)\b", line))
