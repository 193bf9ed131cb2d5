"""Which files under content/ a build reads and publishes.

Content is read only from inside the content folder: a symbolic link (to a file or a folder)
whose target lies outside it is an error naming the link, and so is a path written in the
content (a cover, a photo, an attachment, a body image) that leads outside it. Files are
published by an allow-list of types: Markdown pages, pictures (only as their cleaned renditions,
see pictures.py) and PDF documents. A raw .html page, an SVG picture (it can carry script) or
anything else is not published, with a warning naming the file."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from ..common.messages import problem, t
from ..common.problems import Problem
from .datasets import FOLDER as DATA_DIR
from .polls import FOLDER as POLL_DIR

PAGES = frozenset({"md"})
# Uploads of pictures: never published as they are; an upload an entry uses is replaced by its
# cleaned full-size rendition (pictures.py), an unused one is left out.
PICTURES = frozenset({"jpg", "jpeg", "png", "webp", "gif", "avif", "tif", "tiff", "bmp", "heic"})
DOCUMENTS = frozenset({"pdf"})
REGISTRY_DIR = "_registry"  # data, read by the build, never published
DATA_TYPES = frozenset({"yml", "csv"})  # the data files of figures in content/so-lieu/ (datasets.py): read, never published
ALLOWED = ".md, .jpg, .png, .webp, .pdf"  # as editors are told


def extension(path: str | Path) -> str:
    name = Path(path).name
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def inside(path: str | Path, root: str | Path, link: bool | None = None) -> bool:
    """Whether ``path``, with every symbolic link followed, lies in ``root`` (string operations:
    a large build asks this of every file it reads and writes). ``link``: whether the file itself
    is a symbolic link, when the caller knows it (None: asked of the file system)."""
    folder, name = os.path.split(os.fspath(path))
    real = os.path.join(_real_folder(folder or "."), name)  # folders resolved once per build: a section holds thousands of files
    if name in ("", ".", "..") or (os.path.islink(real) if link is None else link):
        real = os.path.realpath(real)
    top = _real_folder(os.fspath(root))
    return real == top or real.startswith(top if top.endswith(os.sep) else top + os.sep)


@functools.lru_cache(maxsize=8192)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def forget_folders() -> None:
    """A new build: folders may have been replaced by links since the last one (the preview's process lives on)."""
    _real_folder.cache_clear()


def hidden(src_uri: str) -> bool:
    """Files and folders whose name starts with a dot (.git, .DS_Store) are not content (MkDocs skips them too)."""
    return any(part.startswith(".") for part in src_uri.split("/"))


def publishable(src_uri: str) -> bool:
    """Whether MkDocs may copy this content file into the site as it is (pages are rendered; pictures
    never qualify: their renditions replace them)."""
    ext = extension(src_uri)
    if src_uri.startswith(f"{REGISTRY_DIR}/") or hidden(src_uri):
        return False
    return ext in PAGES or ext in DOCUMENTS  # a PDF an entry attaches is checked by loading (images.inspect_attachment)


def scan(content_dir: Path) -> list[Problem]:
    """Symbolic links leaving the content folder (errors) and files that will not be published
    because of their type (warnings), without following any link."""
    root = content_dir.resolve()
    problems: list[Problem] = []
    folders = [(content_dir, "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as listing:  # (whether each is a link or a folder comes with the listing: no call per file)
            found = sorted(listing, key=lambda each: each.name)
        walked = [each for each in found if each.is_dir(follow_symlinks=False) and not each.name.startswith(".")]
        folders += [(Path(each.path), f"{prefix}{each.name}/") for each in reversed(walked)]  # depth first, in name order (as os.walk)
        for each in found:
            folder_like = each.is_dir()  # a link to a folder counts as one (never walked: it is checked here)
            if folder_like and each.name.startswith("."):
                continue  # hidden folders are not content
            src_uri = f"{prefix}{each.name}"
            display = f"{content_dir.name}/{src_uri}"
            if each.is_symlink() and not Path(each.path).resolve().is_relative_to(root):
                problems.append(Problem(display, 0, "", *problem("file.symlink_outside", target=os.readlink(each.path), content=content_dir.name)))
                continue
            if folder_like or hidden(src_uri) or src_uri.startswith(f"{REGISTRY_DIR}/"):
                continue
            ext = extension(each.name)
            data = (ext in DATA_TYPES and src_uri.startswith(f"{DATA_DIR}/")) or (ext == "yml" and src_uri.startswith(f"{POLL_DIR}/"))  # read, never published
            if ext in PAGES or ext in PICTURES or ext in DOCUMENTS or data:
                continue
            fix = t("file.not_published.svg" if ext == "svg" else "file.not_published.fix")
            message = problem("file.not_published", ext=f".{ext}" if ext else each.name, allowed=ALLOWED, fix=fix)
            problems.append(Problem(display, 0, "", *message, warning=True))
    return problems
