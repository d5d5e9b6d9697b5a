"""Allow `python -m lichsync` where the console script is not on PATH."""
from lichsync.cli.app import app

if __name__ == "__main__":
    app(prog_name="lichsync")
