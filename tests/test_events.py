"""Events (content/su-kien/) and their calendars: every .ics the site writes parses with `icalendar`
and imports into a second, independent parser (vobject); two builds give the same bytes; a changed
event gets a higher SEQUENCE, a cancelled one stays with STATUS:CANCELLED; all-day events are
VALUE=DATE with an exclusive end, times carry Asia/Ho_Chi_Minh and its VTIMEZONE. The pages:
/su-kien/ upcoming first then past by month, an event's page with its Event JSON-LD, the events on
agency, province, campaign and document pages; mistakes explained in Vietnamese at their line."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from xml.etree import ElementTree as ET

import feedparser
import pytest
import vobject
import yaml
from helpers import ENTITIES, LEGIT, NOW, QUOTES, SITE_URL, UNCLOSED, Site, build_site, copy_content, edit_entry, opened, serve_folder, site_config
from icalendar import Calendar

from site_plugins.catalog.loading import load_catalog
from site_plugins.common.problems import ContentError
from site_plugins.content.schema import parse_datetime
from site_plugins.output.revisions import REVISIONS, load_revisions

DOMAIN = "kinhtetapthe.example.vn"  # of the feeds' id authority in mkdocs.yml
GIAO_BAN = "su-kien/giao-ban-bao-chi-quy-iv-lao-cai/"  # postponed to a new date (timed)
HOI_CHO = "su-kien/hoi-cho-xuc-tien-thuong-mai-htx-2027/"  # 12–15 March 2027, all day
HOI_THAO = "su-kien/hoi-thao-chuyen-doi-so-ninh-binh/"  # cancelled, one day
EVENTS = 6  # in tests/fixtures/site/su-kien/
CALENDARS = 1 + 7 + 69 + 12 + 1 + EVENTS  # every event, each kind, agency, province and campaign, each event


def calendars(site: Site) -> dict[str, bytes]:
    return {p.relative_to(site.root).as_posix(): p.read_bytes() for p in sorted(site.root.rglob("*.ics"))}


def vevents(data: bytes) -> dict[str, object]:
    """UID → VEVENT of a calendar."""
    return {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def uid(event_id: str) -> str:
    return f"{event_id}@{DOMAIN}"


# units ------------------------------------------------------------------------------------------------------
def test_times_are_said_in_vietnamese():
    from site_plugins.views.eventtimes import when

    at = parse_datetime
    assert when(date(2027, 3, 12), None) == "Thứ Sáu, 12/03/2027"
    assert when(date(2027, 3, 12), date(2027, 3, 15)) == "Từ Thứ Sáu, 12/03/2027 đến Thứ Hai, 15/03/2027"
    assert when(at("2021-01-14T08:00"), at("2021-01-14T11:30")) == "08:00–11:30, Thứ Năm, 14/01/2021"
    assert when(at("2021-01-14T08:00"), at("2021-01-15T11:30")) == "Từ 08:00, Thứ Năm, 14/01/2021 đến 11:30, Thứ Sáu, 15/01/2021"
    assert when(at("2021-01-14T08:00"), None) == "08:00, Thứ Năm, 14/01/2021"


def test_upcoming_and_past_by_the_builds_now(catalog):
    from site_plugins.views.eventtimes import calendar_order, finished, under_way

    upcoming, past = calendar_order(catalog.events, catalog.now)
    assert [e.data.begins.isoformat()[:10] for e in upcoming] == ["2026-12-10", "2026-12-15", "2027-03-12"]
    assert [e.data.begins.isoformat()[:10] for e in past] == ["2024-05-02", "2022-07-21", "2021-01-14"]
    fair = catalog.by_id["sk-2026-11-10-hoi-cho-xuc-tien-thuong-mai-san-pham-htx-ocop"].data
    assert under_way(fair, parse_datetime("2027-03-15T23:00")) and not finished(fair, parse_datetime("2027-03-15T23:00"))  # its last day, all day
    assert finished(fair, parse_datetime("2027-03-16T00:00")) and not under_way(fair, parse_datetime("2027-03-11T23:59"))


def test_a_revision_rises_only_when_what_calendars_say_changes():
    from site_plugins.output.revisions import Revision, higher, revised

    first = revised({}, {"sk-a": "aaaaaaaa", "sk-b": "bbbbbbbb"})
    assert first == {"sk-a": Revision(0, "aaaaaaaa"), "sk-b": Revision(0, "bbbbbbbb")}
    assert revised(first, {"sk-a": "aaaaaaaa", "sk-b": "bbbbbbbb"}) == first  # the same: the same revisions
    second = revised(first, {"sk-a": "cccccccc"})  # sk-b not published now: kept as it was
    assert second == {"sk-a": Revision(1, "cccccccc"), "sk-b": Revision(0, "bbbbbbbb")}
    assert higher({"sk-a": Revision(0, "aaaaaaaa")}, second) == second  # a ledger from an older commit: its copy is ahead


# the calendars --------------------------------------------------------------------------------------------
def test_every_calendar_parses_and_carries_the_vietnam_time_zone(site):
    found = calendars(site)
    assert len(found) == CALENDARS
    events = 0
    for path, data in found.items():
        assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n"), path
        cal = Calendar.from_ical(data)
        assert str(cal["VERSION"]) == "2.0" and str(cal["METHOD"]) == "PUBLISH" and str(cal["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
        zones = cal.walk("VTIMEZONE")
        assert [str(z["TZID"]) for z in zones] == ["Asia/Ho_Chi_Minh"], path  # also in a calendar with no event yet
        assert {s["TZOFFSETTO"].td for s in zones[0].walk("STANDARD")} == {timedelta(hours=7)}
        for event in cal.walk("VEVENT"):
            events += 1
            assert str(event["UID"]).endswith(f"@{DOMAIN}") and isinstance(int(event["SEQUENCE"]), int)
            assert event["DTSTAMP"].dt.utcoffset() == timedelta(0)  # DTSTAMP is UTC
            assert str(event["URL"]).startswith(SITE_URL)
            start = event["DTSTART"]
            if isinstance(start.dt, datetime):
                assert start.params["TZID"] == "Asia/Ho_Chi_Minh" and start.dt.utcoffset() == timedelta(hours=7), path
            else:
                assert start.params.get("VALUE") == "DATE" and isinstance(event["DTEND"].dt, date), path
    # each event in: its own calendar, the whole site's, its kind's, each organiser's, its province's (and campaign's)
    assert events == 6 + 6 + 6 + 10 + 6 + 1


def test_a_calendar_imports_into_a_second_library(site):
    """vobject, an independent parser, reads the whole site's calendar with the same times."""
    text = (site.root / "su-kien/lich.ics").read_text("utf-8")
    cal = vobject.readOne(text)
    by_uid = {e.uid.value: e for e in cal.vevent_list}
    assert len(by_uid) == EVENTS
    training = by_uid[uid("sk-2021-01-05-tap-huan-tuyen-truyen-ket-luan-70-lang-son")]
    assert training.summary.value == "Hội nghị tập huấn tuyên truyền Kết luận số 70-KL/TW về kinh tế tập thể"
    assert training.dtstart.value.isoformat() == "2021-01-14T08:00:00+07:00" and training.dtend.value.isoformat() == "2021-01-14T11:30:00+07:00"
    assert training.location.value == "Hội trường Trường Chính trị Hoàng Văn Thụ, Phường Lương Văn Tri, Tỉnh Lạng Sơn"
    fair = by_uid[uid("sk-2026-11-10-hoi-cho-xuc-tien-thuong-mai-san-pham-htx-ocop")]
    assert fair.dtstart.value == date(2027, 3, 12) and fair.dtend.value == date(2027, 3, 16)
    assert by_uid[uid("sk-2026-11-05-hoi-thao-chuyen-doi-so-trong-hop-tac-xa-ninh-binh")].status.value == "CANCELLED"
    assert len(vobject.readOne((site.root / GIAO_BAN / "lich.ics").read_text("utf-8")).vevent_list) == 1


