"""Write the newsroom editor's Vietnamese interface (site_plugins/editors/newsroom/vi.json): Decap
CMS's own `vi` locale, read from the pinned bundle (node_modules/.portal/decap-cms-*.js), with
the strings it lacks or words otherwise taken from vi-extra.json — the part worth sending
upstream. Prints the keys still missing (English would show). Run after changing the Decap
version or vi-extra.json:

    .venv/bin/python scripts/cms_locale.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "site_plugins" / "editors" / "newsroom"


def js_object(text: str, start: int) -> dict:
    """The JavaScript object literal at ``start`` (plain keys; strings in "", '' or ``), as data."""
    out, i, depth = [], start, 0
    while True:
        c = text[i]
        if c in "\"'`":
            value, i = _string(text, i)
            out.append(json.dumps(value, ensure_ascii=False))
        elif c in "{[":
            depth += 1
            out.append(c)
        elif c in "}]":
            depth -= 1
            out.append(c)
            if depth == 0:
                break
        elif c.isalpha() or c in "_$":
            j = i
            while text[j].isalnum() or text[j] in "_$":
                j += 1
            word = text[i:j]
            out.append(f'"{word}"' if text[j] == ":" else word)
            i = j - 1
        elif c == "!" and text[i + 1] in "01":
            out.append("true" if text[i + 1] == "0" else "false")
            i += 1
        else:
            out.append(c)
        i += 1
    return json.loads("".join(out))


def _string(text: str, i: int) -> tuple[str, int]:
    """A JavaScript string literal opening at ``i``: its value and the index of its closing quote."""
    quote, value, i = text[i], [], i + 1
    while text[i] != quote:
        if text[i] == "\\":
            i += 1
            escaped = text[i]
            if escaped == "u":
                value.append(chr(int(text[i + 1 : i + 5], 16)))
                i += 4
            else:
                value.append({"n": "\n", "t": "\t"}.get(escaped, escaped))
        else:
            value.append(text[i])
        i += 1
    return "".join(value), i


def locale(bundle: str, marker: str) -> dict:
    """The locale object holding ``marker`` (one of its strings): from the '{auth:' that opens it."""
    at = bundle.find(marker)
    return js_object(bundle, bundle.rfind("={auth:{", 0, at) + 1)


def flat(data: dict, prefix: str = "") -> dict[str, str]:
    found = {}
    for key, value in data.items():
        found.update(flat(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}": value})
    return found


def merged(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        out[key] = merged(base.get(key, {}), value) if isinstance(value, dict) else value
    return out


def main() -> int:
    bundle = next((ROOT / "node_modules" / ".portal").glob("decap-cms-*.js")).read_text("utf-8")
    english = locale(bundle, '"Login with GitHub"')
    vietnamese = locale(bundle, '"Đăng nhập bằng Bitbucket"')
    extra = json.loads((FOLDER / "vi-extra.json").read_text("utf-8"))
    complete = merged(vietnamese, extra)
    (FOLDER / "vi.json").write_text(json.dumps(complete, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
    missing = sorted(set(flat(english)) - set(flat(complete)))
    print(f"{len(flat(english))} English strings, {len(flat(vietnamese))} in Decap's vi, {len(flat(extra))} added here; missing: {len(missing)}")
    for key in missing:
        print(f"  {key}: {flat(english)[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
