"""What the build makes from the catalog's pictures, kept beside the catalog (which it never
changes): renditions of every image entries use, the cover crops a news article's JSON-LD asks
for, and a 1200×630 social card for every entry and agency. Views, feeds and the search index
read this result; the output stage links its cached files into the site."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..catalog.catalog import Catalog
from ..common.messages import problem
from ..common.problems import ContentError, Problem
from . import socialcards
from .pictures import Picture, Pipeline

CARDS = "img/chia-se/"  # where social cards are published
AGENCY_KICKER = "Cơ quan, đơn vị"


@dataclass(frozen=True)
class Media:
    pictures: dict[str, Picture] = field(default_factory=dict)  # an upload's site path → its renditions
    crops: dict[str, list[str]] = field(default_factory=dict)  # article id → its picture in 16:9, 4:3 and 1:1
    cards: dict[str, str] = field(default_factory=dict)  # entry id or "agency:<id>" → site path of its social card
    card_files: dict[str, Path] = field(default_factory=dict)  # a card's site path → its file in the cache
    cache_dir: Path | None = None  # the renditions' folder: the output stage links them into the site
    encoded: int = 0
    reused: int = 0
    damaged: list[str] = field(default_factory=list)  # cache entries found damaged and made again

    def picture_file(self, picture: Picture, width: int = 960) -> Path:
        """The cached file of a picture's fallback rendition at ``width``."""
        assert self.cache_dir is not None
        return self.cache_dir / picture.key / picture.best(picture.fallback, width).path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Brand:
    site_name: str
    colour: str = "#0b5130"


def make_media(catalog: Catalog, cache_dir: Path, brand: Brand) -> Media:
    """Renditions, crops and cards for the catalog. A picture an encoder refuses, or a font of the
    cards that cannot be read, is a ContentError naming it: no site is published without its cards."""
    if font_problems := socialcards.check_fonts():
        raise ContentError(font_problems)
    pipeline = Pipeline(catalog.content_dir, cache_dir)
    pictures = pipeline.run([path for e in catalog.entries for path in catalog.images.get(e.id, [])])
    if pipeline.failed:
        folder = catalog.content_dir.name
        raise ContentError([Problem(f"{folder}/{src}", 0, "", *problem("image.encode_failed", error=error)) for src, error in pipeline.failed.items()])
    crops: dict[str, list[str]] = {}
    drawn: dict[str, socialcards.Card] = {}
    cropped: dict[str, list[str]] = {}  # by picture: one picture may illustrate many entries
    covers = {picture.key: Media(cache_dir=cache_dir).picture_file(picture) for picture in pictures.values()}
    for entry in catalog.entries:
        shown = entry.picture(catalog.images.get(entry.id, []))
        picture = pictures.get(shown) if shown else None
        if picture is not None and entry.schema_type == "NewsArticle":  # search engines ask news for three crops
            if picture.key not in cropped:
                cropped[picture.key] = pipeline.crops(picture)
            crops[entry.id] = cropped[picture.key]
        above, title = entry.card_lines
        cover = covers[picture.key] if picture else None
        drawn[entry.id] = socialcards.Card(title, entry.kicker(catalog.registries), above, brand.site_name, cover, brand.colour)
    for agency in catalog.registries.agencies.values():
        drawn[f"agency:{agency.id}"] = socialcards.Card(agency.name, AGENCY_KICKER, None, brand.site_name, None, brand.colour)
    damaged = list(pipeline.damaged)
    card_paths: dict[str, str] = {}
    card_files: dict[str, Path] = {}
    files, broken = socialcards.render_all(list(drawn.values()), cache_dir / "social")
    damaged += broken
    for key, path in zip(drawn, files, strict=True):
        card_paths[key] = f"{CARDS}{path.name}"
        card_files[f"{CARDS}{path.name}"] = path
    return Media(pictures, crops, card_paths, card_files, cache_dir, pipeline.encoded, pipeline.reused, damaged)
