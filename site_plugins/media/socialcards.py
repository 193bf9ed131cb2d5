"""Social cards: the 1200×630 picture Facebook, Zalo and others show for a shared link.

Drawn with Pillow: the kicker (column, document type or "Cơ quan"), the number-symbol of a
document, the title wrapped and fitted, the site's name and emblem, and the cover photo where
there is one. The font is Noto Sans (SIL Open Font License), shipped inside the package (fonts/,
Latin and Vietnamese, with its licence) — never fetched from a font service — so a site installed
with pip alone has its cards; a font that cannot be read stops the build (``check_fonts``), never
a site published without pictures on its shared links. Cards are cached like images, keyed by
what they show and how they are encoded."""

from __future__ import annotations

import hashlib
import io
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont, ImageOps

from ..common.cachefiles import Fingerprint, fingerprint, matches, read_json, write_json
from ..common.messages import problem
from ..common.problems import Problem

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).resolve().parent / "fonts"
BOLD, REGULAR = FONTS / "NotoSans-Bold.ttf", FONTS / "NotoSans-Regular.ttf"
VERSION = 2  # 2: drawn with the fonts shipped in fonts/

# How a card is encoded, chosen by measurement (docs/BENCHMARK.md, 2026-12-06). Share targets
# reliably show JPEG and PNG as og:image; WebP is refused by LinkedIn (and has been by X's cards),
# WhatsApp lists only JPEG, PNG and GIF and Zalo documents nothing, so neither WebP nor AVIF is used.
# - A card without a photo holds only the brand colour, white and the accent, and the
#   anti-aliased edges between them. As a PNG of 31 colours (16 steps from the brand colour to
#   white and 16 to the accent) it is the same picture, letters' edges included (no channel off
#   by more than 12 of 255), in 6-30 kB. A JPEG rings around every letter: 21-110 kB at quality
#   86 and still 21-70 kB at quality 60.
# - A card with a photo stays a JPEG (4:2:0, quality 70, optimised, progressive): 27% smaller
#   than quality 86 and no visible difference at full size. Its letters still cost 23-47 kB, so
#   such a card is 30-60 kB with the demo's photos (more with a detailed photo); WebP would halve
#   that but is not shown everywhere.
# Each setting is part of a card's key: changing one draws every card again.
PNG_STEPS = 16  # per ramp: brand → white and brand → accent
PNG = {"compress_level": 7}  # 9 saves ~8% more for 5x the time
JPEG = {"quality": 70, "subsampling": 2, "optimize": True, "progressive": True}


@dataclass(frozen=True)
class Card:
    title: str
    kicker: str
    number: str | None
    site_name: str
    cover: Path | None  # a processed (metadata-free) rendition, or None
    brand: str = "#0b5130"
    accent: str = "#ffd54f"  # on the brand green: 6.7:1

    @property
    def suffix(self) -> str:
        return ".jpg" if self.cover is not None else ".png"

    def key(self) -> str:
        return _key(self, json.dumps([JPEG] if self.cover else [PNG_STEPS, PNG]))


@lru_cache(maxsize=65536)  # the same cards at every build, and at every save of the preview
def _key(card: Card, encoding: str) -> str:
    # a rendition's folder is the content hash of its upload (pictures.py): no need to read it again
    cover = f"{card.cover.parent.name}/{card.cover.name}" if card.cover else ""
    data = json.dumps([VERSION, json.loads(encoding), card.title, card.kicker, card.number, card.site_name, cover, card.brand, card.accent])
    return hashlib.sha256(data.encode()).hexdigest()[:20]


