"""`lichsync serve` over real HTTP: uvicorn on a free 127.0.0.1 port, httpx as the calendar app."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from email.utils import formatdate
from pathlib import Path

import httpx
import lxml.html
import pytest
import segno
import uvicorn

from lichsync.errors import ConfigError
from lichsync.publish.serve import Tokens, create_app, new_tokens, read_tokens

from conftest import run_cli

FEED = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//lichsync//test//VI\r\nX-WR-CALNAME:Lịch công tác – {who}\r\n"
    "BEGIN:VEVENT\r\nUID:{who}-1@lichsync\r\nDTSTAMP:20231101T000000Z\r\nDTSTART:20231106T013000Z\r\n"
    "DTEND:20231106T043000Z\r\nSUMMARY:Họp giao ban\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
TOKEN = "lac-secret-token-0123456789"
INDEX = "index-secret-token-0123456789"


class Server:
    """uvicorn in a thread, bound to a socket the test opened on port 0 (so the port is free)."""

    def __init__(self, app):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.01)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


@pytest.fixture
def feeds(tmp_path: Path) -> Path:
    for who in ("lac", "cong", "all"):
        (tmp_path / f"{who}.ics").write_text(FEED.format(who=who), encoding="utf-8", newline="")
    return tmp_path


@pytest.fixture
def public(feeds: Path):
    with Server(create_app(feeds)) as server:
        yield server


@pytest.fixture
def private(feeds: Path):
    tokens = Tokens(feeds={"lac": TOKEN, "all": ""}, index=INDEX, enabled=True)
    with Server(create_app(feeds, tokens)) as server:
        yield server


def test_feed_content_type_etag_and_last_modified(public, feeds):
    r = httpx.get(f"{public.url}/lac.ics")
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/calendar; charset=utf-8"
    assert r.content == (feeds / "lac.ics").read_bytes()
    assert r.headers["etag"].startswith('"') and not r.headers["etag"].startswith("W/")
    assert r.headers["last-modified"] == formatdate((feeds / "lac.ics").stat().st_mtime, usegmt=True)
    assert httpx.get(f"{public.url}/cong.ics").headers["etag"] != r.headers["etag"]
    head = httpx.head(f"{public.url}/lac.ics")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(len(r.content)) and head.headers["etag"] == r.headers["etag"]


def test_revalidation_304_then_200_after_a_change(public, feeds):
    first = httpx.get(f"{public.url}/lac.ics")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = httpx.get(f"{public.url}/lac.ics", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert httpx.get(f"{public.url}/lac.ics", headers={"If-Modified-Since": modified}).status_code == 304
    assert httpx.get(f"{public.url}/lac.ics", headers={"If-None-Match": '"other", ' + etag}).status_code == 304
    # If-None-Match decides when both are sent (RFC 9110): a stale tag is a 200 even with a fresh date
    assert httpx.get(f"{public.url}/lac.ics", headers={"If-None-Match": '"old"', "If-Modified-Since": modified}).status_code == 200

    path = feeds / "lac.ics"
    path.write_text(FEED.format(who="lac").replace("Họp giao ban", "Họp giao ban (sửa)"), encoding="utf-8", newline="")
    os.utime(path, (time.time() + 5, time.time() + 5))
    changed = httpx.get(f"{public.url}/lac.ics", headers={"If-None-Match": etag, "If-Modified-Since": modified})
    assert changed.status_code == 200 and "(sửa)" in changed.text and changed.headers["etag"] != etag
    assert httpx.get(f"{public.url}/lac.ics", headers={"If-Modified-Since": modified}).status_code == 200


def test_tokens_private_feeds_are_404_without_their_token(private):
    assert httpx.get(f"{private.url}/{TOKEN}/lac.ics").status_code == 200
    assert httpx.get(f"{private.url}/all.ics").status_code == 200  # "" = public
    for path in ("/lac.ics",                       # private feed without its token
                 "/wrong-token-0123456789/lac.ics",  # a wrong token
                 f"/{TOKEN}/cong.ics",             # a token of another feed
                 "/cong.ics",                      # not in the tokens file: not served at all
                 f"/{TOKEN}/all.ics",              # the public feed under a token path
                 "/nothing.ics", "/.tokens.toml", "/../lac.ics", f"/{TOKEN}/../lac.ics",
                 "/wrong-token-0123456789/"):
        r = httpx.get(private.url + path)
        assert r.status_code == 404, path
        assert TOKEN not in r.text


def test_index_pages_show_only_what_the_visitor_may_see(private):
    home = httpx.get(f"{private.url}/").text
    assert "/all.ics" in home and TOKEN not in home and "cong" not in home
    mine = httpx.get(f"{private.url}/{TOKEN}/").text
    assert f"webcal://127.0.0.1:{private.url.rsplit(':', 1)[1]}/{TOKEN}/lac.ics" in mine and "all.ics" not in mine
    every = httpx.get(f"{private.url}/{INDEX}/").text
    assert f"/{TOKEN}/lac.ics" in every and "/all.ics" in every and "cong.ics" not in every


def test_tokens_file_new_tokens_then_read(feeds):
    path = feeds / ".tokens.toml"
    assert sorted(new_tokens(feeds, path)) == ["all", "cong", "lac"]
    assert path.stat().st_mode & 0o077 == 0
    tokens = read_tokens(path)
    assert set(tokens.feeds) == {"all", "cong", "lac"} and len(set(tokens.feeds.values())) == 3
    (feeds / "hoa.ics").write_text(FEED.format(who="hoa"), encoding="utf-8")
    assert new_tokens(feeds, path) == ["hoa"]
    again = read_tokens(path)
    assert {k: again.feeds[k] for k in tokens.feeds} == tokens.feeds and again.index == tokens.index


@pytest.mark.parametrize("text, key", [
    ('[feeds]\nlac = "short"\n', "feeds.lac"),
    ('[feeds]\nlac = 5\n', "feeds.lac"),
    ('feeds = "x"\n', "feeds"),
    ('lac = "0123456789abcdefgh"\n', "lac"),
    ('[feeds]\nlac = "0123456789abcdefgh"\ncong = "0123456789abcdefgh"\n', "feeds"),
])
def test_malformed_tokens_file_names_the_key(tmp_path, text, key):
    path = tmp_path / "t.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as e:
        read_tokens(path)
    assert e.value.key == key


def test_cli_serve_bad_token_file_is_one_line_exit_2(feeds):
    (feeds / ".tokens.toml").write_text("[feeds\n")
    r = run_cli("serve", "--dir", feeds)
    assert r.returncode == 2
    assert r.stderr.startswith(f"lichsync: {feeds / '.tokens.toml'}: not valid TOML") and r.stderr.count("\n") == 1


# --- the index page in a real browser -------------------------------------------------------------

def chromium() -> str:
    """Debian's chromium; installed here when missing (as root with apt), else the test is skipped."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True, timeout=600, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], capture_output=True, timeout=600, env=env)
        found = shutil.which("chromium")
    if not found:
        pytest.skip("Debian's chromium is not installed and cannot be installed here (needs root and apt)")
    return found