def test_all_day_events_are_dates_with_an_exclusive_end(site):
    raw = (site.root / HOI_CHO / "lich.ics").read_bytes()
    assert b"DTSTART;VALUE=DATE:20270312\r\n" in raw and b"DTEND;VALUE=DATE:20270316\r\n" in raw  # 12–15 March: the day after the last
    one_day = (site.root / "su-kien/phat-dong-thang-hanh-dong-2024/lich.ics").read_bytes()
    assert b"DTSTART;VALUE=DATE:20240502\r\n" in one_day and b"DTEND;VALUE=DATE:20240503\r\n" in one_day
    assert b"TZID=" not in raw.split(b"END:VTIMEZONE")[1]  # a day has no time zone


def test_times_are_written_in_vietnam_time_and_a_new_date_replaces_the_old(site):
    raw = (site.root / GIAO_BAN / "lich.ics").read_bytes()
    assert b"DTSTART;TZID=Asia/Ho_Chi_Minh:20261210T140000\r\n" in raw  # new_start
    assert b"DTEND;TZID=Asia/Ho_Chi_Minh:20261210T170000\r\n" in raw  # as long as the old one (08:00–11:00)
    (event,) = vevents(raw).values()
    assert str(event["STATUS"]) == "CONFIRMED" and str(event["SUMMARY"]) == "Giao ban báo chí quý IV/2026 về kinh tế tập thể, hợp tác xã"
    assert "lịch cũ: 08:00–11:00, Thứ Năm, 03/12/2026" in str(event["DESCRIPTION"])
    assert event["DTSTAMP"].dt == event["LAST-MODIFIED"].dt == datetime.fromisoformat("2026-11-24T08:00:00+00:00")  # updated: 15:00 +07:00


