"""Files entries point at (images, PDF attachments): checked once while validating, and their
facts (size, media type, dimensions) recorded for the pages and feeds that need them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError

MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}


@dataclass(frozen=True)
class FileFacts:
    size: int  # bytes
    media_type: str
    width: int | None = None
    height: int | None = None


class BadFile(Exception):
    """A file an entry points at cannot be published: what is wrong, and the fix."""

    def __init__(self, problem: str, fix: str):
        super().__init__(problem)
        self.problem, self.fix = problem, fix


@cache
def inspect_image(path: Path) -> FileFacts:
    """Facts of a readable JPEG/PNG/WebP/GIF; BadFile otherwise."""
    if not path.is_file():
        raise BadFile("does not exist", "check the path (it is relative to the Markdown file) or add the image")
    try:
        with Image.open(path) as image:
            kind, (width, height) = image.format, image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise BadFile(f"is not a readable image ({exc.__class__.__name__})", "export the picture again as JPEG or PNG") from None
    if kind not in MEDIA_TYPES:
        raise BadFile(f"is a {kind} image", "use JPEG, PNG or WebP")
    return FileFacts(path.stat().st_size, MEDIA_TYPES[kind], width, height)


def inspect_attachment(path: Path) -> FileFacts:
    """Facts of a PDF we can link to; BadFile otherwise."""
    if not path.is_file():
        raise BadFile("does not exist", "check the path (it is relative to the Markdown file) or add the file")
    if path.suffix.lower() != ".pdf":
        raise BadFile("is not a .pdf file", "attach the document as PDF")
    with path.open("rb") as file:
        if file.read(5) != b"%PDF-":
            raise BadFile("is not a readable PDF", "export the document again as PDF")
    return FileFacts(path.stat().st_size, "application/pdf")