def dump_dom(url: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--dump-dom", url],
            capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


def test_index_in_headless_chromium_has_subscribe_links_and_qr_codes(feeds):
    tokens = Tokens(feeds={"lac": TOKEN, "all": ""}, index=INDEX, enabled=True)
    with Server(create_app(feeds, tokens, base_url="https://lich.example.gov.vn")) as server:
        page = lxml.html.fromstring(dump_dom(f"{server.url}/{INDEX}/"))
    host = "lich.example.gov.vn"
    links = page.xpath('//a[@class="subscribe"]/@href')
    assert sorted(links) == sorted([f"webcal://{host}/all.ics", f"webcal://{host}/{TOKEN}/lac.ics"])
    images = page.xpath('//img[@class="qr"]/@src')
    assert len(images) == 2
    # each QR code is the code of its feed's webcal link, as segno draws it, with a quiet zone of 4 modules
    for link in links:
        assert segno.make(link, error="m").svg_data_uri(scale=4, border=4) in images
    assert [h.text_content() for h in page.xpath("//li/h2")] == ["Lịch công tác – all", "Lịch công tác – lac"]


def test_cli_serve_takes_folder_and_tokens_from_the_config(tmp_path, feeds):
    tokens = tmp_path / "secret" / "tokens.toml"
    tokens.parent.mkdir()
    config = tmp_path / "c.toml"
    config.write_text(f'[feeds]\ndir = "{feeds}"\ntokens = "secret/tokens.toml"\n', encoding="utf-8")
    made = run_cli("serve", "--config", config, "--new-tokens")
    assert made.returncode == 0 and made.stdout.startswith(f"{tokens}: 3 new tokens")
    lac = read_tokens(tokens).feeds["lac"]
    nginx = run_cli("serve", "--config", config, "--nginx-map")
    assert f'"/{lac}/lac.ics" "lac.ics";' in nginx.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text("[feeds]\ndir = 3\n")
    result = run_cli("serve", "--config", bad)
    assert result.returncode == 2 and result.stderr == f"lichsync: {bad}: feeds.dir: expected a non-empty string\n"
