"""The media stage's files in the site: each picture's renditions and crops, and the social cards,
linked from the cache (never copied where the file system allows a hard link). The uploads
themselves are never published."""

from __future__ import annotations

from pathlib import Path

from ..media.media import Media
from ..media.pictures import CROPS
from .outputfiles import absent, link_or_copy, link_tree


def publish_media(media: Media, out: Path, there: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Every rendition folder and card of ``media`` linked into ``out`` but those ``there`` names (the
    preview's previous save published them into the same folder); what is published now."""
    published: set[str] = set()
    if media.cache_dir is not None:
        for picture in media.pictures.values():
            published.add(path := f"img/{picture.key}")
            if path not in there and (target := absent(out, path)) is not None:  # a folder is named by the content hash: what is there is right
                link_tree(media.cache_dir / picture.key, target, ignore=("meta.json", CROPS, ".*"))
    for path, source in media.card_files.items():
        published.add(path)
        if path not in there and (target := absent(out, path)) is not None:  # named by the hash of what they show
            target.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(source, target)
    return published
