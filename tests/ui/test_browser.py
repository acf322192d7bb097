"""One real browser run: `streamlit run app.py` driven by headless Chromium (Debian's chromium + chromium-driver).

Skips when Chromium or selenium is missing, unless REQUIRE_BROWSER_TESTS=1. Set UI_SCREENSHOT_TO=docs/screenshot.png
to keep the screenshot (that is how the README's screenshot is made).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow

CHROMIUM = Path(os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1700"]


def _need(condition: bool, why: str) -> None:
    if not condition:
        if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
            pytest.fail(why)
        pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early: {proc.stdout.read().decode(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError("streamlit did not start in time")


@contextmanager
def _serve(index: Path, uploads: Path):
    port = _free_port()
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(index), "ASSISTANT_SOURCE_DIR": str(uploads)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def server(ui_index: Path, tmp_path: Path):
    with _serve(ui_index, tmp_path / "uploads") as url:
        yield url


@pytest.fixture
def browser():
    _need(CHROMIUM.exists() and CHROMEDRIVER.exists(),
          f"Chromium not found ({CHROMIUM}, {CHROMEDRIVER}); apt-get install chromium chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _need(False, "selenium is not installed (pip install selenium)")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_browser__question_shows_answer_with_citation_cards(server, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server)
    wait = WebDriverWait(browser, 240)
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "textarea[data-testid='stChatInputTextArea']")))
    box.send_keys("What did inspectors say about step-down?")
    box.send_keys(Keys.ENTER)
    card = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".sa-card mark")))
    assert "step" in card.text.lower()
    wait.until(lambda d: any("para 2" in e.text for e in d.find_elements(By.CSS_SELECTOR, "[data-testid='stCode']")))
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "Open the PDF at page")
    assert "#page=" in link.get_attribute("href")
    time.sleep(1.5)  # let the streamed answer and cards settle before the picture
    browser.execute_script("document.querySelector(\"[data-testid='stChatMessage']\").scrollIntoView()")
    time.sleep(0.5)
    shot = tmp_path / "answer.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    if target := os.environ.get("UI_SCREENSHOT_TO"):
        shutil.copyfile(shot, REPO / target)
    # the linked PDF is really served by the app
    pdf_url = link.get_attribute("href").split("#")[0]
    with urllib.request.urlopen(pdf_url, timeout=10) as r:
        assert r.headers.get_content_type() == "application/pdf"
        assert r.read(5) == b"%PDF-"


def _nothing_live(browser) -> None:
    """No image, link, tag or script from the document is live, and nothing was fetched from its addresses."""
    from selenium.webdriver.common.by import By

    live = browser.find_elements(By.CSS_SELECTOR, "img[src*='127.0.0.1:9'], a[href*='evil.example'], u")
    assert not live, [browser.execute_script(
        "const t = arguments[0].closest('[data-testid]'); return [arguments[0].outerHTML, t && t.dataset.testid, "
        "t && t.outerHTML.slice(0, 300)]", e) for e in live]
    assert not browser.execute_script("return window.__injected === true")
    fetched = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert not [u for u in fetched if "127.0.0.1:9" in u or "evil.example" in u]


def test_browser__document_markup_is_shown_as_text_on_every_page(injection_index, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    with _serve(injection_index / "index", injection_index / "uploads") as url:
        browser.get(url)
        wait = WebDriverWait(browser, 240)
        box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "textarea[data-testid='stChatInputTextArea']")))
        box.send_keys("What will the Council do about social worker caseloads?")
        box.send_keys(Keys.ENTER)
        wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".sa-card")))
        time.sleep(2)  # the streamed answer settles
        page = browser.find_element(By.TAG_NAME, "body").text
        assert "[click here](http://evil.example/phish)" in page  # shown as written
        _nothing_live(browser)

        browser.find_element(By.XPATH, "//label[.//p[text()='Commitments & findings']]").click()
        topic = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "input[aria-label='Topic']")))
        topic.send_keys("caseloads")
        topic.send_keys(Keys.ENTER)
        # each statement's source paragraph, its script tag and Markdown shown as written: the paragraph shown is
        # that of the row chosen under the table, so both rows are shown in turn, in whichever order the table has
        shown = []
        for row in ("1", "2"):
            pick = wait.until(ec.element_to_be_clickable(
                (By.CSS_SELECTOR, "input[aria-label='Show the source paragraph of row']")))
            pick.send_keys(Keys.CONTROL, "a")
            pick.send_keys(row, Keys.ENTER)
            wait.until(lambda d: (text := d.find_element(By.TAG_NAME, "body").text) not in shown
                       and ("caseloads to 18" in text or "figures every quarter" in text))
            time.sleep(1)  # the rerun settles
            shown.append(browser.find_element(By.TAG_NAME, "body").text)
        assert any("<script>window.__injected = true</script> **bold**" in text for text in shown)
        assert any("[click here](http://evil.example/phish)" in text for text in shown)
        for tab in browser.find_elements(By.CSS_SELECTOR, "button[role='tab']"):
            tab.click()
            time.sleep(1)
            _nothing_live(browser)

        browser.find_element(By.XPATH, "//label[.//p[text()='Document library']]").click()
        wait.until(lambda d: "Add a document" in d.find_element(By.TAG_NAME, "body").text)
        _nothing_live(browser)