def test_a_cancelled_event_stays_in_its_calendars_marked_cancelled(site):
    cancelled = uid("sk-2026-11-05-hoi-thao-chuyen-doi-so-trong-hop-tac-xa-ninh-binh")
    for path in ("su-kien/lich.ics", "su-kien/loai/hoi-thao/lich.ics", "co-quan/lien-minh-htx-tinh-ninh-binh/lich.ics",
                 "dia-phuong/ninh-binh/lich.ics", f"{HOI_THAO}lich.ics"):  # fmt: skip
        event = vevents((site.root / path).read_bytes())[cancelled]
        assert str(event["STATUS"]) == "CANCELLED", path
        assert str(event["SUMMARY"]).startswith("Đã hủy: Hội thảo chuyển đổi số"), path
    page = site.html(HOI_THAO)
    assert "Sự kiện đã bị hủy." in page.xpath("//p[contains(@class, 'portal-event-status')]")[0].text_content()
    assert json.loads(page.xpath("//script[@type='application/ld+json']")[0].text)["eventStatus"] == "https://schema.org/EventCancelled"


def test_an_event_put_off_without_a_new_date_is_tentative_at_its_old_time(tmp_path):
    from site_plugins.media.media import Media
    from site_plugins.output.calendars import CalendarSettings, CalendarWriter
    from site_plugins.views.events import status_line
    from site_plugins.views.sharing import Site as Sharing
    from site_plugins.views.sharing import entry_share

    content = copy_content(tmp_path)
    edit_entry(content / "su-kien/giao-ban-bao-chi-quy-iv-lao-cai.md", lambda d: d.pop("new_start"))
    catalog = load_catalog(content, parse_datetime(NOW))
    entry = catalog.by_id["sk-2026-11-16-giao-ban-bao-chi-quy-iv-2026-lao-cai"]
    event = CalendarWriter(catalog, CalendarSettings(SITE_URL, "kinhtetapthe.example.vn,2024", "Trang")).published(entry)
    assert str(event["STATUS"]) == "TENTATIVE" and str(event["SUMMARY"]).startswith("Tạm hoãn: Giao ban báo chí")
    assert event["DTSTART"].dt.isoformat() == "2026-12-03T08:00:00+07:00"  # the old date: no new one yet
    assert status_line(entry.data).startswith("Sự kiện tạm hoãn, chưa có lịch mới.")
    data = entry_share(entry, catalog, Media(), Sharing(SITE_URL, "Trang", "Trang"))["jsonld"]
    assert data["eventStatus"] == "https://schema.org/EventPostponed" and "previousStartDate" not in data


