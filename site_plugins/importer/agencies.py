"""Find registry agencies in the words of a document: "Ban Tuyên giáo Tỉnh ủy" in a Lạng Sơn
document is ban-tuyen-giao-tinh-uy-lang-son; "LMHTXVN" in a number is lien-minh-htx-viet-nam."""

from __future__ import annotations

import re

from ..common.vietnamese import name_key
from ..content.registries import Registries


class AgencyMatcher:
    def __init__(self, registries: Registries):
        self.reg = registries
        self.by_name: dict[str, str] = {}
        for agency in registries.agencies.values():
            for name in (agency.name, agency.short_name, *agency.aliases):
                if name:
                    self.by_name.setdefault(name_key(name), agency.id)
        self.province_names = {p.id: re.sub(r"^(Tỉnh|Thành phố)\s+", "", p.name) for p in registries.provinces.values()}

    def province_in(self, text: str) -> str | None:
        """The province a place or header names: "Lào Cai, ngày …" → lao-cai."""
        key = name_key(text)
        found = [(len(n), pid) for pid, n in self.province_names.items() if re.search(rf"\b{re.escape(name_key(n))}\b", key)]
        return max(found)[1] if found else None

    def by_code(self, code: str, province: str | None, place: str | None = None) -> str | None:
        """The agency whose symbol code is ``code``: the only one; else the one whose name ends with
        the place the document is dated at ("UBND quận Phú Nhuận" for "Phú Nhuận, ngày …"); else
        the one in ``province``, the province's own body before a district's."""
        candidates = [a for a in self.reg.agencies.values() if a.code and a.code.upper() == code.upper()]
        if len(candidates) > 1 and place:
            named = [a for a in candidates if name_key(a.name).endswith(" " + name_key(place))]
            candidates = named or candidates
        if len(candidates) > 1:
            candidates = [a for a in candidates if a.province == province]
        if len(candidates) > 1:
            candidates = [a for a in candidates if a.level in ("trung-uong", "tinh")] or candidates
        return candidates[0].id if len(candidates) == 1 else None

    def by_text(self, text: str, province: str | None = None) -> str | None:
        """The agency a phrase names, trying the phrase with the document's province added
        ("Ban Tuyên giáo Tỉnh ủy" + "Lạng Sơn"); the longest registry name that starts the phrase."""
        key = name_key(text)
        tries = [key]
        if province:
            where = name_key(self.province_names[province])
            inserted = re.sub(r"\b(tỉnh ủy|tỉnh|tp)\b", rf"\1 {where}", key, count=1)
            tries = [f"{key} {where}", f"{key} tỉnh {where}", f"{key} tp {where}", inserted, key]
        for attempt in tries:
            best = max((n for n in self.by_name if attempt == n or attempt.startswith(n + " ")), key=len, default=None)
            if best:
                return self.by_name[best]
        return None

    def mentioned(self, text: str) -> list[str]:
        """Agencies whose full name appears in ``text``, in order, a longer name winning over
        a shorter one inside it ("Văn phòng Chính phủ" is not also "Chính phủ")."""
        key = f" {name_key(text)} "
        spots = []
        for name, agency_id in self.by_name.items():
            start = key.find(f" {name} ")
            while start >= 0:
                end = start + len(name) + 1
                if not re.match(r" (tỉnh|tp|huyện|xã|các)\b", key[end:]):  # "Quốc hội tỉnh" is a local body
                    spots.append((start, end, agency_id))
                start = key.find(f" {name} ", start + 1)
        taken: list[tuple[int, int]] = []
        found: list[str] = []
        for start, end, agency_id in sorted(spots, key=lambda s: (s[0], -s[1])):
            if any(s <= start and end <= e for s, e in taken):
                continue
            taken.append((start, end))
            if agency_id not in found:
                found.append(agency_id)
        return found
