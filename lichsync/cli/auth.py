"""`lichsync auth google`: sign in once in a browser; the token is kept (mode 0600) for later pushes."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from lichsync.cli.console import fail
from lichsync.cli.inputs import load_config, verbose_option

app = typer.Typer(no_args_is_help=True, help="Sign in to calendar services.")


@app.command("google")
def google(
    client_secrets: Optional[Path] = typer.Option(None, "--client-secrets", help="OAuth client (installed app) JSON from the Google Cloud console."),
    token: Optional[Path] = typer.Option(None, "--token", help="Where to keep the token (default: the user config dir)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Print the sign-in URL instead of opening a browser "
                                    "(a server: forward the port with ssh -L, as printed)."),
    port: int = typer.Option(8085, "--port", min=1, max=65535, help="Local port Google redirects the sign-in to."),
    timeout: int = typer.Option(300, "--timeout", min=1, help="Seconds to wait for the sign-in before giving up."),
    config_path: Optional[Path] = typer.Option(None, "--config", "-c", envvar="LICHSYNC_CONFIG"),
    verbose: bool = verbose_option(),
) -> None:
    """Installed-app OAuth flow for Google Calendar (cron jobs may use a service account instead)."""
    from google_auth_oauthlib.flow import InstalledAppFlow

    from lichsync.publish.google import SCOPES, save_token, token_path

    config = load_config(config_path, verbose)
    secrets = client_secrets or (Path(config.targets.google.client_secrets).expanduser()
                                 if config.targets.google.client_secrets else None)
    if secrets is None:
        raise fail("--client-secrets", "give the OAuth client JSON (or targets.google.client_secrets in the config)")
    try:
        flow = InstalledAppFlow.from_client_secrets_file(str(secrets), SCOPES)
    except (OSError, ValueError) as e:
        raise fail(secrets, f"not an OAuth client file: {getattr(e, 'strerror', None) or e}")
    if no_browser:  # as gcalcli says it: the browser is on another machine, the redirect comes back through ssh
        typer.echo(f"On a server without a browser, forward the port from your own machine first:\n"
                   f"    ssh -L {port}:localhost:{port} USER@THIS-SERVER\n"
                   f"then open the URL below in your browser there (waiting {timeout} s).", err=True)
    try:
        creds = flow.run_local_server(port=port, open_browser=not no_browser, timeout_seconds=timeout,
                                      authorization_prompt_message="Sign in at: {url}")
    except OSError as e:  # the port is taken
        raise fail(f"--port {port}", f"cannot listen there: {e.strerror or e}; give another --port")
    except AttributeError:  # google-auth-oauthlib's way of saying no redirect came before the timeout
        raise fail("auth google", f"no sign-in within {timeout} s; run it again (and keep the ssh -L tunnel open)", 1)
    path = token or token_path()
    try:
        save_token(path, creds.to_json())
    except OSError as e:
        raise fail(path, f"cannot write the token: {e.strerror or e}")
    typer.echo(f"{path}: Google token saved (mode 0600)")