def test_two_builds_give_byte_identical_calendars(site, tmp_path):
    result = build_site(tmp_path / "again")
    assert result.returncode == 0, result.stderr
    first, second = calendars(site), calendars(Site(tmp_path / "again"))
    assert len(first) == CALENDARS and first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []


def test_a_changed_event_gets_a_higher_sequence_that_the_ledger_keeps(tmp_path):
    content = copy_content(tmp_path)
    config = site_config(tmp_path / "config", content)
    ledger = config.parent / REVISIONS
    giao_ban, fair = uid("sk-2026-11-16-giao-ban-bao-chi-quy-iv-2026-lao-cai"), uid("sk-2026-11-10-hoi-cho-xuc-tien-thuong-mai-san-pham-htx-ocop")

    def build(name: str) -> dict[str, object]:
        result = build_site(tmp_path / name, config)
        assert result.returncode == 0, result.stderr
        return vevents((tmp_path / name / "su-kien/lich.ics").read_bytes())

    first = build("first")
    assert int(first[giao_ban]["SEQUENCE"]) == 0 and int(first[fair]["SEQUENCE"]) == 0
    assert yaml.safe_load(ledger.read_text("utf-8"))["sk-2026-11-16-giao-ban-bao-chi-quy-iv-2026-lao-cai"]["sequence"] == 0
    edit_entry(content / "su-kien/giao-ban-bao-chi-quy-iv-lao-cai.md", lambda d: d.update(place="Hội trường Báo Lào Cai"))
    second = build("second")
    assert int(second[giao_ban]["SEQUENCE"]) == 1 and str(second[giao_ban]["LOCATION"]).startswith("Hội trường Báo Lào Cai")
    assert int(second[fair]["SEQUENCE"]) == 0  # unchanged
    assert (tmp_path / "second" / GIAO_BAN / "lich.ics").read_bytes().count(b"SEQUENCE:1\r\n") == 1
    # the same content again: the same revision, the same bytes
    assert int(build("third")[giao_ban]["SEQUENCE"]) == 1
    assert (tmp_path / "third/su-kien/lich.ics").read_bytes() == (tmp_path / "second/su-kien/lich.ics").read_bytes()
    # cancelled: a revision higher again; a ledger lost is restored from its copy beside the caches
    edit_entry(content / "su-kien/giao-ban-bao-chi-quy-iv-lao-cai.md", lambda d: (d.update(status="huy"), d.pop("new_start")))
    ledger.unlink()
    fourth = build("fourth")
    assert int(fourth[giao_ban]["SEQUENCE"]) == 2 and str(fourth[giao_ban]["STATUS"]) == "CANCELLED"
    assert load_revisions(ledger, REVISIONS)[0]["sk-2026-11-16-giao-ban-bao-chi-quy-iv-2026-lao-cai"].sequence == 2


def test_a_damaged_revision_ledger_stops_the_build_at_its_line(tmp_path):
    config = site_config(tmp_path / "config")
    (config.parent / REVISIONS).write_text("sk-a: {sequence: 0, digest: 0123456789abcdef}\nsk-b: {sequence: -1, digest: x}\n", "utf-8")
    result = build_site(tmp_path / "site", config)
    assert result.returncode != 0
    assert f"{REVISIONS}:2: sk-b: dòng của sự kiện 'sk-b' không đúng dạng" in result.stderr


