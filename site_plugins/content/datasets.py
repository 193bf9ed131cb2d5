"""Data files: figures editors supply, in ``content/so-lieu/<id>.yml`` (with the rows, or with
``csv: <file>.csv`` beside it), validated like the rest — every problem at its file, line and field.

    title: Hợp tác xã thành lập mới năm 2021 ở Ninh Thuận     # what the figure shows
    unit: hợp tác xã                                        # what the numbers count
    category: Huyện, thành phố                               # the heading of the label column
    series: [Chỉ tiêu, Thực hiện]                            # two or more numbers a row (none: one)
    source: Kế hoạch … của UBND tỉnh Ninh Thuận               # where the numbers come from
    document: ke-hoach-ubnd-ninh-thuan-2021                  # the source on the site (optional)
    date: 2021-12-31                                         # the day the numbers describe
    illustrative: true                                       # demo numbers, marked "(số liệu minh họa)"
    rows:
      - {label: Thành phố Phan Rang – Tháp Chàm, values: [1, 2]}
      - {province: lao-cai, value: 3}                        # the province's name, linked

The figure's id is the file's name; it shares one namespace with the figures the site computes
from its catalog (``BUILT_IN``), and an article embeds any of them with a line
``{{ so-lieu: <id> }}`` (``FIGURE_LINE``)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from ..common.messages import problem, t
from ..common.problems import Problem
from ..common.vietnamese import clean_text, slugify
from .frontmatter import Parsed
from .schema import PlainText, Ref, Strict, VnDate, WebUrl, read_model_file, suggest

FOLDER = "so-lieu"  # content/so-lieu/: data files, read by the build, never published as they are
MAX_ROWS = 100  # a bar chart past a hundred bars is no longer read
MAX_SERIES = 4
MAX_FILE = 1_000_000  # bytes of a data file
# The figures the site computes from its catalog (views/figures.py makes each): id → title.
BUILT_IN = {
    "htx-theo-tinh": "Hợp tác xã trong danh bạ, theo tỉnh, thành phố",
    "htx-theo-linh-vuc": "Hợp tác xã trong danh bạ, theo lĩnh vực",
    "htx-theo-loai-hinh": "Hợp tác xã trong danh bạ, theo loại hình",
    "htx-kieu-moi": "Hợp tác xã kiểu mới trong danh bạ",
    "ocop-theo-hang-sao": "Sản phẩm OCOP của hợp tác xã trong danh bạ, theo hạng sao",
    "ocop-theo-nam": "Sản phẩm OCOP của hợp tác xã trong danh bạ, theo năm công nhận",
    "van-ban-theo-loai": "Văn bản trên cổng, theo loại",
    "van-ban-theo-nam": "Văn bản trên cổng, theo năm ban hành",
    "nhiem-vu-theo-trang-thai": "Nhiệm vụ các văn bản giao, theo trạng thái",
}
# A line of a body that embeds a figure: "{{ so-lieu: htx-theo-tinh }}" (the id as written, checked by loading)
FIGURE_LINE = re.compile(r"^[ \t]*\{\{[ \t]*so-lieu[ \t]*:[ \t]*([^}\s]*)[ \t]*\}\}[ \t]*$", re.M)
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _number(value: Any) -> int | float:
    """A count or amount: a YAML number (never text, never a yes/no), at least 0, at most two decimals."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(t("data.number", value=value))
    if value < 0:
        raise ValueError(t("data.negative", value=value))
    if isinstance(value, float) and round(value, 2) != value:
        raise ValueError(t("data.decimals", value=value))
    return int(value) if isinstance(value, float) and value.is_integer() else value


Number = Annotated[int | float, BeforeValidator(_number)]


class DataRow(Strict):
    label: PlainText | None = None
    province: Ref | None = None  # a province of the registry: its name is the label, linked to its page
    value: Number | None = None
    values: list[Number] | None = Field(default=None, max_length=MAX_SERIES)


class DataFile(Strict):
    title: PlainText
    unit: PlainText
    category: PlainText = "Nhóm"
    series: list[PlainText] = Field(default=[], max_length=MAX_SERIES)
    source: PlainText
    source_url: WebUrl | None = None
    document: Ref | None = None  # the document on the site the numbers come from
    date: VnDate
    illustrative: bool = False  # demo numbers: the page says "(số liệu minh họa)"
    note: PlainText | None = None
    total: bool = True  # false when the numbers do not add up (percentages, averages): no "tổng cộng"
    rows: list[DataRow] = Field(default=[], max_length=MAX_ROWS)
    csv: PlainText | None = None  # the rows in a CSV file beside this one: a label column, then one column a series


