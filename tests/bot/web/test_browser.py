"""The archive in a real browser (Debian's headless chromium), as a reader uses it: the
timeline lists the seeds' event, the topic filter and the search narrow it, its page
shows its three sources, and a hostile title stays text."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from selenium.common.exceptions import (
    NoAlertPresentException,
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait
from sqlalchemy import select

from bot.store import Database
from bot.store.archive_query import by_id
from bot.store.tables import articles
from tests.bot.web.archive import have_seeds
from tests.bot.web.browser import chromium
from tests.bot.web.conftest import HOSTILE, HOSTILE_ID
from tests.seeds import seeds


def seed_event(db: Database) -> tuple[str, str]:
    """(id, title) of the event the three seed articles became."""
    if not have_seeds():
        pytest.skip("the seed articles are not beside the repository")
    with db.engine.connect() as conn:
        [event_id] = set(conn.execute(select(articles.c.event_id)
                                      .where(articles.c.source_id == "seeds")).scalars())
        found = by_id(conn, event_id)
    assert found is not None
    return event_id, found.event.alert.title


def listed(driver: WebDriver) -> list[str]:
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, "ol.events li.event a.title")]


def click_and_load(driver: WebDriver, element: WebElement) -> None:
    """Click what leads to another page and wait until that page has replaced this one:
    reading right after the click can find the old page's elements, gone a moment later."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 10).until(lambda _: _replaced(page))


def _replaced(page: WebElement) -> bool:
    try:
        page.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as e:
        # chromium's other answer for a node of a page being replaced, mid-navigation
        if "does not belong to the document" in str(e.msg):
            return True
        raise
    return False


def submit(driver: WebDriver) -> None:
    click_and_load(driver, driver.find_element(By.CSS_SELECTOR,
                                               "form.filters button[type=submit]"))


def test_timeline_filters_search_and_event_page(archive_db: Database, site: str,
                                                tmp_path: Path) -> None:
    event_id, title = seed_event(archive_db)
    with chromium() as driver:
        driver.get(site + "/")
        everything = listed(driver)
        assert title in everything and len(everything) >= 3

        # The topic filter: japan-australia drops the seeds' event, india-japan keeps it.
        Select(driver.find_element(By.NAME, "topic")).select_by_value("japan-australia")
        submit(driver)
        assert "topic=japan-australia" in driver.current_url
        narrowed = listed(driver)
        assert narrowed and title not in narrowed and len(narrowed) < len(everything)
        Select(driver.find_element(By.NAME, "topic")).select_by_value("india-japan")
        submit(driver)
        assert title in listed(driver)

        # The search: only the seeds name Kishi (the demo's minister is Koizumi).
        Select(driver.find_element(By.NAME, "topic")).select_by_value("")
        box = driver.find_element(By.NAME, "q")
        box.clear()
        box.send_keys("Kishi")
        submit(driver)
        assert listed(driver) == [title]

        click_and_load(driver, driver.find_element(By.LINK_TEXT, title))
        assert driver.current_url.endswith(f"/events/{event_id}")
        assert driver.find_element(By.TAG_NAME, "h1").text == title
        rows = driver.find_elements(By.CSS_SELECTOR, "table.sources tr.source")
        assert len(rows) == 3
        links = [r.find_element(By.TAG_NAME, "a").get_attribute("href") or "" for r in rows]
        assert {link.rsplit("/", 1)[-1] for link in links} == {
            f"{seed.name}.html" for seed in seeds()}
        assert [r.find_elements(By.TAG_NAME, "td")[0].text for r in rows] == ["Seeds"] * 3
        facts = driver.find_element(By.CSS_SELECTOR, "dl.facts").text
        assert "2020-12-22" in facts and "Rajnath Singh" in facts

        driver.get(site + "/")
        shot = driver.get_screenshot_as_png()
    # Kept for a person to look at (DEFWATCH_SCREENSHOTS=dir), and checked not blank: a
    # page of text has many tones and real contrast, a blank or failed one has one tone.
    keep = os.environ.get("DEFWATCH_SCREENSHOTS")
    (Path(keep) if keep else tmp_path).joinpath("archive-timeline.png").write_bytes(shot)
    image = Image.open(io.BytesIO(shot)).convert("L")
    assert image.size[0] > 300 and image.size[1] > 300
    low, high = image.getextrema()
    assert isinstance(low, int) and isinstance(high, int) and high - low > 128
    assert ImageStat.Stat(image).stddev[0] > 10
    assert len(image.getcolors(maxcolors=65536) or []) > 16


def test_a_hostile_title_is_shown_as_text(site: str) -> None:
    with chromium() as driver:
        driver.get(f"{site}/events/{HOSTILE_ID}")
        with pytest.raises(NoAlertPresentException):
            _ = driver.switch_to.alert.text
        assert driver.find_element(By.TAG_NAME, "h1").text == HOSTILE
        assert driver.title == f"{HOSTILE} · defwatch archive"  # not set to "owned"
        assert driver.find_elements(By.CSS_SELECTOR, "main img, main script") == []
        # A source whose URL is not http(s) gets no live link.
        href = driver.find_element(By.CSS_SELECTOR, "table.sources a").get_attribute("href")
        assert href is not None and not href.startswith("javascript:")
