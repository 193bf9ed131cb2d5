"""Published images: private, responsive, cached.

Every image an entry uses (cover, photos, body images) is read with Pillow, turned upright from
its EXIF orientation, converted to sRGB, and written again WITHOUT any metadata (GPS, camera,
serials, names, times, XMP, IPTC, ICC) in several widths (never upscaled): AVIF and WebP, with
JPEG (photos) or PNG (graphics: transparency or few colours) as the fallback. The upload itself
is never published. Results are cached by content hash + settings in a folder that is safe to
delete; a rebuild with unchanged images encodes nothing, and every reused file is checked against
the hash recorded when it was made (cachefiles.py): a damaged entry is made again and reported.
Encoding runs in a process pool; a picture an encoder refuses is a message naming it."""

from __future__ import annotations

import hashlib
import io
import json
import os
import posixpath
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lxml import html as lxml_html
from PIL import Image, ImageCms, ImageOps

from ..common.cachefiles import fingerprint, matches, read_json, write_json
from ..common.vietnamese import slugify

WIDTHS = (480, 960, 1600)
QUALITY = {"avif": 55, "webp": 80, "jpeg": 82}
MEDIA = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
SETTINGS_VERSION = 1  # bump when the encoding changes: every cached image is made again


@dataclass(frozen=True)
class Rendition:
    path: str  # site path: img/<key>/<name>-960.webp
    width: int
    height: int
    media_type: str
    size: int

    def data(self) -> dict:
        """As templates and JSON take it (``dataclasses.asdict`` copies deeply: 20 times slower)."""
        return {"path": self.path, "width": self.width, "height": self.height, "media_type": self.media_type, "size": self.size}


@dataclass
class Picture:
    source: str  # site path of the upload: anh/che-shan-tuyet.jpg
    key: str  # content hash + settings
    width: int  # of the largest rendition
    height: int
    fallback: str  # "jpeg" or "png"
    renditions: list[Rendition] = field(default_factory=list)

    def of(self, fmt: str) -> list[Rendition]:
        return [r for r in self.renditions if r.media_type == MEDIA[fmt]]

    def best(self, fmt: str, width: int) -> Rendition:
        """The smallest rendition of ``fmt`` at least ``width`` wide (else the largest)."""
        options = self.of(fmt)
        return next((r for r in options if r.width >= width), options[-1])

    def sources(self) -> list[dict]:
        """For <picture>: modern formats first, then the fallback, each with its srcset."""
        return [{"type": MEDIA[fmt], "renditions": [r.data() for r in self.of(fmt)]} for fmt in ("avif", "webp", self.fallback)]


def cache_key(data: bytes, widths: tuple[int, ...]) -> str:
    settings = json.dumps([SETTINGS_VERSION, widths, QUALITY], sort_keys=True).encode()
    return hashlib.sha256(settings + data).hexdigest()[:20]