def _face(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """The font read from our own file's bytes: given a path it cannot read, Pillow would quietly
    take a system font of the same file name instead (Debian's fonts-noto-core has NotoSans-Bold.ttf)."""
    return ImageFont.truetype(io.BytesIO(path.read_bytes()), size)


@cache
def font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """One face per size for the whole build: FreeType keeps its rendered glyphs (5× faster cards)."""
    return _face(path, size)


def check_fonts() -> list[Problem]:
    """A problem for each font of the cards that FreeType cannot read (missing, cut short, not a font)."""
    problems = []
    for path in (BOLD, REGULAR):
        try:
            _face(path, 32).getbbox("Đường")
        except OSError as error:
            problems.append(Problem(str(path), 0, "", *problem("card.font_broken", error=str(error) or type(error).__name__)))
    return problems


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def fit_title(draw: ImageDraw.ImageDraw, title: str, width: int, height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size (64 down to 30 px) at which the title fits the box; else cut with "…"."""
    for size in range(64, 29, -2):
        face = font(BOLD, size)
        lines = _wrap(draw, title, face, width)
        if len(lines) * size * 1.25 <= height:
            return face, lines
    face = font(BOLD, 30)
    lines = _wrap(draw, title, face, width)[: int(height // (30 * 1.25))]
    return face, [*lines[:-1], lines[-1].rstrip(",;:") + " …"]


def draw(card: Card) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), card.brand)
    text_width = WIDTH - 120
    if card.cover is not None:
        with Image.open(card.cover) as cover:
            photo = ImageOps.fit(cover.convert("RGB"), (460, HEIGHT))
        image.paste(photo, (WIDTH - 460, 0))
        text_width = WIDTH - 460 - 110
    pen = ImageDraw.Draw(image)
    y = 56
    kicker = font(BOLD, 28)
    pen.text((60, y), card.kicker.upper(), font=kicker, fill=card.accent)
    y += 48
    if card.number:
        pen.text((60, y), card.number, font=font(REGULAR, 32), fill="#ffffff")
        y += 52
    title_font, lines = fit_title(pen, card.title, text_width, HEIGHT - y - 130)
    for line in lines:
        pen.text((60, y), line, font=title_font, fill="#ffffff")
        y += int(title_font.size * 1.25)
    # the emblem and the site's name at the bottom
    pen.ellipse((60, HEIGHT - 96, 108, HEIGHT - 48), fill="#ffffff")
    pen.ellipse((66, HEIGHT - 90, 102, HEIGHT - 54), outline=card.brand, width=4)
    pen.polygon([(84, HEIGHT - 86), (90, HEIGHT - 74), (84, HEIGHT - 62), (78, HEIGHT - 74)], fill=card.brand)
    pen.text((124, HEIGHT - 92), card.site_name, font=font(BOLD, 30), fill="#ffffff")
    return image


def _ramps(card: Card) -> Image.Image:
    """The palette of a card without a photo: every colour between the brand colour and white, and
    between it and the accent, in ``PNG_STEPS`` steps (the brand colour once)."""
    brand = ImageColor.getrgb(card.brand)[:3]
    colours: list[tuple[int, ...]] = [brand]
    for top in ((255, 255, 255), ImageColor.getrgb(card.accent)[:3]):
        colours += [tuple(round(b + (t - b) * i / (PNG_STEPS - 1)) for b, t in zip(brand, top, strict=True)) for i in range(1, PNG_STEPS)]
    palette = Image.new("P", (1, 1))
    palette.putpalette([value for colour in dict.fromkeys(colours) for value in colour])
    return palette


def encode(card: Card, image: Image.Image, target: Path | io.BytesIO) -> None:
    """The card in its format (see ``JPEG`` and ``PNG`` above for why)."""
    if card.cover is not None:
        image.save(target, "JPEG", **JPEG)
    else:
        image.quantize(palette=_ramps(card), dither=Image.Dither.NONE).save(target, "PNG", **PNG)


def _save(job: tuple[Card, Path]) -> Fingerprint:
    card, target = job
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    encode(card, draw(card), temporary)
    os.replace(temporary, target)
    return fingerprint(target)


MANIFEST = "index.json"  # card file → its fingerprint when drawn (cachefiles.py)


def render_all(cards: list[Card], cache_dir: Path) -> tuple[list[Path], list[str]]:
    """Each card's file in the cache, and the cached cards found damaged (drawn again). Only cards
    whose content changed, or whose file is not the one drawn, are drawn, on every core."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    seal = read_json(cache_dir / MANIFEST)
    seal = seal if isinstance(seal, dict) else {}
    targets = [cache_dir / f"{card.key()}{card.suffix}" for card in cards]
    todo = list({t: (c, t) for c, t in zip(cards, targets, strict=True) if not matches(t, seal.get(t.name))}.values())
    # damaged: a card the manifest knows whose file is not what was drawn (a card drawn meanwhile by
    # another build, whose entry is not in the manifest read here yet, is simply drawn again)
    damaged = [target.name for _, target in todo if target.name in seal and target.exists()]
    if len(todo) > 50 and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
            made = list(pool.map(_save, todo, chunksize=32))
    else:
        made = [_save(job) for job in todo]
    if made:
        current = read_json(cache_dir / MANIFEST)  # another build may have drawn cards meanwhile: keep them
        seal = {**(current if isinstance(current, dict) else {}), **seal, **{t.name: f for (_, t), f in zip(todo, made, strict=True)}}
        write_json(cache_dir / MANIFEST, seal)
    return targets, damaged