# feeds and links ------------------------------------------------------------------------------------------
def test_events_have_feeds_and_calendars_are_advertised_and_listed(site, catalog):
    parsed = feedparser.parse((site.root / "su-kien/feed.xml").read_bytes())
    assert not parsed.bozo and len(parsed.entries) == EVENTS
    assert parsed.entries[0].title == "Giao ban báo chí quý IV/2026 về kinh tế tập thể, hợp tác xã"  # newest announced first
    agency = feedparser.parse((site.root / "co-quan/lien-minh-htx-tinh-ninh-binh/feed.xml").read_bytes())
    assert "Hội thảo chuyển đổi số trong hợp tác xã nông nghiệp tỉnh Ninh Bình" in [e.title for e in agency.entries]  # an organiser's feed
    for url, calendar in (("su-kien/", "su-kien/lich.ics"), ("co-quan/lien-minh-htx-tinh-lao-cai/", "co-quan/lien-minh-htx-tinh-lao-cai/lich.ics"),
                          ("dia-phuong/lao-cai/", "dia-phuong/lao-cai/lich.ics"), (GIAO_BAN, f"{GIAO_BAN}lich.ics")):  # fmt: skip
        links = [_resolve(url, h) for h in site.html(url).xpath("//head/link[@rel='alternate'][@type='text/calendar']/@href")]
        assert calendar in links, (url, links)
    own = {f"{e.url}lich.ics" for e in catalog.events}  # an event's own calendar is on its page
    ics = {_resolve("feeds/", h) for h in site.html("feeds/").xpath("//ul[@class='portal-feeds']//a[text()='iCalendar (.ics)']/@href")}
    assert ics == set(calendars(site)) - own and len(ics) == CALENDARS - EVENTS
    outlines = [o for o in ET.fromstring((site.root / "feeds.opml").read_bytes()).iter("outline") if o.get("type") == "link"]
    listed = {o.get("url")[len(SITE_URL) :] for o in outlines}
    # the calendars with events: all of them, 6 kinds, the organisers (7), the provinces (4) and the campaign
    assert len(listed) == 1 + 6 + 7 + 4 + 1 and "su-kien/lich.ics" in listed and "su-kien/loai/cuoc-thi/lich.ics" not in listed
    assert all(vevents((site.root / path).read_bytes()) for path in listed)


def _resolve(page: str, href: str) -> str:
    """A relative link of the page at ``page`` as a path from the site root."""
    from posixpath import normpath

    return normpath(f"{page}{href}")


# pages ----------------------------------------------------------------------------------------------------
def test_the_calendar_page_lists_upcoming_events_first_then_past_ones_by_month(site):
    page = site.html("su-kien/")
    parts = page.xpath("//section[contains(@class, 'portal-calendar')]")
    assert [p.get("id") for p in parts] == ["sap-dien-ra", "da-dien-ra"]

    def listed(part) -> list[tuple[str, list[str]]]:
        return [(h.text_content(), [t.text_content() for t in h.getnext().xpath(".//*[contains(@class, 'portal-event__title')]/a")]) for h in part.xpath("h3")]

    assert listed(parts[0]) == [
        (
            "Tháng 12/2026",
            ["Giao ban báo chí quý IV/2026 về kinh tế tập thể, hợp tác xã", "Hội thảo chuyển đổi số trong hợp tác xã nông nghiệp tỉnh Ninh Bình"],
        ),
        ("Tháng 3/2027", ["Hội chợ xúc tiến thương mại sản phẩm hợp tác xã và sản phẩm OCOP năm 2027"]),
    ]
    assert [month for month, _ in listed(parts[1])] == ["Tháng 5/2024", "Tháng 7/2022", "Tháng 1/2021"]
    whens = [" ".join(w.text_content().split()) for w in page.xpath("//p[@class='portal-event__when']")]
    assert whens[0] == "14:00–17:00, Thứ Năm, 10/12/2026 Đã dời lịch"
    assert whens[1] == "Thứ Ba, 15/12/2026 Đã hủy"
    assert whens[2] == "Từ Thứ Sáu, 12/03/2027 đến Thứ Hai, 15/03/2027"
    assert page.xpath("//time/@datetime")[:3] == ["2026-12-10T14:00:00+07:00", "2026-12-15", "2027-03-12"]
    kind_page = site.html("su-kien/loai/tap-huan/")
    assert [a.text_content() for a in kind_page.xpath("//*[contains(@class, 'portal-event__title')]/a")] == [
        "Hội nghị tập huấn tuyên truyền Kết luận số 70-KL/TW về kinh tế tập thể"
    ]