def _is_graphic(image: Image.Image) -> bool:
    """Keep PNG for graphics: transparency, or few colours (logos, charts, scanned text)."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        return True
    return image.mode == "P" or image.convert("RGB").getcolors(256) is not None


def _srgb(image: Image.Image) -> Image.Image:
    """Apply the embedded colour profile, if any, into sRGB (browsers assume sRGB without one)."""
    icc = image.info.get("icc_profile")
    mode = "RGBA" if image.mode in ("RGBA", "LA", "P") and ("transparency" in image.info or image.mode != "P") else "RGB"
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            image = ImageCms.profileToProfile(image.convert(mode), source, ImageCms.createProfile("sRGB"), outputMode=mode) or image
        except (ImageCms.PyCMSError, OSError):
            pass
    return image.convert(mode)


def encode(source: Path, folder: Path, name: str, widths: tuple[int, ...]) -> dict:
    """Make every rendition of one image into ``folder`` (a cache entry); return its description."""
    with Image.open(source) as opened:
        graphic = _is_graphic(opened)
        image = _srgb(ImageOps.exif_transpose(opened))  # upright, then sRGB; no metadata is carried over
    fallback = "png" if graphic else "jpeg"
    sizes = sorted({min(w, image.width) for w in widths})
    tmp = folder.with_name(folder.name + f".tmp{os.getpid()}")
    tmp.mkdir(parents=True, exist_ok=True)
    made = []
    for width in sizes:
        height = round(image.height * width / image.width)
        resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
        for fmt in ("avif", "webp", fallback):
            target = tmp / f"{name}-{width}.{'jpg' if fmt == 'jpeg' else fmt}"
            frame = resized.convert("RGB") if fmt == "jpeg" else resized
            options = {"quality": QUALITY[fmt]} if fmt in QUALITY else {"optimize": True}
            if fmt == "jpeg":
                options.update(optimize=True, progressive=True)
            frame.save(target, format=fmt.upper(), **options)  # no exif=, icc_profile=, xmp=: nothing is kept
            made.append({"file": target.name, "width": width, "height": height, "media_type": MEDIA[fmt], "size": target.stat().st_size})
    meta = {"width": sizes[-1], "height": round(image.height * sizes[-1] / image.width), "fallback": fallback, "renditions": made,
            "files": {str(r["file"]): fingerprint(tmp / str(r["file"])) for r in made}}  # fmt: skip
    (tmp / "meta.json").write_text(json.dumps(meta), "utf-8")
    if folder.exists():  # another worker made it meanwhile
        shutil.rmtree(tmp)
    else:
        tmp.rename(folder)
    return meta


@dataclass
class Pipeline:
    content_dir: Path
    cache_dir: Path
    widths: tuple[int, ...] = WIDTHS
    encoded: int = 0
    reused: int = 0
    pictures: dict[str, Picture] = field(default_factory=dict)  # source site path → picture
    damaged: list[str] = field(default_factory=list)  # cache entries found damaged and made again
    failed: dict[str, str] = field(default_factory=dict)  # source site path → what the encoder said

    def run(self, sources: list[str]) -> dict[str, Picture]:
        """Process every source (site paths); encode only what the cache does not hold intact."""
        todo = []
        keys = {}
        metas = {}
        for source in dict.fromkeys(sources):
            key = cache_key((self.content_dir / source).read_bytes(), self.widths)
            keys[source] = key
            folder = self.cache_dir / key
            if (meta := _intact(folder)) is not None:
                metas[source] = meta
                continue
            if folder.exists():  # a rendition changed or vanished, or meta.json is not what we wrote
                self.damaged.append(f"{folder.name} ({source})")
                shutil.rmtree(folder, ignore_errors=True)
            todo.append(source)
        if todo:
            jobs = [(self.content_dir / s, self.cache_dir / keys[s], _name(s), self.widths) for s in todo]
            if len(jobs) > 1 and (os.cpu_count() or 1) > 1:
                with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
                    results = list(pool.map(_encode_job, jobs))
            else:
                results = [_encode_job(job) for job in jobs]
            for source, result in zip(todo, results, strict=True):
                if "error" in result:
                    self.failed[source] = result["error"]
                else:
                    metas[source] = result
        self.encoded += len(todo) - len(self.failed)
        self.reused += len(keys) - len(todo)
        for source, key in keys.items():
            if source not in metas:
                continue
            meta = metas[source]
            renditions = [Rendition(f"img/{key}/{r['file']}", r["width"], r["height"], r["media_type"], r["size"]) for r in meta["renditions"]]
            self.pictures[source] = Picture(source, key, meta["width"], meta["height"], meta["fallback"], renditions)
        return self.pictures

    def crops(self, picture: Picture) -> list[str]:
        """The picture cropped to 16:9, 4:3 and 1:1 (search engines ask for all three), as JPEG."""
        folder, name = self.cache_dir / picture.key, _name(picture.source)
        largest = folder / picture.of(picture.fallback)[-1].path.rsplit("/", 1)[-1]
        seal = read_json(folder / CROPS)
        seal = seal if isinstance(seal, dict) else {}
        paths, made = [], False
        for label, ratio in (("16x9", 16 / 9), ("4x3", 4 / 3), ("1x1", 1.0)):
            target = folder / f"{name}-{label}.jpg"
            if not matches(target, seal.get(target.name)):
                temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
                with Image.open(largest) as image:
                    width = min(1200, image.width, round(image.height * ratio))
                    ImageOps.fit(image.convert("RGB"), (width, round(width / ratio))).save(temporary, "JPEG", quality=QUALITY["jpeg"], optimize=True)
                os.replace(temporary, target)
                seal[target.name], made = fingerprint(target), True
            paths.append(f"img/{picture.key}/{target.name}")
        if made:
            write_json(folder / CROPS, seal)
        return paths


CROPS = "crops.json"  # the fingerprints of a picture's crops, made after its renditions


def original(picture: Picture, cache_dir: Path) -> bytes:
    """What the upload's own URL serves: the largest rendition in the upload's format (metadata-free)."""
    ext = picture.source.rsplit(".", 1)[-1].lower()
    fmt = {"jpg": "jpeg", "jpeg": "jpeg", "png": "png", "webp": "webp", "avif": "avif"}.get(ext, picture.fallback)
    if fmt == "jpeg" and picture.fallback == "png":
        fmt = "png"
    largest = (picture.of(fmt) or picture.of(picture.fallback))[-1]
    return (cache_dir / picture.key / largest.path.rsplit("/", 1)[-1]).read_bytes()


def _intact(folder: Path) -> dict | None:
    """A cache entry's description when every rendition it lists is there with the recorded bytes."""
    meta = read_json(folder / "meta.json")
    try:
        files = meta["files"]
        if all(matches(folder / r["file"], files.get(r["file"])) for r in meta["renditions"]) and meta["renditions"]:
            return meta
    except (TypeError, KeyError, AttributeError):
        pass
    return None


