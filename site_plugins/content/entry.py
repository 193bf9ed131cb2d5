"""What every entry is: one validated Markdown file (front matter + body), with its permanent id,
URL, title, dates, and the questions each kind answers for itself (entries.py): how it is named,
its kicker, its id rule, the files and ids it holds, the agencies and provinces it belongs to."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from pydantic import BaseModel

from ..common import urls
from ..common.cachefiles import digest
from ..common.docnumbers import MAY_MENTION, MENTION
from ..common.vietnamese import slugify
from .datasets import figure_lines
from .files import FileRef, body_images
from .frontmatter import Parsed
from .models import Article, Cooperative, Document, Event, Image

if TYPE_CHECKING:
    from .registries import Registries

Data = TypeVar("Data", Article, Cooperative, Document, Event)

NO_NUMBER = "(chưa có số)"  # a document whose number is still blank (a draft): said the same everywhere


ID_WORDS = 8  # how many words of a title go into a new permanent id


def id_words(text: str, limit: int = ID_WORDS) -> str:
    """The first words of a title or file name, as they go into a permanent id."""
    return "-".join(slugify(text).split("-")[:limit]) or "moi"


@dataclass(frozen=True)
class RefField:
    """A field inside a list of the front matter that holds ids ("signers.0.agency")."""

    table: str  # what the ids point at: "agency", "document"…
    field: str
    at: tuple  # the location whose line a problem names: ("signers", 0)
    value: str | list[str] | None


DISPLAY = ("title", "summary")  # the fields that name an entry without placing it anywhere
MENTION_CONTEXT = 200  # characters after a mentioned number that catalog/mentions.choose reads (120, and a year within 40 more)


@dataclass(eq=False)
class Entry(Generic[Data]):
    data: Data
    path: str  # as shown to editors: content/tin-tuc/x.md
    src_uri: str  # relative to the content folder: tin-tuc/x.md
    body: str
    parsed: Parsed = field(repr=False)

    kind: ClassVar[str]
    label: ClassVar[str]  # what readers call this kind ("Tin bài")
    model: ClassVar[type[BaseModel]]
    id_prefix: ClassVar[str]
    # Top-level front-matter fields that hold ids → the table they point into (checked on the raw
    # front matter, so that an entry with a bad date still has its unknown agency reported).
    ref_fields: ClassVar[dict[str, str]]
    body_top: ClassVar[int] = 1  # the level of the page heading the body sits under (a document's: "Nội dung", an h2)
    schema_type: ClassVar[str]  # what schema.org calls it (its JSON-LD, and what a shared link needs)
    pictured: ClassVar[bool] = True  # shown with a picture (a document is shown by its number, never by a picture)

    @cached_property  # asked for millions of times in a large build; entries never change once read
    def id(self) -> str:
        return self.data.id

    @cached_property  # entries never change once read; lists ask for URLs many times
    def slug(self) -> str:
        return self.data.slug or slugify(Path(self.src_uri).stem)

    @cached_property  # read once: kept with the entry between builds (catalog/reading.py)
    def mentions(self) -> tuple[tuple[str, str], ...]:
        """The document numbers its text mentions ("Kết luận số 70-KL/TW"), each with the text that
        follows it (an issuer, a year: what tells two documents of one number apart)."""
        if not MAY_MENTION.search(self.body):
            return ()
        return tuple((m["number"], self.body[m.end() : m.end() + MENTION_CONTEXT]) for m in MENTION.finditer(self.body))

    @cached_property  # (kept with the entry between builds: the checks, its page and every build's clock ask)
    def figures(self) -> tuple[tuple[str, int], ...]:
        """The figures its body embeds: (id as written, line in the file)."""
        return tuple(figure_lines(self.body, self.parsed.body_line))

    @property
    def section(self) -> str:
        return self.src_uri.split("/", 1)[0]

    @cached_property
    def url(self) -> str:
        return urls.entry(self.section, self.slug)

    @property
    def title(self) -> str:
        """How the entry is named on its own page (each kind says)."""
        raise NotImplementedError

    @property
    def headline(self) -> str:
        """How the entry is named in lists, feeds and search results."""
        return self.title

    @property
    def summary(self) -> str:
        return self.data.summary

    @property
    def draft(self) -> bool:
        return self.data.draft

    @property
    def tags(self) -> list[str]:
        return getattr(self.data, "tags", [])  # an event has none

    @cached_property
    def published(self) -> datetime:
        return self.data.published

    @cached_property
    def updated(self) -> datetime:
        """The last important change (articles and profiles may say so with `updated:`)."""
        return getattr(self.data, "updated", None) or self.published

    @property
    def lastmod(self) -> str:
        """Its page's date in the sitemap: the day of its last important change."""
        return self.updated.date().isoformat()

    @cached_property  # (kept with the entry between builds: a build compares every entry with the last build's)
    def placing(self) -> str:
        """Its front matter but what only names it (``DISPLAY``), written out: what places it in lists
        and in other entries' pages (views/incremental.py compares it between builds)."""
        return repr({name: value for name, value in vars(self.data).items() if name not in DISPLAY})

    @cached_property  # (kept with the entry between builds: every build compares every entry with the last build's)
    def content_hash(self) -> str:
        """A hash of what of its page the entry alone decides: front matter, body and URL
        (views/incremental.py adds its pictures' and attachments' fingerprints)."""
        return digest(self.placing, *(repr(getattr(self.data, name, None)) for name in DISPLAY), self.body, self.url)

    @property
    def date_field(self) -> str:
        """The field the publication date is written in."""
        return "date"

    def line(self, *loc: str | int) -> int:
        return self.parsed.line(loc)

    # what the entry is -------------------------------------------------------------------------
    def kicker(self, registries: Registries) -> str:
        """What is named above the title, on a card and a social card: an article's column, else the kind."""
        return self.label

    @classmethod
    def new_id(cls, words: str, when: datetime) -> str:
        """A new permanent id in this kind's shape, from a title's (or file name's) first words."""
        return f"{cls.id_prefix}-{when:%Y-%m-%d}-{words}"

    def agencies(self) -> list[str]:
        """The agencies the entry belongs to (who published it, issued it, supports it)."""
        return []

    def provinces(self, registries: Registries | None = None) -> list[str]:
        """The provinces the entry belongs to (a document: its own and, given the registries, its issuers')."""
        return []

    @property
    def column(self) -> str | None:
        """The column an article is published in (other kinds have none)."""
        return None

    @property
    def campaign(self) -> str | None:
        return None

    def mentioned(self) -> list[str]:
        """Ids of the cooperatives and documents an entry says it is about."""
        return []

    def cover(self) -> Image | None:
        """The picture that stands for the entry in lists (an article's cover, a cooperative's first photo)."""
        return None

    def origin(self) -> tuple[str, list[str]]:
        """Where a reader is told the entry comes from: ("agency", ids) or ("province", ids)."""
        return "agency", self.agencies()

    @property
    def undated_year(self) -> int | None:
        """The year of an entry known only by its year (a draft document without a day), else None."""
        return None

    def picture(self, images: list[str]) -> str | None:
        """Of the entry's images (site paths: cover or photos first, then the body's), the one its social
        card shows."""
        return images[0] if images and self.pictured else None

    def byline(self, registries: Registries) -> list[str]:
        """Who speaks: the names feeds give as the authors."""
        return [registries.agencies[a].name for a in self.agencies()]

    def category(self, registries: Registries) -> tuple[str, str] | None:
        """The first category of a feed item, (term, label): an article's column, a document's type."""
        return None

    def enclosed(self) -> list[str]:
        """The files a feed item encloses, as written: the cover picture (a document: its PDFs)."""
        return [cover.src] if (cover := self.cover()) else []

    @property
    def card_lines(self) -> tuple[str | None, str]:
        """What a social card prints: a line above the title (a document's type and number), and the title."""
        return None, self.title

    def spellings(self) -> list[str]:
        """How an editor may name the entry instead of writing its id."""
        return [self.title]

    @property
    def identity(self) -> str | None:
        """What makes two entries the same thing besides their id (a document: issuer, year, number)."""
        return None

    def nested_refs(self) -> Iterator[RefField]:
        """Ids held inside lists of the front matter (the top-level ones are ``ref_fields``, checked
        on the raw front matter so that an invalid entry still has them checked)."""
        return iter(())

    def own_files(self) -> list[FileRef]:
        """Files of the front matter (cover, photos, attachments)."""
        return []

    def files(self) -> list[FileRef]:
        """Every file the entry uses: its own, then the body's local images."""
        return self.own_files() + self.body_images()

    def body_images(self) -> list[FileRef]:
        """Images of the body (Markdown ![alt](src) and <img>), local ones only."""
        return list(self._body_images)

    @cached_property  # (the body never changes once read; every build asks)
    def _body_images(self) -> tuple[FileRef, ...]:
        return tuple(body_images(self.body, self.parsed.body_line))
