"""The media stage's files in the site: each picture's renditions and crops, and the social cards,
linked from the cache (never copied where the file system allows a hard link). The uploads
themselves are never published."""

from __future__ import annotations

from pathlib import Path

from ..media.media import Media
from ..media.pictures import CROPS
from .outputfiles import absent, link_or_copy, link_tree


def publish_media(media: Media, out: Path) -> None:
    if media.cache_dir is not None:
        for picture in media.pictures.values():
            if (target := absent(out, f"img/{picture.key}")) is not None:  # a folder is named by the content hash: what is there is right
                link_tree(media.cache_dir / picture.key, target, ignore=("meta.json", CROPS, ".*"))
    for path, source in media.card_files.items():
        if (target := absent(out, path)) is not None:  # named by the hash of what they show
            target.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(source, target)
