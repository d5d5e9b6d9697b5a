"""`lichsync serve`: the feeds folder over HTTP for phones and calendar apps to subscribe to."""
from __future__ import annotations

import os
import socket
import tomllib
from pathlib import Path
from typing import Optional

import typer

from lichsync.cli.console import fail
from lichsync.cli.inputs import config_file, default_config_path, verbose_option
from lichsync.errors import ConfigError
from lichsync.settings import FeedSettings, parse_feeds

TOKENS_FILE = ".tokens.toml"  # lichsync.publish.serve.TOKENS_FILE, named here so `--help` needs no web stack


def feed_settings(config_path: Path) -> FeedSettings:
    """[feeds] of a config file, for `serve --config`; mistakes are one line and exit 2."""
    try:
        doc = tomllib.loads(config_path.read_text(encoding="utf-8"))
        return parse_feeds(doc.get("feeds", {}), config_path.resolve().parent)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise fail(config_path, f"not valid TOML: {e}")
    except ConfigError as e:
        raise fail(config_path, str(e))
    except OSError as e:
        raise fail(config_path, e.strerror or str(e))


def serve(
    directory: Optional[Path] = typer.Option(None, "--dir", "-d", help="The feeds folder (what `export --all -d` or `sync` writes)."),
    config_path: Optional[Path] = typer.Option(None, "--config", "-c", envvar="LICHSYNC_CONFIG",
                                               help="Without --dir: the folder and tokens of the config's \\[feeds] (default: lichsync.toml in the user config dir)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; put nginx or a proxy in front for the internet."),
    port: int = typer.Option(8080, "--port", "-p", min=0, max=65535),
    token_file: Optional[Path] = typer.Option(
        None, "--token-file", help=f"Secret path segments per feed (TOML); default DIR/{TOKENS_FILE} when it exists."),
    make_tokens: bool = typer.Option(False, "--new-tokens", help="Give every feed without a token a new one, then exit."),
    print_map: bool = typer.Option(False, "--nginx-map", help="Print the URL map for nginx (contrib/nginx-feeds.conf), then exit."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="The address phones reach the feeds at "
                                           "(https://lich.example.gov.vn): the subscribe page's links and QR codes."),
    state_path: Optional[Path] = typer.Option(None, "--state", envvar="LICHSYNC_STATE",
                                              help="State database of sync and the desk's corrections (default: the user state dir)."),
    hash_password: bool = typer.Option(False, "--hash-password", help="Ask for the desk's password and print "
                                       "its hash for [desk] password_hash, then exit."),
    verbose: bool = verbose_option(),
) -> None:
    """Serve the .ics feeds of a folder, with ETags, 304s, secret links and a subscribe page with QR codes;
    with [desk] in the config, the office's desk at /desk/ too."""
    from lichsync.publish.serve import Tokens, create_app, feed_stems, new_tokens, nginx_map, read_tokens
    if hash_password:
        from lichsync.desk.auth import hash_password as scrypt_hash
        typer.echo(scrypt_hash(typer.prompt("Desk password", hide_input=True, confirmation_prompt=True)))
        return
    if directory is None:
        config_path = config_file(config_path, verbose)
        if config_path is None:
            raise fail("serve", f"give --dir FEEDS, or --config FILE with [feeds] dir (none at {default_config_path()})")
        feeds = feed_settings(config_path)
        if feeds.dir is None:
            raise fail(config_path, "feeds.dir: not set (or give --dir)")
        directory, token_file = feeds.dir, token_file or feeds.tokens
    if not directory.is_dir():
        raise fail(directory, "not a folder of .ics feeds")
    token_file = token_file or directory / TOKENS_FILE
    try:
        if make_tokens:
            added = new_tokens(directory, token_file)
            typer.echo(f"{token_file}: {len(added)} new token{'s' if len(added) != 1 else ''}"
                       + (f" ({', '.join(added)})" if added else ""))
            return
        tokens = read_tokens(token_file) if token_file.exists() else Tokens()
        if print_map:
            typer.echo(nginx_map(directory, tokens), nl=False)
            return
    except ConfigError as e:
        raise fail(token_file, str(e))
    except OSError as e:
        raise fail(token_file, e.strerror or str(e))
    from lichsync.publish import listen  # only when serving: other commands start faster without uvicorn

    try:  # bound here, so a busy port is one line before "Serving …" is claimed
        sock = socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    except OSError as e:
        raise fail(f"{host}:{port}", f"cannot listen there: {os.strerror(e.errno) if e.errno else e}") from None
    port = sock.getsockname()[1]
    shown = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    stems = feed_stems(directory)
    typer.echo(f"Serving {len(stems)} feed{'s' if len(stems) != 1 else ''} of {directory} on {shown}/", err=True)
    if tokens.index:
        typer.echo(f"Every feed, with its secret link: {shown}/{tokens.index}/", err=True)
    app = create_app(directory, tokens, base_url)
    desk_config = config_file(config_path)
    if desk_config is not None:
        from lichsync.desk.app import load_desk, mount
        from lichsync.sync.state import default_path
        try:
            desk = load_desk(desk_config, state_path or default_path(), tokens, base_url)
        except ConfigError as e:
            raise fail(desk_config, str(e))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise fail(desk_config, f"cannot read the desk's configuration: {e}")
        if desk is not None:
            app = mount(app, desk)
            typer.echo(f"The office's desk: {shown}/desk/", err=True)
    listen.run(app, sock)
