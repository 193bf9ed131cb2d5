"""PyYAML with libyaml's C emitter and parser where the installed wheel has them (several times
faster; the same text for the data the portal writes), its pure-Python classes otherwise. Content
files are parsed by content/frontmatter.py, which falls back to the pure-Python loader for its error
messages."""

from __future__ import annotations

from typing import Any

import yaml

SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def dump(data: Any, **options: Any) -> str:
    return yaml.dump(data, Dumper=SAFE_DUMPER, **options)


def load(text: str) -> Any:
    """Data the portal ships or wrote itself (not an editor's file: content/frontmatter.py)."""
    return yaml.load(text, Loader=SAFE_LOADER)
