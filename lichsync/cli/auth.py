"""`lichsync auth google`: sign in once in a browser; the token is kept (mode 0600) for later pushes."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from lichsync.cli.console import fail
from lichsync.cli.inputs import load_config

app = typer.Typer(no_args_is_help=True, help="Sign in to calendar services.")


@app.command("google")
def google(
    client_secrets: Optional[Path] = typer.Option(None, "--client-secrets", help="OAuth client (installed app) JSON from the Google Cloud console."),
    token: Optional[Path] = typer.Option(None, "--token", help="Where to keep the token (default: the user config dir)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Print the sign-in URL instead of opening a browser."),
    config_path: Optional[Path] = typer.Option(None, "--config", "-c", envvar="LICHSYNC_CONFIG"),
) -> None:
    """Installed-app OAuth flow for Google Calendar (cron jobs may use a service account instead)."""
    from google_auth_oauthlib.flow import InstalledAppFlow

    from lichsync.publish.google import SCOPES, save_token, token_path

    config = load_config(config_path)
    secrets = client_secrets or (Path(config.targets.google.client_secrets).expanduser()
                                 if config.targets.google.client_secrets else None)
    if secrets is None:
        raise fail("--client-secrets", "give the OAuth client JSON (or targets.google.client_secrets in the config)")
    try:
        flow = InstalledAppFlow.from_client_secrets_file(str(secrets), SCOPES)
    except (OSError, ValueError) as e:
        raise fail(secrets, f"not an OAuth client file: {getattr(e, 'strerror', None) or e}")
    creds = flow.run_local_server(port=0, open_browser=not no_browser)
    path = token or token_path()
    try:
        save_token(path, creds.to_json())
    except OSError as e:
        raise fail(path, f"cannot write the token: {e.strerror or e}")
    typer.echo(f"{path}: Google token saved (mode 0600)")
