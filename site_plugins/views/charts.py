"""A figure drawn as an inline SVG horizontal bar chart, at build time, without JavaScript.

Horizontal bars because Vietnamese category names are long ("Thành phố Phan Rang – Tháp Chàm"):
each label has a line of its own above its bar, wrapped for the narrowest screen, and each value
is written at the end of its bar. Widths are percentages of the chart's width and texts keep
their size in pixels, so one drawing reads the same at 360 px and at 1280 px; labels and values
are real ``<text>`` (found by search, read by screen readers through the figure's table, never
clipped: the bars leave room for the widest value). Colours are those of ``SERIES`` and ``TEXT``,
all at least 4.5:1 against white (tests/test_statistics.py computes it); a series is told by its
name in the legend and beside each of its values, never by colour alone. ``role="img"`` with a
``<title>`` and a ``<desc>`` (the figure's sentence) names the drawing."""

from __future__ import annotations

from markupsafe import Markup

from .figures import Figure
from .summaries import number
from .svg import Element, el, num

SERIES = ("#0b5130", "#a3161b", "#1d4e89", "#6b3fa0")  # green, red, blue, purple: 9.4, 7.8, 8.4, 7.4:1 on white
TEXT = "#1a1a1a"
DESIGN_WIDTH = 300  # px: the narrowest chart laid out for (a 320 px phone, the page's margins taken)
LABEL_SIZE, VALUE_SIZE = 15, 14  # px
LINE, BAR, BAR_GAP, ROW_GAP = 24, 14, 6, 12  # px: a label's text box and its value's never overlap (Vietnamese diacritics)


def text_width(text: str, size: float) -> float:
    """A generous estimate of a text's width in px (the browser's font is not known at build time)."""
    em = 0.0
    for char in text:
        if char in "iljtfrI.,:;'!|() ":
            em += 0.34
        elif char in "mwMW" or char.isupper():
            em += 0.78
        elif char.isdigit():
            em += 0.58
        else:
            em += 0.6
    return em * size


def wrap(text: str, width: float, size: float) -> list[str]:
    """The text in lines no wider than ``width`` px (a word longer than a line keeps a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def value_text(figure: Figure, value: float, series: int) -> str:
    """ "12", or with two series or more "12 · Thực hiện" (the series named, not only coloured)."""
    return number(value) if len(figure.series) == 1 else f"{number(value)} · {figure.series[series]}"


def chart(figure: Figure, prefix: str) -> Markup:
    """The figure as an SVG; ``prefix`` makes its ids unique on the page."""
    values = [v for row in figure.rows for v in row.values]
    largest = max(values, default=0) or 1
    widest = max((text_width(value_text(figure, v, i), VALUE_SIZE) for row in figure.rows for i, v in enumerate(row.values)), default=0)
    room = max(0.3, (DESIGN_WIDTH - widest - 10) / DESIGN_WIDTH)  # the share of the width the longest bar takes
    title_id, desc_id = f"{prefix}-tieu-de", f"{prefix}-mo-ta"
    body: list[Element] = []
    y = 4.0
    if len(figure.series) > 1:  # the legend: a swatch and a name a line
        for index, name in enumerate(figure.series):
            body.append(el("rect", {"x": 0, "y": y + 3, "width": BAR, "height": BAR, "fill": SERIES[index]}))
            body.append(el("text", {"x": BAR + 6, "y": y + 16, "font-size": LABEL_SIZE, "fill": TEXT}, name))
            y += LINE
        y += ROW_GAP / 2
    for row in figure.rows:
        for line in wrap(row.label, DESIGN_WIDTH, LABEL_SIZE):
            body.append(
                el("text", {"x": 0, "y": y + 16, "font-size": LABEL_SIZE, "fill": TEXT, "font-weight": "600" if len(figure.series) > 1 else None}, line)
            )
            y += LINE
        for index, value in enumerate(row.values):
            share = room * value / largest * 100
            if value > 0:
                body.append(el("rect", {"x": 0, "y": y, "width": f"{num(share)}%", "height": BAR, "fill": SERIES[index % len(SERIES)]}))
            body.append(el("text", {"x": f"{num(share)}%", "dx": 6, "y": y + BAR - 2, "font-size": VALUE_SIZE, "fill": TEXT}, value_text(figure, value, index)))
            y += BAR + BAR_GAP
        y += ROW_GAP - BAR_GAP
    svg = el("svg", {"class": "portal-chart", "role": "img", "aria-labelledby": f"{title_id} {desc_id}", "width": "100%", "height": num(y + 4)},
             el("title", {"id": title_id}, figure.title),
             el("desc", {"id": desc_id}, f"Biểu đồ thanh ngang. {figure.summary} Số liệu đầy đủ ở bảng đi kèm."),
             *body)  # fmt: skip
    return svg.render()
