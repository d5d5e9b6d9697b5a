"""contrib/nginx-feeds.conf in a real nginx: the same URLs, content type, ETag/304 and 404s as `serve`."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from lichsync.publish.serve import Tokens, nginx_map

from conftest import REPO
from test_serve import FEED, TOKEN


def nginx() -> str:
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.path.exists(p)), None)
    if not found:
        pytest.skip("nginx is not installed (.ci/run installs Debian's nginx-light)")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path: Path):
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    for who in ("lac", "cong", "all"):
        (feeds / f"{who}.ics").write_text(FEED.format(who=who), encoding="utf-8", newline="")
    (feeds / ".tokens.toml").write_text(f'[feeds]\nlac = "{TOKEN}"\nall = ""\n')
    tokens = Tokens(feeds={"lac": TOKEN, "all": ""}, enabled=True)
    (tmp_path / "lichsync-feeds.map").write_text(nginx_map(feeds, tokens))
    port = free_port()
    site = (REPO / "contrib" / "nginx-feeds.conf").read_text()
    site = (site.replace("/etc/nginx/lichsync-feeds.map", str(tmp_path / "lichsync-feeds.map"))
                .replace("/var/lib/lichsync/feeds", str(feeds))
                .replace("/var/log/nginx/lichsync-feeds.log", str(tmp_path / "access.log"))
                .replace("listen 80;", f"listen 127.0.0.1:{port};"))
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; worker_processes 1;\n"
        + ("user root;\n" if os.geteuid() == 0 else "")
        + "events { worker_connections 64; }\n"
        f"http {{ client_body_temp_path {tmp_path}; proxy_temp_path {tmp_path}; fastcgi_temp_path {tmp_path};"
        f" uwsgi_temp_path {tmp_path}; scgi_temp_path {tmp_path}; access_log off;\n{site}\n}}\n")
    proc = subprocess.Popen([nginx(), "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
                            stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                httpx.get(url + "/")
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.05)
        yield url, feeds
    finally:
        proc.terminate()
        proc.wait(10)


def test_nginx_serves_the_feeds_like_serve(served):
    url, feeds = served
    r = httpx.get(f"{url}/{TOKEN}/lac.ics")
    assert r.status_code == 200 and r.content == (feeds / "lac.ics").read_bytes()
    assert r.headers["content-type"] == "text/calendar; charset=utf-8"
    assert r.headers["cache-control"] == "no-cache"
    etag, modified = r.headers["etag"], r.headers["last-modified"]
    assert httpx.get(f"{url}/{TOKEN}/lac.ics", headers={"If-None-Match": etag}).status_code == 304
    assert httpx.get(f"{url}/{TOKEN}/lac.ics", headers={"If-Modified-Since": modified}).status_code == 304
    assert httpx.get(f"{url}/all.ics").status_code == 200
    for path in ("/lac.ics", "/wrong-token-0123456789/lac.ics", f"/{TOKEN}/cong.ics", "/cong.ics",
                 "/.tokens.toml", "/", f"/{TOKEN}/", f"/{TOKEN}/all.ics"):
        assert httpx.get(url + path).status_code == 404, path