def test_an_event_page_says_when_where_and_who_with_its_json_ld(site):
    page = site.html(GIAO_BAN)
    facts = {dt.text_content(): " ".join(dt.getnext().text_content().split()) for dt in page.xpath("//dl[contains(@class, 'portal-event-facts')]/dt")}
    assert facts["Thời gian"] == "14:00–17:00, Thứ Năm, 10/12/2026 Lịch cũ: 08:00–11:00, Thứ Năm, 03/12/2026"
    assert facts["Địa điểm"] == "Phòng họp Ban Tuyên giáo Tỉnh ủy Lào Cai, Tỉnh Lào Cai"
    assert facts["Đơn vị tổ chức"] == "Ban Tuyên giáo Tỉnh ủy Lào Cai; Liên minh Hợp tác xã tỉnh Lào Cai"
    status = " ".join(page.xpath("//p[contains(@class, 'portal-event-status')]")[0].text_content().split())
    assert status.startswith("Đã dời lịch Sự kiện đã dời sang 14:00–17:00, Thứ Năm, 10/12/2026")
    add = page.xpath("//a[text()='Thêm vào lịch']")[0]
    assert add.get("href") == "lich.ics" and (site.root / GIAO_BAN / "lich.ics").exists()
    data = json.loads(page.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["@type"] == "Event" and data["name"] == "Giao ban báo chí quý IV/2026 về kinh tế tập thể, hợp tác xã"
    assert data["startDate"] == "2026-12-10T14:00:00+07:00" and data["endDate"] == "2026-12-10T17:00:00+07:00"
    assert data["eventStatus"] == "https://schema.org/EventRescheduled" and data["previousStartDate"] == "2026-12-03T08:00:00+07:00"
    assert data["location"]["@type"] == "Place" and data["location"]["address"]["addressRegion"] == "Tỉnh Lào Cai"
    assert [o["name"] for o in data["organizer"]] == ["Ban Tuyên giáo Tỉnh ủy Lào Cai", "Liên minh Hợp tác xã tỉnh Lào Cai"]
    fair = json.loads(site.html(HOI_CHO).xpath("//script[@type='application/ld+json']")[0].text)
    assert fair["startDate"] == "2027-03-12" and fair["endDate"] == "2027-03-15" and fair["eventStatus"] == "https://schema.org/EventScheduled"
    assert fair["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 21.0235, "longitude": 105.8445}


@pytest.mark.parametrize(
    "url, titles",
    [
        ("co-quan/lien-minh-htx-tinh-lao-cai/", ["Giao ban báo chí quý IV/2026 về kinh tế tập thể, hợp tác xã",
                                                 "Hội nghị ký kết Chương trình phối hợp tuyên truyền phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021–2025"]),
        ("dia-phuong/ninh-binh/", ["Hội thảo chuyển đổi số trong hợp tác xã nông nghiệp tỉnh Ninh Bình"]),
        ("chuyen-de/thang-hanh-dong-vi-htx-2024/", ["Lễ phát động Tháng hành động vì hợp tác xã năm 2024"]),
        ("van-ban/145-kh-lmhtxvn-2021/", ["Hội chợ xúc tiến thương mại sản phẩm hợp tác xã và sản phẩm OCOP năm 2027"]),
    ],
)  # fmt: skip
def test_events_show_on_the_pages_of_their_organisers_province_campaign_and_plan(site, url, titles):
    page = site.html(url)
    (section,) = page.xpath("//section[contains(@class, 'portal-event-section')]")
    assert [a.text_content() for a in section.xpath(".//*[contains(@class, 'portal-event__title')]/a")] == titles
    cards = [" ".join(a.text_content().split()) for a in page.xpath("//div[@class='portal-cards']//*[contains(@class, 'portal-card__title')]/a")]
    assert not set(titles) & set(cards)  # not again among the news


def test_search_finds_events_by_kind_place_and_organiser(catalog):
    from site_plugins.output.search import entry_record

    record = entry_record(catalog.by_id["sk-2026-11-10-hoi-cho-xuc-tien-thuong-mai-san-pham-htx-ocop"], catalog, "Nội dung.")
    assert record.url == "/" + HOI_CHO and record.meta["kind"] == "Sự kiện" and record.filters["loai"] == ["Sự kiện"]
    assert record.filters["nam"] == ["2027"] and record.filters["dia-phuong"] == ["Thành phố Hà Nội"]
    assert record.filters["co-quan"] == ["Liên minh Hợp tác xã Việt Nam", "Bộ Công Thương"]
    for words in ("xúc tiến thương mại", "Cung Văn hóa Hữu nghị", "Bộ Công Thương"):
        assert words.replace("đ", "d\u0335") in record.content


# content mistakes -----------------------------------------------------------------------------------------
BAD_EVENTS = {
    "ngay-ket-thuc.md": ("start: 2026-12-03T08:00\nend: 2026-12-03T07:00\n", 9, "end",
                         "'end: 2026-12-03T07:00' (kết thúc) trước lúc bắt đầu (2026-12-03T08:00) — sửa một trong hai"),
    "khac-kieu.md": ("start: 2026-12-03T08:00\nend: 2026-12-04\n", 9, "end",
                     "'end: 2026-12-04' không viết cùng kiểu với 'start: 2026-12-03T08:00' — viết cả hai là ngày"),
    "chua-hoan.md": ("start: 2026-12-03\nnew_start: 2026-12-10\n", 9, "new_start",
                     "ngày mới chỉ ghi cho sự kiện hoãn, mà 'status' đang là 'theo-lich' — thêm 'status: hoan'"),
    "ngay-kieu-viet.md": ("start: 03/12/2026\n", 8, "start", "'03/12/2026'"),
    "loai-sai.md": ("start: 2026-12-03\nkind: hội thao\n", 8, "kind", "'hội thao' không phải giá trị được phép — có phải ý bạn là 'hội thảo'?"),
}  # fmt: skip


def _event(name: str, extra: str, organisers: str = "[lien-minh-htx-tinh-lao-cai]", articles: str = "[]") -> str:
    slug = name.removesuffix(".md")
    return (f"---\nid: sk-2026-11-20-{slug}\ntitle: Sự kiện {slug}\nsummary: Thử.\nkind: hội nghị\nplace: Hội trường\norganisers: {organisers}\n"
            f"{extra}articles: {articles}\ndate: 2026-11-20T08:00\n---\n\nNội dung.\n")  # fmt: skip


def test_event_mistakes_are_named_in_vietnamese_at_their_line(tmp_path):
    content = copy_content(tmp_path)
    for name, (extra, *_) in BAD_EVENTS.items():
        body = _event(name, extra)
        if name == "loai-sai.md":
            body = body.replace("kind: hội nghị\n", "")
        (content / "su-kien" / name).write_text(body, "utf-8")
    (content / "su-kien/co-quan-la.md").write_text(
        _event("co-quan-la.md", "start: 2026-12-03\n", "[lien-minh-htx-tinh-lao-cai, lien-minh-htx-lao-cai]", "[tin-khong-co]"), "utf-8"
    )
    with pytest.raises(ContentError) as caught:
        load_catalog(content, parse_datetime(NOW))
    lines = [str(p) for p in caught.value.problems]
    for name, (_, line, field, text) in BAD_EVENTS.items():
        where = f"{content.name}/su-kien/{name}:{line}: {field}: "
        assert any(x.startswith(where) and text in x for x in lines), (where, text, lines)
    assert (
        f"{content.name}/su-kien/co-quan-la.md:7: organisers.2: không có cơ quan 'lien-minh-htx-lao-cai' — có phải ý bạn là 'lien-minh-htx-tinh-lao-cai'?"
        in lines
    )
    assert f"{content.name}/su-kien/co-quan-la.md:9: articles.1: không có bài viết 'tin-khong-co' — viết id của một bài viết đã có" in lines
    assert len([x for x in lines if "/su-kien/" in x]) == len(BAD_EVENTS) + 2


def test_portal_new_event_writes_a_skeleton_that_check_accepts_once_filled(tmp_path):
    from site_plugins.editors.newentry import write_skeleton

    content = copy_content(tmp_path)
    target = write_skeleton("event", "Hội nghị tập huấn Luật Hợp tác xã", content, parse_datetime("2026-11-20T09:30"))
    assert target == content / "su-kien" / "hoi-nghi-tap-huan-luat-hop-tac-xa.md"
    assert "id: sk-2026-11-20-hoi-nghi-tap-huan-luat-hop-tac-xa" in target.read_text("utf-8")
    with pytest.raises(ContentError) as caught:  # the places to fill are refused until they are filled
        load_catalog(content, parse_datetime(NOW))
    assert {p.field for p in caught.value.problems} == {"summary", "place", "province", "organisers.1"}
    text = target.read_text("utf-8").replace('summary: "…"', "summary: Tập huấn cho cán bộ.").replace('place: "…"', "place: Hội trường")
    text = text.replace('province: "…"', "province: lao-cai").replace('organisers: ["…"]', "organisers: [lien-minh-htx-tinh-lao-cai]")
    target.write_text(text, "utf-8")
    catalog = load_catalog(content, parse_datetime(NOW))
    (event,) = [e for e in catalog.events if e.id == "sk-2026-11-20-hoi-nghi-tap-huan-luat-hop-tac-xa"]
    assert event.data.start == parse_datetime("2026-11-20T08:00") and event.data.end == parse_datetime("2026-11-20T11:30")


@pytest.mark.browser
def test_hostile_texts_reach_the_page_and_the_calendar_as_written(browser, tmp_path):
    """An event's title, summary, place and note with markup in them: shown as text on the page, in
    the JSON-LD and in the .ics; nothing runs."""
    content = copy_content(tmp_path)
    texts = {"title": UNCLOSED, "summary": LEGIT, "place": QUOTES, "status_note": ENTITIES}
    edit_entry(content / "su-kien/hoi-thao-chuyen-doi-so-ninh-binh.md", lambda d: d.update(texts))
    result = build_site(tmp_path / "site", site_config(tmp_path / "config", content))
    assert result.returncode == 0, result.stderr
    site = Site(tmp_path / "site")
    page = site.html(HOI_THAO)
    assert page.xpath("//h1")[0].text_content() == UNCLOSED and not page.xpath("//h1//img")
    assert page.xpath("//p[@class='portal-sapo']")[0].text_content() == LEGIT
    assert ENTITIES in page.xpath("//p[contains(@class, 'portal-event-status')]")[0].text_content()
    assert not page.xpath("//*[@onerror or @onmouseover]")
    data = json.loads(page.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["name"] == UNCLOSED and data["location"]["name"] == QUOTES
    (event,) = vevents((site.root / HOI_THAO / "lich.ics").read_bytes()).values()
    assert str(event["SUMMARY"]) == f"Đã hủy: {UNCLOSED}" and str(event["LOCATION"]).startswith(QUOTES) and ENTITIES in str(event["DESCRIPTION"])
    calendar = site.html("su-kien/")
    assert UNCLOSED in [a.text_content() for a in calendar.xpath("//*[contains(@class, 'portal-event__title')]/a")]
    with serve_folder(site.root) as base:
        for url in (HOI_THAO, "su-kien/", "dia-phuong/ninh-binh/"):
            with opened(browser, base + url, 1280) as tab:
                assert tab.evaluate("window.__pwned") is None, url


# in the browser -------------------------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_the_calendar_and_an_event_page_fit_a_phone_and_a_desktop(browser, site, width, tmp_path):
    with serve_folder(site.root) as base:
        for url in ("su-kien/", GIAO_BAN):
            with opened(browser, base + url, width) as page:
                assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, url
                shot = tmp_path / f"{url.strip('/').replace('/', '-')}-{width}.png"
                page.screenshot(path=str(shot), full_page=True)
                assert shot.stat().st_size > 20_000
                if url == GIAO_BAN:
                    box = page.get_by_role("link", name="Thêm vào lịch").bounding_box()
                    assert box and box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= width
                else:
                    assert page.locator(".portal-event").count() == EVENTS
