"""The office's desk in a real browser: Debian's chromium driven by selenium through Debian's chromium-driver.

`lichsync serve` runs as the office would run it (a config with [desk], a real Radicale for an
official's calendar); the clerk signs in, uploads a visible sample, corrects one field, looks at
the plan, publishes, and the feed file and the Radicale calendar both change. Screenshots are kept
in tests/artifacts/ (and the README's copies in docs/ are made from them).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time

import caldav
import httpx
import pytest

from conftest import REPO
from lichsync.desk.auth import hash_password
from push_servers import PASSWORD, USER

selenium = pytest.importorskip("selenium")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as seen  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SAMPLE = REPO / "samples/weekly/thanhhoa-tp-ubnd-2019w36.txt"
ARTIFACTS = REPO / "tests/artifacts"
DESK_PASSWORD = "văn phòng 2019"


def chromedriver() -> str:
    """Debian's chromium-driver (with chromium); installed here when missing (as root with apt), else skipped."""
    if not shutil.which("chromedriver") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True, timeout=600, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"], capture_output=True,
                       timeout=900, env=env)
    found = shutil.which("chromedriver")
    if not found or not shutil.which("chromium"):
        pytest.skip("Debian's chromium and chromium-driver are not installed and cannot be installed here")
    return found


@pytest.fixture
def browser(tmp_path):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,900", "--lang=vi"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=chromedriver()))
    yield driver
    driver.quit()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def desk(tmp_path, radicale):
    """`lichsync serve` with the desk, feeds in tmp_path/feeds, Xuân's calendar on Radicale."""
    calendar = radicale.new_calendar()
    (tmp_path / "feeds").mkdir()
    config = tmp_path / "lichsync.toml"
    config.write_text(f"""
[organization]
name = "UBND thành phố Thanh Hóa"

[officials.xuan]
short_name = "Xuân"
calendars = {{ caldav = "{calendar}" }}

[officials.tu]
short_name = "Tú"

[targets.caldav]
username = "{USER}"
password = "{PASSWORD}"

[feeds]
dir = "feeds"

[desk]
password_hash = "{hash_password(DESK_PASSWORD)}"
uploads = "uploads"
""", encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "lichsync", "serve", "-c", str(config), "--state",
                               str(tmp_path / "state.sqlite3"), "--port", str(port), "--base-url",
                               "https://lich.example.gov.vn"], cwd=REPO,
                              stdout=subprocess.DEVNULL, stderr=open(tmp_path / "serve.log", "wb"))
    url = f"http://localhost:{port}"  # localhost: a secure context, so the desk's Secure cookie is kept over http
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/desk/login", timeout=1)
            break
        except httpx.HTTPError:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail((tmp_path / "serve.log").read_text())
            time.sleep(0.1)
    yield url, tmp_path, calendar
    server.terminate()
    server.wait(timeout=10)


def shot(driver, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"desk-{name}.png"))


def radicale_locations(radicale, url: str) -> dict[str, str]:
    cal = caldav.Calendar(client=radicale.client, url=url)
    return {str(e.icalendar_component["SUMMARY"]): str(e.icalendar_component.get("LOCATION", ""))
            for e in cal.events()}


def test_clerk_signs_in_uploads_corrects_and_publishes(browser, desk, radicale):
    url, folder, calendar = desk
    wait = WebDriverWait(browser, 60)
    browser.get(f"{url}/desk/")
    assert browser.current_url.endswith("/desk/login")
    browser.find_element(By.ID, "password").send_keys("sai mật khẩu\n")
    wait.until(seen.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=alert]"), "Sai mật khẩu"))
    browser.find_element(By.ID, "password").send_keys(DESK_PASSWORD + "\n")
    wait.until(seen.presence_of_element_located((By.ID, "upload")))
    cookie = browser.get_cookie("lichsync_desk")
    assert cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    shot(browser, "upload")

    browser.find_element(By.ID, "file").send_keys(str(SAMPLE))
    browser.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()
    wait.until(seen.url_contains("/desk/doc/"))
    events = browser.find_elements(By.CSS_SELECTOR, "li.event")
    assert len(events) == 9
    source = events[1].find_element(By.CSS_SELECTOR, ".source").text
    assert "dòng 3: T. Ba 03/9 | 7:30 | Giao ban Chủ tịch, các PCT UBND TP" in source
    shot(browser, "review")

    # correct one field in place: the room of the 03/09 briefing, with the keyboard
    meeting = browser.find_element(By.ID, "e1")
    meeting.find_element(By.TAG_NAME, "summary").click()
    room = meeting.find_element(By.NAME, "location")
    room.clear()
    room.send_keys("Phòng họp số 1, tầng 3")
    shot(browser, "correct")
    meeting.find_element(By.CSS_SELECTOR, "button[value=edit]").click()
    wait.until(seen.text_to_be_present_in_element((By.CSS_SELECTOR, "#e1 .who"), "Phòng họp số 1, tầng 3"))
    assert "đã sửa" in browser.find_element(By.ID, "e1").text

    browser.get(browser.current_url.split("?")[0] + "?view=week&official=xuan")
    cells = browser.find_elements(By.CSS_SELECTOR, "table.grid a.ev")
    assert len(cells) == 6  # Xuân's six events of the week
    shot(browser, "week")

    browser.get(f"{url}/desk/publish")
    plan = browser.find_element(By.CSS_SELECTOR, "table.plan").text
    assert "xuan" in plan and "Giao ban Chủ tịch" in plan
    assert not (folder / "feeds/xuan.ics").exists() and radicale_locations(radicale, calendar) == {}
    shot(browser, "plan")
    browser.find_element(By.CSS_SELECTOR, "button.primary").click()
    wait.until(seen.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Xong"))
    shot(browser, "published")

    feed = (folder / "feeds/xuan.ics").read_text(encoding="utf-8").replace("\r\n ", "")
    assert "LOCATION:Phòng họp số 1\\, tầng 3" in feed
    pushed = radicale_locations(radicale, calendar)
    assert len(pushed) == 6
    assert [loc for title, loc in pushed.items() if title.startswith("Giao ban Chủ tịch")] == ["Phòng họp số 1, tầng 3"]

    browser.set_window_size(390, 844)  # a phone
    browser.get(f"{url}/desk/official/xuan")
    assert browser.find_element(By.CSS_SELECTOR, "a.google").get_attribute("href").startswith(
        "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Flich.example.gov.vn%2Fxuan.ics")
    assert browser.find_element(By.CSS_SELECTOR, "img.qr").get_attribute("alt") == "Mã QR: webcal://lich.example.gov.vn/xuan.ics"
    shot(browser, "official-phone")
