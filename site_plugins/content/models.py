"""The kinds of entry an editor writes: article, cooperative profile, official document, event."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from ..common.docnumbers import DocNumberError, number_key, parse_number, type_agrees
from ..common.messages import t
from ..common.vietnamese import vn_datetime
from ..common.vocabulary import CAPACITIES, EVENT_KINDS, EVENT_STATUSES, RELATIONS, SCOPES, STATUSES, TYPE_NAMES
from .schema import Email, PlainText, Ref, Slug, Strict, VnDate, VnDateTime, WebUrl, _date, _plain, parse_datetime

# Bounds on lists (a clear message instead of work that grows without limit): generous for real
# entries — a plan rarely assigns more than a hundred tasks, an article carries a handful of tags.
MAX_TAGS = 50
MAX_PROVINCES = 70


class Image(Strict):
    src: PlainText  # path relative to the Markdown file, e.g. ../anh/ky-ket.jpg
    alt: PlainText | None = None
    caption: PlainText | None = None
    credit: PlainText | None = None


class Article(Strict):
    id: Slug
    title: PlainText
    summary: PlainText
    date: VnDateTime
    updated: VnDateTime | None = None
    column: Ref
    authors: list[PlainText] = Field(default=[], max_length=20)
    agency: Ref
    provinces: list[Ref] = Field(default=[], max_length=MAX_PROVINCES)
    tags: list[Ref] = Field(default=[], max_length=MAX_TAGS)
    cooperatives: list[Ref] = Field(default=[], max_length=100)
    documents: list[Ref] = Field(default=[], max_length=100)
    cover: Image | None = None
    campaign: Ref | None = None
    draft: bool = False
    scheduled: bool = False  # a date more than a year ahead is meant (else it is taken for a typo in the year)
    featured: bool = False
    slug: Slug | None = None

    @property
    def published(self) -> datetime:
        return self.date


class Ocop(Strict):
    product: PlainText
    stars: int = Field(ge=3, le=5)
    year: int = Field(ge=2018, le=2100)


class Contact(Strict):
    address: PlainText | None = None
    phone: PlainText | None = None
    email: Email | None = None
    website: WebUrl | None = None


class Coordinates(Strict):
    lat: float = Field(ge=8, le=24)  # Vietnam's mainland and islands
    lon: float = Field(ge=102, le=118)


class Cooperative(Strict):
    id: Slug
    name: PlainText
    kind: Literal["hợp tác xã", "liên hiệp hợp tác xã", "tổ hợp tác"] = "hợp tác xã"
    summary: PlainText
    date: VnDateTime  # when the profile was published on the site
    updated: VnDateTime | None = None
    province: Ref
    district: PlainText | None = None
    commune: PlainText | None = None
    founded: int | None = Field(default=None, ge=1945, le=2100)
    members: int | None = Field(default=None, ge=0)
    sectors: list[Ref] = Field(min_length=1, max_length=20)
    products: list[PlainText] = Field(default=[], max_length=100)
    value_chains: list[PlainText] = Field(default=[], max_length=50)
    ocop: list[Ocop] = Field(default=[], max_length=100)
    new_model: bool = False  # "HTX kiểu mới" under the 2023 Law on Cooperatives
    contact: Contact | None = None
    coordinates: Coordinates | None = None
    photos: list[Image] = Field(default=[], max_length=50)
    agency: Ref | None = None  # the alliance that supports it
    tags: list[Ref] = Field(default=[], max_length=MAX_TAGS)
    illustrative: bool = False  # demo data, not a real cooperative's facts
    draft: bool = False
    scheduled: bool = False  # a date more than a year ahead is meant (else it is taken for a typo in the year)
    featured: bool = False
    slug: Slug | None = None

    @property
    def published(self) -> datetime:
        return self.date


DocumentType = Literal[TYPE_NAMES]  # type: ignore[valid-type]


class Signer(Strict):
    name: PlainText
    position: PlainText
    capacity: Literal[CAPACITIES] | None = None  # type: ignore[valid-type]
    on_behalf_of: PlainText | None = None  # "Ban Chấp hành", "Liên minh HTX tỉnh"
    # the capacity lines as printed when they nest: ["TM. Ủy ban nhân dân tỉnh", "KT. Chủ tịch"]
    chain: Annotated[list[PlainText], Field(max_length=4)] = []
    agency: Ref | None = None


def _doc_number(value: str) -> str:
    try:
        return parse_number(value).text
    except DocNumberError as exc:
        raise ValueError(str(exc)) from None


DocNumberText = Annotated[str, BeforeValidator(_plain), AfterValidator(_doc_number)]


class Citation(Strict):
    number: DocNumberText | None = None  # as printed: "70-KL/TW", "134/NQ-CP"; None when cited by name only
    relation: Literal[tuple(RELATIONS)] = "can-cu"  # type: ignore[valid-type]
    type: DocumentType | None = None
    title: PlainText | None = None  # what the citing text says of it ("Luật Hợp tác xã năm 2012")
    issuer: Ref | None = None
    issued: VnDate | None = None
    scope: Literal[tuple(SCOPES)] | None = None  # type: ignore[valid-type]  # of a replacement, repeal, suspension: toàn bộ unless "mot-phan"

    @model_validator(mode="after")
    def _identified(self) -> Citation:
        if self.number is None and self.title is None:
            raise PydanticCustomError("citation", t("doc.citation"))
        return self

    @property
    def key(self) -> str:
        """What identifies the cited document across citing documents."""
        return number_key(self.number) if self.number else f"title:{self.title}"


class Task(Strict):
    id: Slug | None = None  # how a later report names it (or by its number: 1, 2…)
    text: PlainText
    lead: list[Ref] = Field(default=[], max_length=100)
    lead_name: PlainText | None = None  # who leads, as printed ("Liên minh HTX tỉnh, thành phố")
    partners: list[Ref] = Field(default=[], max_length=100)
    deadline: PlainText | None = None
    funding: PlainText | None = None
    due: VnDate | None = None  # the deadline as a date, when `deadline` does not say one ("Quý II/2025" does)
    done: VnDate | None = None  # when it was completed


class Completion(Strict):
    """A later document (a report) saying a task of an earlier one is done."""

    document: Ref  # the id of the document that assigned it
    task: int | Slug  # its number in that document (1, 2…) or its `id`
    done: VnDate | None = None  # defaults to the date this document was issued


class Change(Strict):
    """A correction the editors made to the published page ("Sửa trích yếu theo bản gốc")."""

    date: VnDate
    text: PlainText


class Attachment(Strict):
    title: PlainText
    src: PlainText


class Document(Strict):
    id: Slug
    type: DocumentType
    number: DocNumberText | None = None  # None for a draft with a blank number
    issuers: list[Ref] = Field(min_length=1, max_length=30)
    place: PlainText | None = None
    issued: VnDate | None = None  # None when the day is left blank (drafts)
    year: int | None = Field(default=None, ge=1945, le=2100)
    summary: PlainText  # trích yếu
    signers: list[Signer] = Field(default=[], max_length=50)
    recipients: list[PlainText] = Field(default=[], max_length=300)
    cites: list[Citation] = Field(default=[], max_length=500)
    tasks: list[Task] = Field(default=[], max_length=500)
    tracked: bool = False  # "theo dõi tiến độ": every report on its tasks is recorded, so one past due with none is overdue
    effective: VnDate | None = None  # ngày có hiệu lực; defaults to the date issued
    expires: VnDate | None = None  # ngày hết hiệu lực, when the document sets one
    status: Literal[tuple(STATUSES)] | None = None  # type: ignore[valid-type]  # None: worked out from dates and relations
    status_since: VnDate | None = None  # when the status the editor wrote took effect
    replaced_by: Ref | None = None
    completes: list[Completion] = Field(default=[], max_length=500)  # tasks of earlier documents this one reports done
    updated: VnDateTime | None = None  # last correction on the site
    changes: list[Change] = Field(default=[], max_length=500)  # the corrections, dated
    attachments: list[Attachment] = Field(default=[], max_length=50)
    date: VnDateTime | None = None  # when published on the site; defaults to the date issued
    provinces: list[Ref] = Field(default=[], max_length=MAX_PROVINCES)
    tags: list[Ref] = Field(default=[], max_length=MAX_TAGS)
    draft: bool = False
    scheduled: bool = False  # a date more than a year ahead is meant (else it is taken for a typo in the year)
    featured: bool = False
    slug: Slug | None = None
    review: list[PlainText] = Field(default=[], max_length=100)  # what the importer was not sure of: shown by portal check until removed

    @model_validator(mode="before")
    @classmethod
    def _year_known(cls, data):
        if isinstance(data, dict) and data.get("issued") is None and data.get("year") is None:
            raise PydanticCustomError("document_year", t("doc.no_year"))
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Document:
        if self.effective and self.expires and self.expires < self.effective:
            raise PydanticCustomError("document_dates", t("doc.expires_before", effective=self.effective, expires=self.expires))
        if self.issued is not None and self.year is not None and self.issued.year != self.year:
            raise PydanticCustomError("document_year", t("doc.year_mismatch", year=self.year, issued=self.issued))
        if self.number and not type_agrees(parse_number(self.number), self.type):
            number = parse_number(self.number)
            raise PydanticCustomError("document_type", t("doc.type_mismatch", code=number.type_code, coded=number.type_name(), type=self.type))
        return self

    @property
    def issued_year(self) -> int:
        return self.issued.year if self.issued else self.year  # type: ignore[return-value]

    @property
    def published(self) -> datetime:
        if self.date:
            return self.date
        return vn_datetime(self.issued or date(self.issued_year, 1, 1))


_DAY = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _moment(value: Any) -> date | datetime:
    """A day (an event that lasts whole days) or a day and a time (Vietnam time): "2027-03-12" or
    "2027-03-12T08:00"."""
    if isinstance(value, datetime):
        return parse_datetime(value)
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DAY.match(value.strip()):
        return _date(value.strip())
    return parse_datetime(value)


Moment = Annotated[datetime | date, BeforeValidator(_moment)]


def _is_day(value: date | datetime) -> bool:
    return not isinstance(value, datetime)


Day = date  # inside Event, `date` names its field


class Event(Strict):
    """A conference, a training, a fair…: on a day or days (all day), or from a time to a time."""

    id: Slug
    title: PlainText
    summary: PlainText
    kind: Literal[EVENT_KINDS]  # type: ignore[valid-type]
    start: Moment  # a day (all day) or a day and time
    end: Moment | None = None  # the last day (all day: included) or the time it ends; written like `start`
    place: PlainText  # as readers find it: "Hội trường Trường Chính trị Hoàng Văn Thụ, số 2 đường Lê Lợi"
    commune: PlainText | None = None  # xã, phường (the two-level units after 1 July 2025)
    province: Ref | None = None
    coordinates: Coordinates | None = None
    organisers: list[Ref] = Field(min_length=1, max_length=30)
    campaign: Ref | None = None
    documents: list[Ref] = Field(default=[], max_length=100)  # the plan that schedules it, the documents it is about
    articles: list[Ref] = Field(default=[], max_length=100)  # news about it
    registration: WebUrl | None = None
    status: Literal[tuple(EVENT_STATUSES)] = "theo-lich"  # type: ignore[valid-type]
    new_start: Moment | None = None  # a postponed event's new date (status: hoan); `start` keeps the old one
    new_end: Moment | None = None  # its new end; by default as long as before
    status_note: PlainText | None = None  # why it was postponed or cancelled, shown with the status
    cover: Image | None = None
    date: VnDateTime  # when it was announced on the site
    updated: VnDateTime | None = None
    draft: bool = False
    scheduled: bool = False  # a date more than a year ahead is meant (else it is taken for a typo in the year)
    slug: Slug | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        day = _is_day(self.start)
        if self.end is not None:
            _ordered("event_end", "end", self.start, self.end, day)
        if self.new_start is not None:
            if self.status != "hoan":
                raise PydanticCustomError("event_new_start", t("event.new_not_postponed", status=self.status))
            _ordered("event_new_start", "new_start", self.start, self.new_start, day, order=False)
        if self.new_end is not None:
            if self.new_start is None:
                raise PydanticCustomError("event_new_end", t("event.new_end_alone"))
            _ordered("event_new_end", "new_end", self.new_start, self.new_end, day)
        return self

    @property
    def all_day(self) -> bool:
        return _is_day(self.start)

    @property
    def begins(self) -> Day | datetime:
        """When it takes place: the new date of a postponed event, else `start`."""
        return self.new_start or self.start

    @property
    def ends(self) -> Day | datetime | None:
        """Its last day (all day, included) or the time it ends; None: a time without an end. A new
        date without a new end lasts as long as the old one."""
        if self.new_start is None:
            return self.end
        if self.new_end is not None or self.end is None:
            return self.new_end
        return self.new_start + (self.end - self.start)

    @property
    def rescheduled(self) -> bool:
        return self.status == "hoan" and self.new_start is not None

    @property
    def published(self) -> datetime:
        return self.date


def _ordered(rule: str, name: str, first: date | datetime, then: date | datetime, day: bool, order: bool = True) -> None:
    """``then`` (the field ``name``) is written like `start` (a day, or a day and time) and, with
    ``order``, is not before ``first``."""
    if _is_day(then) != day:
        raise PydanticCustomError(rule, t("event.mixed", field=name, value=_text(then), start=_text(first)))
    if order and then < first:
        raise PydanticCustomError(rule, t("event.before", field=name, value=_text(then), start=_text(first)))


def _text(value: date | datetime) -> str:
    return f"{value:%Y-%m-%dT%H:%M}" if isinstance(value, datetime) else value.isoformat()
