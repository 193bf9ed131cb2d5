"""The snapshot of partner portals' news: what `portal fetch-partners` last read from each feed of
``content/_registry/partners.yml``, committed beside it as ``partners.snapshot.json``.

The build reads only this file (never the network). Each partner keeps its items (title, link,
the original date, a plain-text summary of at most ``SUMMARY_LIMIT`` characters, and the day the
portal first saw it), what the next request sends back (ETag, Last-Modified) and its health: the
last success, the last error and when it happened. The file is written sorted and indented, so a
fetch that learned nothing rewrites it byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..common.messages import problem
from ..common.problems import Problem
from .registries import REGISTRY_DIR

SNAPSHOT = f"{REGISTRY_DIR}/partners.snapshot.json"  # under content/
SUMMARY_LIMIT = 300  # characters of an item's summary: never the full text
# Why a feed failed, as the health page explains it (the code is what the snapshot keeps).
ERRORS = {
    "timeout": "Máy chủ của đối tác không trả lời trong thời gian cho phép.",
    "too-large": "Nguồn tin quá lớn, vượt giới hạn tải về; chỉ đọc khi đối tác thu gọn nguồn tin.",
    "redirects": "Địa chỉ nguồn tin chuyển hướng quá nhiều lần (có thể là vòng lặp).",
    "scheme": "Địa chỉ nguồn tin không dùng http hoặc https.",
    "private-address": "Địa chỉ nguồn tin trỏ tới mạng nội bộ; cổng thông tin không đọc địa chỉ này.",
    "dns": "Không tìm thấy tên miền của nguồn tin.",
    "http": "Máy chủ của đối tác trả về lỗi.",
    "connection": "Không kết nối được tới máy chủ của đối tác.",
    "invalid-feed": "Nội dung tải về không phải nguồn tin RSS/Atom hợp lệ.",
}


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PartnerItem(Frozen):
    """One story of a partner's feed, as the snapshot keeps it (texts already plain and cut)."""

    key: str = Field(max_length=2000)  # the feed's id of the item, or its link
    title: str = Field(max_length=500)
    link: str = Field(max_length=2000)
    published: str | None = None  # ISO date-time the source gave (None when missing or in the future)
    first_seen: str  # ISO date-time of the fetch that first saw it
    summary: str = Field(default="", max_length=SUMMARY_LIMIT + 1)


class PartnerFeed(Frozen):
    """A partner's items and the state of its feed."""

    items: list[PartnerItem] = []
    etag: str | None = None
    last_modified: str | None = None
    last_attempt: str | None = None
    last_success: str | None = None
    error: str | None = None  # a key of ERRORS; None after a success
    error_detail: str | None = None  # e.g. "HTTP 503"


class Snapshot(Frozen):
    partners: dict[str, PartnerFeed] = {}


def load_snapshot(content_dir: Path) -> tuple[Snapshot, list[Problem]]:
    """The committed snapshot, or an empty one (none yet) — an unreadable one is a problem."""
    file = content_dir / SNAPSHOT
    shown = f"{content_dir.name}/{SNAPSHOT}"
    if not file.exists():
        return Snapshot(), []
    try:
        return Snapshot.model_validate(json.loads(file.read_text("utf-8"))), []
    except (ValueError, ValidationError) as exc:
        return Snapshot(), [Problem(shown, 0, "", *problem("partners.snapshot", error=str(exc).splitlines()[0]))]


def dump_snapshot(snapshot: Snapshot) -> str:
    """The snapshot as committed: keys sorted, each partner's items newest seen first."""
    data = snapshot.model_dump()
    for feed in data["partners"].values():
        feed["items"].sort(key=lambda i: (i["first_seen"], i["published"] or "", i["key"]), reverse=True)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def save_snapshot(content_dir: Path, snapshot: Snapshot) -> Path:
    file = content_dir / SNAPSHOT
    file.parent.mkdir(parents=True, exist_ok=True)
    temporary = file.with_suffix(".tmp")
    temporary.write_text(dump_snapshot(snapshot), "utf-8")
    temporary.replace(file)
    return file