def _name(source: str) -> str:
    return slugify(Path(source).stem) or "anh"


def _encode_job(job: tuple) -> dict:
    """One picture's renditions; what an encoder refuses is returned as a message, never raised."""
    try:
        return encode(*job)
    except (OSError, ValueError, MemoryError, Image.DecompressionBombError) as exc:
        folder: Path = job[1]
        shutil.rmtree(folder.with_name(folder.name + f".tmp{os.getpid()}"), ignore_errors=True)
        return {"error": f"{exc.__class__.__name__}: {exc}"}


BODY_SIZES = "(min-width: 50em) 46rem, 100vw"  # body images fill the reading column


def responsive(fragment: str, page_url: str, src_uri: str, pictures: dict[str, Picture]) -> str:
    """Body images as <picture> with every rendition (paths relative to the page), sizes, width and
    height (nothing shifts while loading), lazy loading and async decoding."""
    if "<img" not in fragment:
        return fragment
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    changed = False
    for img in list(root.iter("img")):
        src = img.get("src") or ""
        # Markdown images were made relative to the page by MkDocs; raw <img> stay relative to the file
        picture = pictures.get(posixpath.normpath(posixpath.join(page_url, src))) or pictures.get(
            posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), src))
        )
        if picture is None or "://" in src:
            continue
        here = page_url.rstrip("/") or "."
        element = lxml_html.Element("picture")
        for source in picture.sources()[:-1]:
            srcset = ", ".join(f"{posixpath.relpath(r['path'], here)} {r['width']}w" for r in source["renditions"])
            element.append(lxml_html.Element("source", type=source["type"], srcset=srcset, sizes=BODY_SIZES))
        fallback = picture.best(picture.fallback, 960)
        img.set("src", posixpath.relpath(fallback.path, here))
        img.set("srcset", ", ".join(f"{posixpath.relpath(r.path, here)} {r.width}w" for r in picture.of(picture.fallback)))
        img.set("sizes", BODY_SIZES)
        img.set("width", str(picture.width))
        img.set("height", str(picture.height))
        img.set("loading", "lazy")
        img.set("decoding", "async")
        element.tail, img.tail = img.tail, None
        img.getparent().replace(img, element)
        element.append(img)
        changed = True
    if not changed:
        return fragment
    return (root.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in root)