@dataclass(frozen=True)
class Row:
    label: str  # as written; a province's name when only `province:` is given (filled by the catalog)
    province: str | None
    values: tuple[int | float, ...]
    line: int  # where the row is written (in the .yml file, or in its CSV file)
    index: int  # its place among the rows written (0: the first), valid or not


@dataclass
class Dataset:
    id: str
    path: str  # as editors see it: content/so-lieu/x.yml
    data: DataFile
    series: tuple[str, ...]  # one name a number of each row
    category: str
    rows: tuple[Row, ...]  # the valid ones (a CSV's rows carry the CSV's lines)
    lines: dict[str, int]  # top-level field → its line

    def line(self, field: str) -> int:
        return self.lines.get(field, 1)


def read_datasets(content_dir: Path) -> tuple[dict[str, Dataset], list[Problem]]:
    """Every data file of content/so-lieu/, validated; every problem listed, never raised."""
    folder = content_dir / FOLDER
    found: dict[str, Dataset] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return found, problems
    used: set[str] = set()
    for file in sorted(folder.glob("*.yml")):
        if file.is_symlink() and not file.resolve().is_relative_to(content_dir.resolve()):
            continue  # reported by content.tree.scan
        display = f"{content_dir.name}/{FOLDER}/{file.name}"
        dataset = _read(file, display, problems, used)
        if dataset is not None:
            found[dataset.id] = dataset
    for file in sorted(folder.glob("*.csv")):
        if file.name not in used:
            display = f"{content_dir.name}/{FOLDER}/{file.name}"
            problems.append(Problem(display, 0, "", *problem("data.csv_unused", name=file.name), warning=True))
    return found, problems


