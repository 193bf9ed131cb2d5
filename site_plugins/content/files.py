"""Files entries point at (images, PDF attachments): checked once while validating, and their
facts (size, media type, dimensions) recorded for the pages and feeds that need them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ..common.messages import problem, t

MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}


@dataclass(frozen=True)
class FileFacts:
    size: int  # bytes
    media_type: str
    width: int | None = None
    height: int | None = None


class BadFile(Exception):
    """A file an entry points at cannot be published: what is wrong, and the fix."""

    def __init__(self, key: str, **values: object):
        self.problem, self.fix = problem(key, **values)
        super().__init__(self.problem)


MAX_PIXELS = 40_000_000  # a larger picture is refused (decompression bombs; 40 megapixels is plenty for the web)
MAX_SIDE = 16_383  # the longest side every encoder of the renditions accepts (WebP's limit)


@cache
def inspect_image(path: Path, max_pixels: int = MAX_PIXELS) -> FileFacts:
    """Facts of a readable JPEG/PNG/WebP/GIF; BadFile otherwise."""
    if not path.is_file():
        raise BadFile("image.missing", looked=path.as_posix(), fix=t("image.missing.fix"))
    try:
        with Image.open(path) as image:
            kind, (width, height) = image.format, image.size
            if width * height > max_pixels:  # checked before any pixel is decoded
                raise BadFile("image.too_large", width=width, height=height, limit=f"{max_pixels:,}".replace(",", "."))
            if max(width, height) > MAX_SIDE:  # WebP's limit: a 100×20000 strip passes the pixel limit
                raise BadFile("image.too_long", width=width, height=height, limit=f"{MAX_SIDE:,}".replace(",", "."))
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise BadFile("image.unreadable", error=exc.__class__.__name__) from None
    if kind not in MEDIA_TYPES:
        raise BadFile("image.format", format=kind)
    return FileFacts(path.stat().st_size, MEDIA_TYPES[kind], width, height)


def inspect_attachment(path: Path) -> FileFacts:
    """Facts of a PDF we can link to; BadFile otherwise."""
    if not path.is_file():
        raise BadFile("image.missing", looked=path.as_posix(), fix=t("file.missing.fix"))
    if path.suffix.lower() != ".pdf":
        raise BadFile("pdf.not_pdf")
    with path.open("rb") as file:
        if file.read(5) != b"%PDF-":
            raise BadFile("pdf.unreadable")
    return FileFacts(path.stat().st_size, "application/pdf")


@dataclass(frozen=True)
class FileRef:
    """A file an entry points at: where it is written and what it must be."""

    field: str  # "cover.src", "photos.0.src", "attachments.1.src", "body"
    line: int
    src: str  # as written, relative to the Markdown file
    image: bool
    alt: str | None  # the alt text an image has (None: none)


BODY_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)|<img\b(?P<attrs>[^>]*)>", re.I)
_ATTR = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def body_images(body: str, first_line: int) -> list[FileRef]:
    """Images of a body (Markdown ![alt](src) and <img>), local ones only, with their lines."""
    found = []
    for match in BODY_IMAGE.finditer(body):
        if match["attrs"] is not None:
            attrs = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in _ATTR.finditer(match["attrs"])}
            src, alt = attrs.get("src", ""), attrs.get("alt")
        else:
            src, alt = match["src"], match["alt"]
        if not src or re.match(r"^([a-z]+:|//|#)", src, re.I):
            continue  # another host (the sanitiser and the browser deal with it) or an anchor
        line = first_line + body.count("\n", 0, match.start())
        found.append(FileRef("body", line, src, True, alt.strip() if alt and alt.strip() else None))
    return found
