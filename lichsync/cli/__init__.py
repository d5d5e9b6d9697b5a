"""Command line: `lichsync parse`, `check`, `export`, `push`, `sync`, `serve`, `auth` (typer)."""
