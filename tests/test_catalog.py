"""The catalog built from the demo content: publishing rules and indexes."""

from helpers import CONTENT

from site_plugins.catalog.loading import load_catalog
from site_plugins.content.schema import parse_datetime


def ids(entries):
    return [e.id for e in entries]


def test_drafts_and_future_entries_are_hidden(catalog):
    hidden = set(ids(catalog.hidden))
    assert hidden == {"tin-2026-11-20-chuyen-doi-so-ban-nhap", "tin-2027-01-10-dien-dan-htx"}
    assert not hidden & set(ids(catalog.entries))


def test_preview_shows_drafts_and_future_entries():
    preview = load_catalog(CONTENT, parse_datetime("2026-11-25T12:00"), preview=True)
    assert "tin-2026-11-20-chuyen-doi-so-ban-nhap" in preview.by_id
    assert "tin-2027-01-10-dien-dan-htx" in preview.by_id


def test_a_scheduled_article_appears_once_its_time_has_come():
    later = load_catalog(CONTENT, parse_datetime("2027-01-10T08:00"))
    assert "tin-2027-01-10-dien-dan-htx" in later.by_id
    assert "tin-2026-11-20-chuyen-doi-so-ban-nhap" not in later.by_id  # still a draft


def test_entries_are_newest_first(catalog):
    dates = [e.published for e in catalog.entries]
    assert dates == sorted(dates, reverse=True)


def test_joint_document_is_indexed_under_both_issuers(catalog):
    for agency in ("lien-minh-htx-tinh-lao-cai", "ban-tuyen-giao-tinh-uy-lao-cai"):
        assert "ctph-14-lmhtx-btgtu-lao-cai-2022" in ids(catalog.by_agency[agency])


def test_column_index_includes_sub_columns(catalog):
    parent = ids(catalog.by_column["kinh-te-tap-the-htx"])
    child = ids(catalog.by_column["htx-kieu-moi"])
    assert child and set(child) <= set(parent)
    assert "tin-2022-07-22-lao-cai-chuong-trinh-phoi-hop" in parent


def test_province_index_has_news_cooperatives_and_documents(catalog):
    kinds = {e.kind for e in catalog.by_province["ninh-binh"]}
    assert kinds == {"article", "cooperative", "event"}  # the workshop on digital change takes place there
    lao_cai = ids(catalog.by_province["lao-cai"])
    assert "ctph-14-lmhtx-btgtu-lao-cai-2022" in lao_cai and "htx-che-shan-tuyet-ban-xeo" in lao_cai


def test_tag_cooperative_and_month_indexes(catalog):
    assert "htx-ca-phe-ea-kiet" in ids(catalog.by_tag["chuyen-doi-so"])
    assert ids(catalog.mentions["htx-coi-my-nghe-kim-son"]) == ["tin-2024-06-28-tong-ket-thang-hanh-dong", "tin-2024-05-29-kim-son-nghe-coi"]
    assert ids(catalog.by_month[(2022, 10)]) == ["tin-2022-10-24-ninh-binh-ky-ket-phoi-hop"]


def test_agency_tree_and_lineage(catalog):
    assert "lien-minh-htx-tinh-ninh-binh" in catalog.children["lien-minh-htx-viet-nam"]
    assert "ubnd-huyen-bac-ha" in catalog.agency_descendants("ubnd-tinh-lao-cai")
    predecessors = [p for p, _ in catalog.predecessors["ban-tuyen-giao-va-dan-van-trung-uong"]]
    assert predecessors == ["ban-tuyen-giao-trung-uong", "ban-dan-van-trung-uong"]
    assert sorted(p for p, _ in catalog.predecessors["ninh-binh"]) == ["ha-nam", "nam-dinh"]
