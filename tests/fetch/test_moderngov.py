"""Reading the ModernGov web service's XML (real fixtures) and naming the site."""

from __future__ import annotations

import pytest

from assistant.fetch.http import FetchError, same_site
from assistant.fetch.moderngov import (
    Committee,
    UnknownCommittee,
    choose_committees,
    clean_text,
    council_slug,
    site_base,
    uk_date,
)
from assistant.fetch.save import safe_name


@pytest.mark.parametrize("given, base", [
    ("https://democracy.kent.gov.uk", "https://democracy.kent.gov.uk/"),
    ("democracy.kent.gov.uk", "https://democracy.kent.gov.uk/"),
    ("https://democracy.kent.gov.uk/mgListCommittees.aspx?bcr=1", "https://democracy.kent.gov.uk/"),
    ("https://democracy.kent.gov.uk/mgWebService.asmx/GetCommittees", "https://democracy.kent.gov.uk/"),
    ("https://www.london.gov.uk/about-us/londonassembly/meetings", "https://www.london.gov.uk/about-us/londonassembly/meetings/"),
    ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/"),
])
def test_site_base_is_the_folder_holding_the_web_service(given, base):
    assert site_base(given) == base


def test_site_base_rejects_what_is_not_a_web_address():
    with pytest.raises(FetchError, match="not a web address"):
        site_base("ftp://example.org/x")
    with pytest.raises(FetchError, match="not a web address"):
        site_base("not-a-url")  # no dot: no site's name (it had been tried, and retried, as https://not-a-url/)
    assert site_base("localhost:8080") == "https://localhost:8080/"


@pytest.mark.parametrize("site, slug", [
    ("https://democracy.manchester.gov.uk/", "manchester"),
    ("https://moderngov.lambeth.gov.uk/", "lambeth"),
    ("https://democracy.kent.gov.uk/", "kent"),
    ("https://www.london.gov.uk/about-us/londonassembly/meetings/", "london"),
    ("https://business.senedd.wales/", "senedd"),
    ("http://127.0.0.1:8080/", "site-127-0-0-1"),
])
def test_council_slug_comes_from_the_host(site, slug):
    assert council_slug(site) == slug


def test_same_site_compares_host_and_port():
    site = "http://127.0.0.1:8080/"
    assert same_site("http://127.0.0.1:8080/mgConvert2PDF.aspx?ID=1", site)
    assert not same_site("http://127.0.0.1:8081/x", site)
    assert not same_site("http://localhost:8080/x", site)
    assert not same_site("file:///etc/passwd", site)
    assert not same_site("http://127.0.0.1:80x/", site)
    assert same_site("https://democracy.kent.gov.uk/x", "http://democracy.kent.gov.uk/")  # upgraded to https


COMMITTEES = [Committee("312", "Appointment Sub Committee", expired=True), Committee("163", "Art Galleries Committee"),
              Committee("144", "Audit Committee")]


def test_choose_committees_by_id_or_name_default_current_ones():
    assert [c.id for c in choose_committees(COMMITTEES, [])] == ["163", "144"]
    assert [c.id for c in choose_committees(COMMITTEES, ["audit  committee", "312"])] == ["144", "312"]
    with pytest.raises(UnknownCommittee, match="close matches: Audit Committee"):
        choose_committees(COMMITTEES, ["Audit Comittee"])
    with pytest.raises(UnknownCommittee, match="--list-committees"):
        choose_committees(COMMITTEES, ["Planning"])


def test_values_from_the_xml():
    assert uk_date("10/02/2026") == "2026-02-10"
    assert uk_date("31/02/2026") is None and uk_date("") is None
    assert clean_text("  DRAFT WP \n FEBRUARY\x00 2026\u200b ") == "DRAFT WP FEBRUARY 2026"


def test_safe_names_accept_only_id_like_parts():
    assert safe_name("kent", "m4967", "a60860", suffix=".pdf") == "kent_m4967_a60860.pdf"
    for bad in ("../x", "a/b", "A60860", "", "x" * 70):
        with pytest.raises(ValueError):
            safe_name("kent", bad)


def test_xml_wrapped_in_an_asp_net_string_element_is_read(site):
    from xml.sax.saxutils import escape

    from assistant.fetch.http import PoliteClient
    from assistant.fetch.moderngov import get_committees
    from tests.fetch.mgserver import DATA, xml

    inner = (DATA / "manchester_mgwebservice_GetCommittees_sample.xml").read_text(encoding="utf-8")
    inner = inner.split("?>", 1)[1]
    wrapped = f'<?xml version="1.0" encoding="utf-8"?><string xmlns="http://tempuri.org/">{escape(inner)}</string>'
    site.route("/mgWebService.asmx/GetCommittees", None, xml(wrapped.encode()))
    with PoliteClient(site.base, delay=0) as client:
        assert [c.id for c in get_committees(client, site.base)] == ["312", "163", "144"]
