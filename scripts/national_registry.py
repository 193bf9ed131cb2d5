"""Write the national registry the portal ships (site_plugins/content/national/*.yml): the 63
provinces and cities before 1 July 2025 with the 34 they became, the central Party, State, National
Assembly and Front bodies and ministries with their 2025 mergers, and for every province the
bodies documents about the collective economy come from (UBND, HĐND, Tỉnh ủy, its propaganda and
mass-mobilisation boards, Mặt trận, Liên minh HTX, Hội Nông dân, Sở Tài chính and the former Sở
Kế hoạch và Đầu tư, Sở Nông nghiệp và Môi trường with the two it merged (Nông nghiệp và PTNT, Tài
nguyên và Môi trường), Sở Công Thương, the provincial newspaper and radio-TV), each with the code
its documents' symbols use, and the districts and communes of each province (places.yml). Run it
after changing the tables below; the output is data, validated by the tests.

    .venv/bin/python scripts/national_registry.py
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from site_plugins.common.vietnamese import slugify  # noqa: E402

OUT = ROOT / "site_plugins" / "content" / "national"
MERGED = "2025-07-01"  # Nghị quyết 202/2025/QH15: 63 provinces and cities become 34
MINISTRIES_MERGED = "2025-03-01"  # Nghị quyết 176/2025/QH15: the Government's new structure
BOARDS_MERGED = "2025-02-01"  # the Party's central boards merged (Kết luận 121-KL/TW, 24/01/2025)
LOCAL_BOARDS_MERGED = "2025-03-01"  # provincial Party boards merged likewise
SOURCES = [
    "Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh (63 → 34 từ 01/7/2025)",
    "Nghị quyết 176/2025/QH15 ngày 18/02/2025 của Quốc hội về cơ cấu tổ chức của Chính phủ nhiệm kỳ khóa XV",
    "Kết luận 121-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương về tổng kết Nghị quyết 18-NQ/TW (sắp xếp các ban Đảng)",
    "Ký hiệu (code) theo cách các cơ quan ghi trong số, ký hiệu văn bản (Nghị định 30/2020/NĐ-CP; Quy định 66-QĐ/TW về thể thức văn bản của Đảng)",
]

TDMN, DBSH, BTB, DHNTB, TN, DNB, DBSCL = (
    "Trung du và miền núi phía Bắc", "Đồng bằng sông Hồng", "Bắc Trung Bộ", "Duyên hải Nam Trung Bộ", "Tây Nguyên", "Đông Nam Bộ",
    "Đồng bằng sông Cửu Long",
)  # fmt: skip
# (name, thành phố?, region, merged into (name) on 1 July 2025 or None)
PROVINCES = [
    ("Hà Giang", False, TDMN, "Tuyên Quang"), ("Cao Bằng", False, TDMN, None), ("Bắc Kạn", False, TDMN, "Thái Nguyên"),
    ("Tuyên Quang", False, TDMN, None), ("Lào Cai", False, TDMN, None), ("Yên Bái", False, TDMN, "Lào Cai"),
    ("Thái Nguyên", False, TDMN, None), ("Lạng Sơn", False, TDMN, None), ("Bắc Giang", False, TDMN, "Bắc Ninh"),
    ("Phú Thọ", False, TDMN, None), ("Điện Biên", False, TDMN, None), ("Lai Châu", False, TDMN, None), ("Sơn La", False, TDMN, None),
    ("Hòa Bình", False, TDMN, "Phú Thọ"),
    ("Hà Nội", True, DBSH, None), ("Vĩnh Phúc", False, DBSH, "Phú Thọ"), ("Bắc Ninh", False, DBSH, None), ("Quảng Ninh", False, DBSH, None),
    ("Hải Dương", False, DBSH, "Hải Phòng"), ("Hải Phòng", True, DBSH, None), ("Hưng Yên", False, DBSH, None), ("Thái Bình", False, DBSH, "Hưng Yên"),
    ("Hà Nam", False, DBSH, "Ninh Bình"), ("Nam Định", False, DBSH, "Ninh Bình"), ("Ninh Bình", False, DBSH, None),
    ("Thanh Hóa", False, BTB, None), ("Nghệ An", False, BTB, None), ("Hà Tĩnh", False, BTB, None), ("Quảng Bình", False, BTB, "Quảng Trị"),
    ("Quảng Trị", False, BTB, None), ("Thừa Thiên Huế", False, BTB, "Huế"), ("Huế", True, BTB, None),
    ("Đà Nẵng", True, DHNTB, None), ("Quảng Nam", False, DHNTB, "Đà Nẵng"), ("Quảng Ngãi", False, DHNTB, None), ("Bình Định", False, DHNTB, "Gia Lai"),
    ("Phú Yên", False, DHNTB, "Đắk Lắk"), ("Khánh Hòa", False, DHNTB, None), ("Ninh Thuận", False, DHNTB, "Khánh Hòa"),
    ("Bình Thuận", False, DHNTB, "Lâm Đồng"),
    ("Kon Tum", False, TN, "Quảng Ngãi"), ("Gia Lai", False, TN, None), ("Đắk Lắk", False, TN, None), ("Đắk Nông", False, TN, "Lâm Đồng"),
    ("Lâm Đồng", False, TN, None),
    ("Bình Phước", False, DNB, "Đồng Nai"), ("Tây Ninh", False, DNB, None), ("Bình Dương", False, DNB, "Hồ Chí Minh"), ("Đồng Nai", False, DNB, None),
    ("Bà Rịa - Vũng Tàu", False, DNB, "Hồ Chí Minh"), ("Hồ Chí Minh", True, DNB, None),
    ("Long An", False, DBSCL, "Tây Ninh"), ("Tiền Giang", False, DBSCL, "Đồng Tháp"), ("Bến Tre", False, DBSCL, "Vĩnh Long"),
    ("Trà Vinh", False, DBSCL, "Vĩnh Long"), ("Vĩnh Long", False, DBSCL, None), ("Đồng Tháp", False, DBSCL, None), ("An Giang", False, DBSCL, None),
    ("Kiên Giang", False, DBSCL, "An Giang"), ("Cần Thơ", True, DBSCL, None), ("Hậu Giang", False, DBSCL, "Cần Thơ"),
    ("Sóc Trăng", False, DBSCL, "Cần Thơ"), ("Bạc Liêu", False, DBSCL, "Cà Mau"), ("Cà Mau", False, DBSCL, None),
]  # fmt: skip
# Not a merger of 1 July 2025: Thừa Thiên Huế became Thành phố Huế on 1 January 2025 (Nghị quyết 175/2024/QH15).
BECAME = {"Thừa Thiên Huế": ("2025-01-01", "Trở thành thành phố Huế trực thuộc Trung ương")}

# Central bodies: (name, code, kind, parent name, short name, aliases, (successor name, date, note) or None, dissolved)
CENTRAL = [
    ("Ban Chấp hành Trung ương Đảng", "TW", "dang", None, "BCH Trung ương", ["Ban Chấp hành Trung ương"], None, None),
    ("Bộ Chính trị", "TW", "dang", "Ban Chấp hành Trung ương Đảng", None, [], None, None),
    ("Ban Bí thư", "TW", "dang", "Ban Chấp hành Trung ương Đảng", None, [], None, None),
    ("Ban Tuyên giáo Trung ương", "BTGTW", "dang", "Ban Chấp hành Trung ương Đảng", "Ban Tuyên giáo TW", ["Ban Tuyên giáo TW"],
     ("Ban Tuyên giáo và Dân vận Trung ương", BOARDS_MERGED, "Hợp nhất với Ban Dân vận Trung ương"), None),
    ("Ban Dân vận Trung ương", "BDVTW", "dang", "Ban Chấp hành Trung ương Đảng", None, ["Ban Dân vận TW"],
     ("Ban Tuyên giáo và Dân vận Trung ương", BOARDS_MERGED, "Hợp nhất với Ban Tuyên giáo Trung ương"), None),
    ("Ban Tuyên giáo và Dân vận Trung ương", "BTGDVTW", "dang", "Ban Chấp hành Trung ương Đảng", None, ["Ban Tuyên giáo và Dân vận TW"], None, None),
    ("Ban Kinh tế Trung ương", "BKTTW", "dang", "Ban Chấp hành Trung ương Đảng", None, ["Ban Kinh tế TW"],
     ("Ban Chính sách, chiến lược Trung ương", BOARDS_MERGED, "Nhiệm vụ chuyển sang Ban Chính sách, chiến lược Trung ương"), None),
    ("Ban Chính sách, chiến lược Trung ương", "BCSCLTW", "dang", "Ban Chấp hành Trung ương Đảng", None, [], None, None),
    ("Ban Tổ chức Trung ương", "BTCTW", "dang", "Ban Chấp hành Trung ương Đảng", None, ["Ban Tổ chức TW"], None, None),
    ("Ban Nội chính Trung ương", "BNCTW", "dang", "Ban Chấp hành Trung ương Đảng", None, [], None, None),
    ("Ủy ban Kiểm tra Trung ương", "UBKTTW", "dang", "Ban Chấp hành Trung ương Đảng", None, [], None, None),
    ("Văn phòng Trung ương Đảng", "VPTW", "dang", "Ban Chấp hành Trung ương Đảng", None, [], None, None),
    ("Quốc hội", "QH", "nha-nuoc", None, None, [], None, None),
    ("Ủy ban Thường vụ Quốc hội", "UBTVQH", "nha-nuoc", "Quốc hội", None, [], None, None),
    ("Văn phòng Quốc hội", "VPQH", "nha-nuoc", "Quốc hội", None, [], None, None),
    ("Chủ tịch nước", "CTN", "nha-nuoc", None, None, [], None, None),
    ("Chính phủ", "CP", "nha-nuoc", None, None, [], None, None),
    ("Thủ tướng Chính phủ", "TTg", "nha-nuoc", "Chính phủ", None, ["Thủ tướng"], None, None),
    ("Văn phòng Chính phủ", "VPCP", "nha-nuoc", "Chính phủ", None, [], None, None),
    ("Bộ Quốc phòng", "BQP", "nha-nuoc", "Chính phủ", None, [], None, None),
    ("Bộ Công an", "BCA", "nha-nuoc", "Chính phủ", None, [], None, None),
    ("Bộ Ngoại giao", "BNG", "nha-nuoc", "Chính phủ", None, [], None, None),
    ("Bộ Nội vụ", "BNV", "nha-nuoc", "Chính phủ", None, [], None, None),
    ("Bộ Tư pháp", "BTP", "nha-nuoc", "Chính phủ", None, [], None, None),
    ("Bộ Tài chính", "BTC", "nha-nuoc", "Chính phủ", None, [], None, None),
    ("Bộ Công Thương", "BCT", "nha-nuoc", "Chính phủ", None, [], None, None),
    ("Bộ Nông nghiệp và Môi trường", "BNNMT", "nha-nuoc", "Chính phủ", None, ["Bộ NN&MT"], None, None),
    ("Bộ Xây dựng", "BXD", "nha-nuoc", "Chính phủ", None, [], None, None),
    ("Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL", "nha-nuoc", "Chính phủ", None, ["Bộ VHTTDL"], None, None),
    ("Bộ Khoa học và Công nghệ", "BKHCN", "nha-nuoc", "Chính phủ", None, ["Bộ KH&CN"], None, None),
    ("Bộ Giáo dục và Đào tạo", "BGDĐT", "nha-nuoc", "Chính phủ", None, ["Bộ GD&ĐT"], None, None),
    ("Bộ Y tế", "BYT", "nha-nuoc", "Chính phủ", None, [], None, None),
    ("Bộ Dân tộc và Tôn giáo", "BDTTG", "nha-nuoc", "Chính phủ", None, [], None, None),
    ("Ngân hàng Nhà nước Việt Nam", "NHNN", "nha-nuoc", "Chính phủ", None, ["Ngân hàng Nhà nước"], None, None),
    ("Thanh tra Chính phủ", "TTCP", "nha-nuoc", "Chính phủ", None, [], None, None),
    ("Bộ Kế hoạch và Đầu tư", "BKHĐT", "nha-nuoc", "Chính phủ", None, ["Bộ KH&ĐT", "Bộ KHĐT"],
     ("Bộ Tài chính", MINISTRIES_MERGED, "Hợp nhất với Bộ Tài chính"), None),
    ("Bộ Lao động - Thương binh và Xã hội", "BLĐTBXH", "nha-nuoc", "Chính phủ", None, ["Bộ Lao động, Thương binh và Xã hội", "Bộ LĐTBXH"],
     ("Bộ Nội vụ", MINISTRIES_MERGED, "Hợp nhất với Bộ Nội vụ"), None),
    ("Bộ Thông tin và Truyền thông", "BTTTT", "nha-nuoc", "Chính phủ", None, ["Bộ TT&TT"],
     ("Bộ Khoa học và Công nghệ", MINISTRIES_MERGED, "Hợp nhất với Bộ Khoa học và Công nghệ"), None),
    ("Bộ Nông nghiệp và Phát triển nông thôn", "BNNPTNT", "nha-nuoc", "Chính phủ", None, ["Bộ NN&PTNT", "Bộ Nông nghiệp & PTNT"],
     ("Bộ Nông nghiệp và Môi trường", MINISTRIES_MERGED, "Hợp nhất với Bộ Tài nguyên và Môi trường"), None),
    ("Bộ Tài nguyên và Môi trường", "BTNMT", "nha-nuoc", "Chính phủ", None, ["Bộ TN&MT"],
     ("Bộ Nông nghiệp và Môi trường", MINISTRIES_MERGED, "Hợp nhất với Bộ Nông nghiệp và Phát triển nông thôn"), None),
    ("Bộ Giao thông vận tải", "BGTVT", "nha-nuoc", "Chính phủ", None, [], ("Bộ Xây dựng", MINISTRIES_MERGED, "Hợp nhất với Bộ Xây dựng"), None),
    ("Ủy ban Dân tộc", "UBDT", "nha-nuoc", "Chính phủ", None, [], ("Bộ Dân tộc và Tôn giáo", MINISTRIES_MERGED, "Thành Bộ Dân tộc và Tôn giáo"), None),
    ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "MTTW", "mat-tran-doan-the", None, "Mặt trận Tổ quốc Việt Nam",
     ["Mặt trận Tổ quốc Việt Nam", "UBTƯ MTTQ Việt Nam", "Ủy ban Trung ương MTTQ Việt Nam"], None, None),
    ("Liên minh Hợp tác xã Việt Nam", "LMHTXVN", "lien-minh-htx", None, "Liên minh HTX Việt Nam", ["Liên minh HTX Việt Nam", "Liên minh HTX VN"], None, None),
    ("Hội Nông dân Việt Nam", "HNDTW", "mat-tran-doan-the", None, None, ["Trung ương Hội Nông dân Việt Nam", "Ban Chấp hành Trung ương Hội Nông dân Việt Nam"],
     None, None),
    ("Tổng Liên đoàn Lao động Việt Nam", "TLĐ", "mat-tran-doan-the", None, None, [], None, None),
    ("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "TWĐTN", "mat-tran-doan-the", None, "Trung ương Đoàn", ["Ban Chấp hành Trung ương Đoàn"], None, None),
    ("Hội Liên hiệp Phụ nữ Việt Nam", "ĐCT", "mat-tran-doan-the", None, None, ["Trung ương Hội Liên hiệp Phụ nữ Việt Nam"], None, None),
    ("Hội Cựu chiến binh Việt Nam", "CCB", "mat-tran-doan-the", None, None, [], None, None),
    ("Báo Nhân Dân", None, "bao-chi", None, None, ["Báo Nhân dân"], None, None),
    ("Đài Truyền hình Việt Nam", "THVN", "bao-chi", None, None, [], None, None),
    ("Đài Tiếng nói Việt Nam", "TNVN", "bao-chi", None, None, [], None, None),
    ("Thông tấn xã Việt Nam", "TTXVN", "bao-chi", None, None, [], None, None),
]  # fmt: skip
# Ids the demo's registry already uses for central bodies (kept, so that a site's registry and this one agree).
CENTRAL_IDS = {
    "Ban Chấp hành Trung ương Đảng": "ban-chap-hanh-trung-uong", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam": "mat-tran-to-quoc-viet-nam",
    "Liên minh Hợp tác xã Việt Nam": "lien-minh-htx-viet-nam", "Báo Nhân Dân": "bao-nhan-dan",
    "Bộ Lao động - Thương binh và Xã hội": "bo-lao-dong-thuong-binh-va-xa-hoi",
}  # fmt: skip


def province_id(name: str) -> str:
    return slugify(name)


def provinces() -> list[dict]:
    found = []
    for name, city, region, merged in PROVINCES:
        item = {"id": province_id(name), "name": f"{'Thành phố' if city else 'Tỉnh'} {name}", "kind": "thành phố" if city else "tỉnh", "region": region}
        if merged:
            date, note = step(name, merged)
            item["successors"] = [{"id": province_id(merged), "date": date, "note": note}]
        found.append(item)
    return found


def step(name: str, merged: str) -> tuple[str, str]:
    """When and how a province became part of another."""
    if name in BECAME:
        return BECAME[name]
    into = next(p for p in PROVINCES if p[0] == merged)
    return MERGED, f"Hợp nhất vào {'thành phố' if into[1] else 'tỉnh'} {merged}"


def central() -> list[dict]:
    ids = {name: CENTRAL_IDS.get(name, slugify(name)) for name, *_ in CENTRAL}
    found = []
    for name, code, kind, parent, short, aliases, successor, dissolved in CENTRAL:
        item: dict = {"id": ids[name], "name": name}
        if short:
            item["short_name"] = short
        if code:
            item["code"] = code
        item.update(level="trung-uong", kind=kind)
        if parent:
            item["parent"] = ids[parent]
        if aliases:
            item["aliases"] = aliases
        if successor:
            item["successors"] = [{"id": ids[successor[0]], "date": successor[1], "note": successor[2]}]
        if dissolved:
            item["dissolved"] = dissolved
        found.append(item)
    return found


def local(name: str, city: bool, merged: str | None) -> list[dict]:
    """The bodies of one province or city, with their successors when it merged into another."""
    pid, unit = province_id(name), ("thành phố" if city else "tỉnh")
    committee = "Thành ủy" if city else "Tỉnh ủy"
    short = "TP" if city else "tỉnh"
    into = next((p for p in PROVINCES if p[0] == merged), None)

    def ids(target: str, target_city: bool) -> dict[str, str]:
        tid, tu, tc = province_id(target), ("thanh-pho" if target_city else "tinh"), ("thanh-uy" if target_city else "tinh-uy")
        return {
            "ubnd": f"ubnd-{tu}-{tid}", "hdnd": f"hdnd-{tu}-{tid}", "uy": f"{tc}-{tid}", "btg": f"ban-tuyen-giao-{tc}-{tid}",
            "bdv": f"ban-dan-van-{tc}-{tid}", "btgdv": f"ban-tuyen-giao-va-dan-van-{tc}-{tid}", "mttq": f"mat-tran-to-quoc-{tu}-{tid}",
            "lmhtx": f"lien-minh-htx-{tu}-{tid}", "hnd": f"hoi-nong-dan-{tu}-{tid}", "stc": f"so-tai-chinh-{tid}",
            "skhdt": f"so-ke-hoach-va-dau-tu-{tid}", "bao": f"bao-{tid}", "dai": f"dai-phat-thanh-truyen-hinh-{tid}",
            "snn": f"so-nong-nghiep-va-phat-trien-nong-thon-{tid}", "stnmt": f"so-tai-nguyen-va-moi-truong-{tid}",
            "snnmt": f"so-nong-nghiep-va-moi-truong-{tid}", "sct": f"so-cong-thuong-{tid}",
        }  # fmt: skip

    mine = ids(name, city)
    theirs = ids(merged, into[1]) if into else None

    def item(key: str, full: str, code: str | None, kind: str, parent: str | None, aliases: list[str], successor: tuple | None = None) -> dict:
        entry: dict = {"id": mine[key], "name": full}
        if code:
            entry["code"] = code
        entry.update(level="tinh", kind=kind)
        if parent:
            entry["parent"] = mine[parent]
        entry["province"] = pid
        if aliases := [a for a in dict.fromkeys(aliases) if a != full]:
            entry["aliases"] = aliases
        steps = []
        if successor:
            steps.append({"id": mine[successor[0]], "date": successor[1], "note": successor[2]})
        elif theirs and merged and key not in ("skhdt", "snn", "stnmt"):
            date, note = step(name, merged)
            steps.append({"id": theirs[key], "date": date, "note": note})
        if steps:
            entry["successors"] = steps
        return entry

    where = f"{unit} {name}"
    body = [
        item("uy", f"{committee} {name}", "TU", "dang", None, [f"Ban Chấp hành Đảng bộ {where}", f"Ban Thường vụ {committee} {name}"]),
        item(
            "btg",
            f"Ban Tuyên giáo {committee} {name}",
            "BTGTU",
            "dang",
            "uy",
            [f"Ban Tuyên giáo {committee}"],
            ("btgdv", LOCAL_BOARDS_MERGED, "Hợp nhất với Ban Dân vận thành Ban Tuyên giáo và Dân vận"),
        ),
        item(
            "bdv",
            f"Ban Dân vận {committee} {name}",
            "BDVTU",
            "dang",
            "uy",
            [f"Ban Dân vận {committee}"],
            ("btgdv", LOCAL_BOARDS_MERGED, "Hợp nhất với Ban Tuyên giáo thành Ban Tuyên giáo và Dân vận"),
        ),
        item("hdnd", f"Hội đồng nhân dân {where}", "HĐND", "nha-nuoc", None, [f"HĐND {short} {name}", f"Thường trực HĐND {where}"]),
        item("ubnd", f"Ủy ban nhân dân {where}", "UBND", "nha-nuoc", None, [f"UBND {short} {name}", f"UBND {where}", f"Chủ tịch UBND {where}"]),
        item(
            "mttq",
            f"Ủy ban Mặt trận Tổ quốc Việt Nam {where}",
            "MTTQ",
            "mat-tran-doan-the",
            None,
            [f"Mặt trận Tổ quốc {where}", f"Ủy ban MTTQ Việt Nam {where}", f"Ủy ban MTTQ {where}"],
        ),
        item("lmhtx", f"Liên minh Hợp tác xã {where}", "LMHTX", "lien-minh-htx", None, [f"Liên minh HTX {where}", f"Liên minh HTX {short} {name}"]),
        item("hnd", f"Hội Nông dân {where}", "HNDT", "mat-tran-doan-the", None, [f"Ban Chấp hành Hội Nông dân {where}"]),
        item(
            "skhdt",
            f"Sở Kế hoạch và Đầu tư {where}",
            "SKHĐT",
            "nha-nuoc",
            "ubnd",
            [f"Sở Kế hoạch và Đầu tư {name}", f"Sở KH&ĐT {name}"],
            ("stc", MINISTRIES_MERGED, "Hợp nhất với Sở Tài chính"),
        ),
        item("stc", f"Sở Tài chính {where}", "STC", "nha-nuoc", "ubnd", [f"Sở Tài chính {name}"]),
        item(
            "snn",
            f"Sở Nông nghiệp và Phát triển nông thôn {where}",
            "SNN",
            "nha-nuoc",
            "ubnd",
            [f"Sở Nông nghiệp và Phát triển nông thôn {name}", f"Sở NN&PTNT {name}", f"Sở Nông nghiệp và PTNT {name}"],
            ("snnmt", MINISTRIES_MERGED, "Hợp nhất với Sở Tài nguyên và Môi trường thành Sở Nông nghiệp và Môi trường"),
        ),
        item(
            "stnmt",
            f"Sở Tài nguyên và Môi trường {where}",
            "STNMT",
            "nha-nuoc",
            "ubnd",
            [f"Sở Tài nguyên và Môi trường {name}", f"Sở TN&MT {name}"],
            ("snnmt", MINISTRIES_MERGED, "Hợp nhất với Sở Nông nghiệp và Phát triển nông thôn thành Sở Nông nghiệp và Môi trường"),
        ),
        item("snnmt", f"Sở Nông nghiệp và Môi trường {where}", "SNNMT", "nha-nuoc", "ubnd", [f"Sở Nông nghiệp và Môi trường {name}"]),
        item("sct", f"Sở Công Thương {where}", "SCT", "nha-nuoc", "ubnd", [f"Sở Công Thương {name}", f"Sở Công thương {where}"]),
        item("bao", f"Báo {name}", None, "bao-chi", None, []),
        item("dai", f"Đài Phát thanh và Truyền hình {name}", None, "bao-chi", None, [f"Đài PT-TH {name}"]),
    ]
    # the board the two became: its own successor when the province merged
    btgdv = item("btgdv", f"Ban Tuyên giáo và Dân vận {committee} {name}", "BTGDVTU", "dang", "uy", [f"Ban Tuyên giáo và Dân vận {committee}"])
    body.insert(3, btgdv)
    return body


def agencies() -> list[dict]:
    found = central()
    for name, city, _, merged in PROVINCES:
        found += local(name, city, merged)
    return found


HEADER = """# {what} — dữ liệu quốc gia đi kèm portal (viết bởi scripts/national_registry.py; sửa bảng trong tệp đó rồi chạy lại).
# Một trang chỉ dựng trang cho các mục có trong content/_registry/ của mình: khi nhập văn bản, cơ quan
# tìm thấy ở đây được chép vào content/_registry/agencies.yml (kèm cơ quan cấp trên, tỉnh và cơ quan kế nhiệm).
# Nguồn:
{sources}
"""


# The places inside each province: the districts of the 63 provinces before 1 July 2025 and the
# communes and wards of the 34 after, from the pinned releases of the vietnam-provinces package
# (data of the General Statistics Office's administrative-unit list), read from its wheels.
DIVISIONS = {"before": "vietnam-provinces==0.6.0", "after": "vietnam-provinces==2025.10.1"}
PLACES_HEADER = """# Địa danh trong từng tỉnh — dữ liệu đi kèm portal (viết bởi scripts/national_registry.py).
# districts: quận, huyện, thị xã, thành phố thuộc tỉnh của 63 tỉnh trước 01/7/2025;
# communes: xã, phường, đặc khu của 34 tỉnh sau 01/7/2025. Dùng khi nhập văn bản: nơi ban hành
# ("Bắc Hà, ngày …") cho biết tỉnh, và tên riêng viết hoa lại đúng.
# Nguồn: danh mục đơn vị hành chính của Tổng cục Thống kê, qua gói vietnam-provinces
# (0.6.0 cho trước 01/7/2025, 2025.10.1 cho sau đó).
"""


def divisions(requirement: str) -> list[dict]:
    """The nested provinces → districts → wards (or provinces → wards) of one pinned release."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", folder, requirement], check=True)
        wheel = next(Path(folder).glob("*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            return json.loads(archive.read("vietnam_provinces/data/nested-divisions.json"))


def places() -> dict[str, dict[str, list[str]]]:
    known = {province_id(name) for name, *_ in PROVINCES}
    found: dict[str, dict[str, list[str]]] = {}
    for part, key, inner in (("before", "districts", "districts"), ("after", "communes", "wards")):
        for province in divisions(DIVISIONS[part]):
            pid = province_id(re.sub(r"^(Tỉnh|Thành phố)\s+", "", province["name"]))
            if pid not in known:
                raise SystemExit(f"unknown province in {DIVISIONS[part]}: {province['name']}")
            found.setdefault(pid, {})[key] = [d["name"] for d in province[inner]]
    return {pid: found[pid] for pid in sorted(found)}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    sources = "\n".join(f"#   - {s}" for s in SOURCES)
    for name, what, data in (("provinces.yml", "Tỉnh, thành phố", provinces()), ("agencies.yml", "Cơ quan, đơn vị", agencies())):
        text = HEADER.format(what=what, sources=sources) + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)
        (OUT / name).write_text(text, "utf-8")
        print(f"{OUT / name}: {len(data)}")
    gazetteer = places()
    (OUT / "places.yml").write_text(PLACES_HEADER + yaml.safe_dump(gazetteer, allow_unicode=True, sort_keys=False, width=200), "utf-8")
    print(f"{OUT / 'places.yml'}: {sum(len(v) for p in gazetteer.values() for v in p.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
