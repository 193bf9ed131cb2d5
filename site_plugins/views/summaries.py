"""Figures in words: numbers as Vietnamese write them (1.234,5) and the one sentence under each
chart, written from its data — the largest, the smallest and the total (or, for two series or
more, the last one against the first: a result against its target)."""

from __future__ import annotations

from collections.abc import Sequence

Number = int | float


def number(value: Number) -> str:
    """1234 → "1.234", 12.5 → "12,5" (at most two decimals)."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, decimals = f"{value:,.2f}".rstrip("0").partition(".")
    return f"{whole.replace(',', '.')},{decimals}"


def percent(part: Number, whole: Number) -> str:
    """Of a whole that is not 0: "43%" (rounded to a whole per cent)."""
    return f"{round(100 * part / whole)}%"


def names(labels: Sequence[str], noun: str) -> str:
    """ "A", "A và B", "A, B và C"; more than three: "5 tỉnh, thành phố" (how many, and of what)."""
    if len(labels) > 3:
        return f"{len(labels)} {noun}"
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} và {labels[-1]}"


def extremes(labels: Sequence[str], values: Sequence[Number]) -> tuple[list[str], Number, list[str], Number]:
    """(labels of the largest, the largest, labels of the smallest, the smallest)."""
    top, bottom = max(values), min(values)
    return [x for x, v in zip(labels, values, strict=True) if v == top], top, [x for x, v in zip(labels, values, strict=True) if v == bottom], bottom


def one_series(labels: Sequence[str], values: Sequence[Number], unit: str, noun: str, places: bool, totals: bool, total_text: str = "") -> str:
    """ "Tỉnh Ninh Bình có nhiều hồ sơ nhất (2), Thành phố Hà Nội và Tỉnh Lạng Sơn ít nhất (1); tổng
    cộng 7 hồ sơ." — ``places``: the labels are places or things that "have" (else "Nhiều … nhất: X (n)")."""
    if not values:
        return "Chưa có số liệu."
    total = f"tổng cộng {number(sum(values))} {unit}" if totals else total_text
    end = f"; {total}." if total else "."
    if len(values) == 1:
        return f"{labels[0]}: {number(values[0])} {unit}{end}"
    top_names, top, bottom_names, bottom = extremes(labels, values)
    if top == bottom:
        every = f"Cả {len(labels)} {noun}" if len(labels) > 3 else names(labels, noun)
        return f"{every} đều có {number(top)} {unit}{end}"
    if places:
        return f"{names(top_names, noun)} có nhiều {unit} nhất ({number(top)}), {names(bottom_names, noun)} ít nhất ({number(bottom)}){end}"
    return f"Nhiều {unit} nhất: {names(top_names, noun)} ({number(top)}); ít nhất: {names(bottom_names, noun)} ({number(bottom)}){end}"


def against(labels: Sequence[str], columns: Sequence[Sequence[Number]], series: Sequence[str], unit: str, noun: str, totals: bool) -> str:
    """Two series or more: the last (a result) against the first (its target), then where the last is
    highest and lowest: "Tổng Thực hiện: 8 hợp tác xã, bằng 114% Chỉ tiêu (7); Thực hiện cao nhất:
    Huyện Ninh Hải (2), thấp nhất: Huyện Bác Ái (0)." """
    first, last = columns[0], columns[-1]
    if not labels:
        return "Chưa có số liệu."
    head = ""
    if totals:
        ratio = f", bằng {percent(sum(last), sum(first))} {series[0]} ({number(sum(first))})" if sum(first) else f" ({series[0]}: 0)"
        head = f"Tổng {series[-1]}: {number(sum(last))} {unit}{ratio}; "
    top_names, top, bottom_names, bottom = extremes(labels, last)
    if top == bottom:
        return f"{head}{series[-1]} của {names(labels, noun)} đều là {number(top)}."
    return f"{head}{series[-1]} cao nhất: {names(top_names, noun)} ({number(top)}), thấp nhất: {names(bottom_names, noun)} ({number(bottom)})."
