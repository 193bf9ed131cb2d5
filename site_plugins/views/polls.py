"""Reader polls (content/khao-sat/) as readers see them: /khao-sat/ (every poll), each poll's own page
/khao-sat/<id>/, and the poll under each article it belongs to.

A poll is a plain ``<form method="post">`` to the optional poll service (``poll_service`` in
mkdocs.yml; site_plugins/polls/server.py), working without JavaScript: radio buttons or check boxes,
the poll's id and the page to come back to. Without the service, or before it opens, the poll says
"Khảo sát chưa mở" and shows no form; once closed, "Khảo sát đã kết thúc" and — when
``portal poll-results`` wrote them into the poll's file — its results as a figure (chart, table,
downloads; figureblocks.py), marked "Kết quả chỉ mang tính tham khảo"."""

from __future__ import annotations

from ..common import urls
from ..common.vietnamese import sort_key, time_date_line
from ..content.polls import Poll
from .cards import link
from .figureblocks import block
from .figures import Figure, Row, finish
from .page import Book, Page

NOT_OPEN, CLOSED = "Khảo sát chưa mở", "Khảo sát đã kết thúc"
REFERENCE = "Kết quả chỉ mang tính tham khảo"
NOTE = "Bạn đọc tự nguyện trả lời, mỗi địa chỉ mạng được bình chọn một lần trong một khoảng thời gian; không phải điều tra xã hội học."
INTRO = ("Ý kiến bạn đọc về các vấn đề của kinh tế tập thể, hợp tác xã. Bình chọn không cần đăng nhập và không cần JavaScript; "
         "cổng không lưu địa chỉ mạng của bạn đọc. " + REFERENCE + ".")  # fmt: skip


def results_figure(poll: Poll) -> Figure | None:
    """A closed poll's exported results as a figure of the site (None: none exported)."""
    results = poll.data.results
    if results is None:
        return None
    rows = tuple(Row(o.label, (results.counts.get(o.id, 0),)) for o in poll.data.options)
    notes = [NOTE, f"{results.voters} lượt bình chọn."]
    if poll.data.multiple:
        notes.append(f"Mỗi lượt được chọn tối đa {poll.limit} phương án: tổng số lượt chọn lớn hơn số lượt bình chọn.")
    figure = Figure(
        f"ket-qua-{poll.id}", "Kết quả khảo sát", unit="lượt chọn", category="Phương án", series=("Số lượt chọn",), rows=rows,
        source="Khảo sát bạn đọc trên cổng", page=urls.poll(poll.id), source_page=urls.poll(poll.id), date=results.exported.date(),
        date_label="Kết quả xuất ngày", notes=tuple(notes), totals=not poll.data.multiple,
    )  # fmt: skip
    return finish(figure, places=False)


class PollViews:
    """The display data of every poll, for the page at ``here``."""

    def __init__(self, book: Book, service: str | None, site_url: str):
        self.book, self.now = book, book.catalog.now
        self.service = service.rstrip("/") if service else None
        self.site_url = site_url
        self.figures = {i: f for i, p in book.catalog.polls.items() if (f := results_figure(p)) is not None}
        for figure in self.figures.values():  # its CSV and JSON are written beside the poll's page
            book.figures.scoped[figure.csv] = figure
        self.naming: dict[str, list[Poll]] = {}  # article id → the polls that name it
        for poll in book.catalog.polls.values():
            for article in poll.data.articles:
                self.naming.setdefault(article, []).append(poll)

    def data(self, poll: Poll, here: str, heading: str = "h2") -> dict:
        d, state = poll.data, poll.state(self.now)
        anchor = f"khao-sat-{poll.id}"
        view: dict = {
            "id": poll.id, "anchor": anchor, "question": d.question, "url": urls.poll(poll.id), "heading": heading,
            "period": f"Từ {time_date_line(d.opens)} đến {time_date_line(d.closes)}", "state": state,
            "options": [{"id": o.id, "label": o.label, "input": f"{anchor}-{o.id}"} for o in d.options],
            "type": "checkbox" if d.multiple else "radio",
            "hint": f"Chọn tối đa {poll.limit} phương án." if d.multiple else "Chọn một phương án.",
            "form": None, "status": None, "results": None, "live": None, "reference": REFERENCE,
        }  # fmt: skip
        if state == "open" and self.service:
            view["form"] = {"action": f"{self.service}/{urls.POLL_VOTE}", "back": f"{self.site_url.rstrip('/')}/{here}#{anchor}"}
            if d.show_results:
                view["live"] = f"{self.service}/{urls.poll_results_json(poll.id)}"
        elif state == "closed":
            view["status"] = CLOSED
            if figure := self.figures.get(poll.id):
                view["results"] = block(figure, here, heading=None, anchor=f"{anchor}-ket-qua", open_table=True)
        else:
            view["status"] = NOT_OPEN
        return view


def poll_pages(book: Book, polls: PollViews) -> None:
    """/khao-sat/ and one page a poll."""
    catalog = book.catalog
    ordered = sorted(catalog.polls.values(), key=lambda p: (p.data.closes, sort_key(p.data.question)), reverse=True)
    crumbs = [link(urls.HOME, "Trang chủ"), link(urls.POLLS, "Khảo sát")]
    for poll in ordered:

        def make(poll: Poll = poll) -> dict:
            articles = [book.cards.entry_link(i) for i in poll.data.articles]
            return {"heading": poll.data.question, "breadcrumbs": crumbs, "poll": {**polls.data(poll, urls.poll(poll.id), heading="h2"), "url": None},
                    "articles": [a for a in articles if a]}  # fmt: skip

        book.add(urls.poll(poll.id), poll.data.question, "portal/poll.html", make, f"Khảo sát bạn đọc: {poll.data.question}")

    def index() -> dict:
        rows = []
        for poll in ordered:
            data = polls.data(poll, urls.POLLS)
            rows.append({"url": urls.poll(poll.id), "question": poll.data.question, "period": data["period"],
                         "status": data["status"] or "Đang mở", "results": poll.id in polls.figures})  # fmt: skip
        feed = urls.POLL_FEED if closed_with_results(polls) else None  # written by output/pollfeed.py
        return {"heading": "Khảo sát", "intro": INTRO, "breadcrumbs": crumbs[:1], "polls": rows, "feed": feed}

    book.add(urls.POLLS, "Khảo sát", "portal/polls.html", index, "Khảo sát ý kiến bạn đọc và kết quả các cuộc khảo sát đã kết thúc")


def poll_section(polls: PollViews, article: str, page: Page) -> None:
    """An article's own page shows the polls that name it."""
    for poll in polls.naming.get(article, []):
        page.context.setdefault("polls", []).append(polls.data(poll, page.url))


def closed_with_results(polls: PollViews) -> list[tuple[Poll, Figure]]:
    """Closed polls whose results were exported, newest export first (the poll feed's items)."""
    found = [(p, polls.figures[i]) for i, p in polls.book.catalog.polls.items() if i in polls.figures and p.state(polls.now) == "closed"]
    return sorted(found, key=lambda x: (x[0].data.results.exported if x[0].data.results else x[0].data.closes, x[0].id), reverse=True)