def _text(file: Path, display: str, problems: list[Problem]) -> str | None:
    try:
        if file.stat().st_size > MAX_FILE:
            problems.append(Problem(display, 0, "", *problem("data.too_big", limit=MAX_FILE // 1000)))
            return None
        return file.read_bytes().decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        problems.append(Problem(display, 0, "", *problem("file.not_utf8", byte=exc.start)))
    except OSError as exc:
        problems.append(Problem(display, 0, "", *problem("file.unreadable", error=exc.strerror or exc)))
    return None


def _read(file: Path, display: str, problems: list[Problem], used: set[str]) -> Dataset | None:
    figure_id = file.stem
    if not _ID.match(figure_id):
        problems.append(Problem(display, 0, "", *problem("data.id", name=file.name, slug=slugify(figure_id) or "so-lieu")))
        return None
    if figure_id in BUILT_IN:
        problems.append(Problem(display, 0, "", *problem("data.builtin", id=figure_id)))
        return None
    read = read_model_file(file, display, DataFile, MAX_FILE, "data.not_fields", problems)
    if read is None:
        return None
    parsed, data = read
    if data.csv is not None:
        used.add(data.csv)
        from_csv = _csv_rows(file.parent, data, parsed, display, problems)
        if from_csv is None:
            return None
        series, category, rows = from_csv
    else:
        series, category = tuple(data.series), data.category
        rows = _yaml_rows(data, parsed, display, problems)
    # kept when a row has a problem (the build stops on it anyway): the other rows' provinces are still checked
    lines = {str(k[0]): v for k, v in parsed.lines.items() if len(k) == 1}
    return Dataset(figure_id, display, data, series or (data.unit[:1].upper() + data.unit[1:],), category, tuple(rows), lines)


def _yaml_rows(data: DataFile, parsed: Parsed, display: str, problems: list[Problem]) -> list[Row]:
    if not data.rows:
        problems.append(Problem(display, parsed.line(("rows",)), "rows", *problem("data.no_rows")))
        return []
    width = max(len(data.series), 1)
    rows: list[Row] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data.rows):
        at, field = ("rows", index), f"rows.{index + 1}"
        line = parsed.line(at)
        if (raw.value is None) == (raw.values is None):
            problems.append(Problem(display, line, field, *problem("data.value_or_values")))
            continue
        if raw.label is None and raw.province is None:
            problems.append(Problem(display, line, field, *problem("data.label")))
            continue
        values = (raw.value,) if raw.value is not None else tuple(raw.values or ())
        if raw.values is not None and not data.series:
            problems.append(Problem(display, parsed.line((*at, "values")), f"{field}.values", *problem("data.values_need_series")))
            continue
        if len(values) != width:
            names = ", ".join(data.series) or data.unit
            problems.append(
                Problem(display, parsed.line((*at, "values")), f"{field}.values", *problem("data.count", count=len(values), series=width, names=names))
            )
            continue
        label = raw.label or ""
        key = raw.province or label
        if key in seen:
            problems.append(Problem(display, line, field, *problem("data.duplicate_label", label=key, first=seen[key])))
            continue
        seen[key] = line
        rows.append(Row(label, raw.province, values, line, index))
    return rows


def _csv_rows(folder: Path, data: DataFile, parsed: Parsed, display: str, problems: list[Problem]) -> tuple[tuple[str, ...], str, list[Row]] | None:
    """The rows of the CSV file a data file names: a header (the label column's name, then one name a
    series), then a label and its numbers on each line; "," or ";" between cells; numbers written
    1234, 1.234 (thousands) or 12,5 (decimal comma)."""
    at = parsed.line(("csv",))
    if data.rows or data.series:
        problems.append(Problem(display, at, "csv", *problem("data.rows_and_csv")))
        return None
    file = folder / data.csv  # type: ignore[operator]
    shown = f"{display.rsplit('/', 1)[0]}/{data.csv}"
    if "/" in str(data.csv) or "\\" in str(data.csv) or not data.csv.endswith(".csv") or not file.is_file():  # type: ignore[union-attr]
        problems.append(Problem(display, at, "csv", *problem("data.csv_missing", name=data.csv)))
        return None
    text = _text(file, shown, problems)
    if text is None:
        return None
    text = clean_text(text.replace("\r\n", "\n"))
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    lines = [(number, cells) for number, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1) if any(c.strip() for c in cells)]
    if len(lines) < 2 or len(lines[0][1]) < 2 or not all(c.strip() for c in lines[0][1]):
        problems.append(Problem(shown, 1, "", *problem("data.csv_header")))
        return None
    header = [" ".join(c.split()) for c in lines[0][1]]
    if len(header) - 1 > MAX_SERIES or len(lines) - 1 > MAX_ROWS:
        problems.append(Problem(shown, 1, "", *problem("data.csv_size", series=MAX_SERIES, rows=MAX_ROWS)))
        return None
    rows: list[Row] = []
    seen: dict[str, int] = {}
    for index, (number, cells) in enumerate(lines[1:]):
        cells = [" ".join(c.split()) for c in cells]
        if len(cells) != len(header):
            problems.append(Problem(shown, number, "", *problem("data.csv_width", count=len(cells), header=len(header), series=len(header) - 1)))
            continue
        values = []
        for column, cell in zip(header[1:], cells[1:], strict=True):
            try:
                read = csv_number(cell)
                if isinstance(read, str):
                    raise ValueError(t("data.csv_number", value=cell))
                values.append(_number(read))
            except ValueError as exc:
                what, _, fix = str(exc).partition(" — ")
                problems.append(Problem(shown, number, column, what, fix))
        if not cells[0]:
            problems.append(Problem(shown, number, header[0], *problem("data.label")))
        elif cells[0] in seen:
            problems.append(Problem(shown, number, header[0], *problem("data.duplicate_label", label=cells[0], first=seen[cells[0]])))
        elif len(values) == len(header) - 1:
            seen[cells[0]] = number
            rows.append(Row(cells[0], None, tuple(values), number, index))
    return tuple(header[1:]), header[0], rows


def csv_number(cell: str) -> Any:
    """A number as Vietnamese spreadsheets write it: "1.234" and "1.234.567" (thousands), "12,5"
    (decimal comma); "12.5" (a decimal point) is read too. Anything else is returned as written."""
    text = cell.replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d+", text):
        text = text.replace(",", ".")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    return cell


def figure_lines(body: str, first_line: int) -> list[tuple[str, int]]:
    """The figures a body embeds: (id as written, line in the file)."""
    if "{{" not in body:  # (most bodies embed none: the regex is not run over them)
        return []
    return [(m[1], first_line + body.count("\n", 0, m.start())) for m in FIGURE_LINE.finditer(body)]


def unknown_figure(figure_id: str, known: list[str]) -> tuple[str, str]:
    """(what, fix) for an embedded figure id that names no figure."""
    fix = suggest(figure_id, known, t("data.unknown_figure.fix", ids=", ".join(sorted(known))))
    return problem("data.unknown_figure", id=figure_id, fix=fix)
