"""The one error type for bad input: the CLI prints it as one line and exits 2."""
from __future__ import annotations


class InputError(Exception):
    """A document lichsync cannot read, with the file it came from."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class NoTextLayer(InputError):
    """A PDF whose every page is an image: the pipeline reads it through OCR (read.ocr)."""


class ConfigError(Exception):
    """A configuration the user must fix; `key` is the TOML key path ("sources[1].url")."""

    def __init__(self, key: str, problem: str):
        super().__init__(f"{key}: {problem}" if key else problem)
        self.key = key
        self.problem = problem


def unexpected(exc: BaseException) -> str:
    """The one line for a failure no rule foresaw (a bug met by one document): it must not cost the others."""
    if isinstance(exc, MemoryError):
        return "too large to read in memory"
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    detail = " ".join(str(exc).split())[:200]
    return f"cannot be read ({type(exc).__name__}{': ' + detail if detail else ''}); please report this file"
