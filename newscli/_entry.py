"""The console script and `python -m newscli`: Ctrl-C during start-up exits 130 quietly too."""
from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import main as cli_main  # imports take a moment: a Ctrl-C may land here
    except KeyboardInterrupt:
        sys.stderr.write("newscli: interrupted\n")
        sys.exit(130)
    cli_main()
