"""Image checks with Pillow: the file exists and really is an image we can serve."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError

MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}


@lru_cache(maxsize=None)
def check_image(path: Path) -> tuple[str, str] | None:
    """None if ``path`` is a readable JPEG/PNG/WebP/GIF, else (problem, fix)."""
    if not path.is_file():
        return "does not exist", "check the path (it is relative to the Markdown file) or add the image"
    try:
        with Image.open(path) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        return f"is not a readable image ({exc.__class__.__name__})", "export the picture again as JPEG or PNG"
    if kind not in MEDIA_TYPES:
        return f"is a {kind} image", "use JPEG, PNG or WebP"
    return None


def media_type(path: Path) -> str:
    if path.suffix.lower() == ".pdf":
        return "application/pdf"
    with Image.open(path) as image:
        return MEDIA_TYPES[image.format]


def check_attachment(path: Path) -> tuple[str, str] | None:
    """None if ``path`` is a PDF we can link to, else (problem, fix)."""
    if not path.is_file():
        return "does not exist", "check the path (it is relative to the Markdown file) or add the file"
    if path.suffix.lower() != ".pdf":
        return "is not a .pdf file", "attach the document as PDF"
    with path.open("rb") as file:
        if file.read(5) != b"%PDF-":
            return "is not a readable PDF", "export the document again as PDF"
    return None
