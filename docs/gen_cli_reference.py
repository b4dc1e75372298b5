"""Write docs/cli.md from the real `--help` of every command (tests/test_docs.py checks it).

    python docs/gen_cli_reference.py          # rewrite docs/cli.md
    python docs/gen_cli_reference.py --check  # exit 1 if docs/cli.md is out of date
"""
from __future__ import annotations

import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent / "cli.md"
HEADER = """# newscli command reference

Generated from each command's `--help` by `python docs/gen_cli_reference.py`; do not edit by
hand (a test fails when this file and the real help differ). For a guided tour, see
[guide.md](guide.md).
"""


def commands() -> list[str]:
    from newscli.cli import app

    return [c.name or c.callback.__name__ for c in app.registered_commands]


def help_text(args: list[str]) -> str:
    from typer.testing import CliRunner

    from newscli.cli import app

    r = CliRunner().invoke(app, args + ["--help"], prog_name="newscli", env={"COLUMNS": "80", "NO_COLOR": "1"})
    return r.stdout.rstrip()


def render() -> str:
    parts = [HEADER, "## newscli\n\n```\n" + help_text([]) + "\n```\n"]
    for name in commands():
        parts.append(f"## newscli {name}\n\n```\n" + help_text([name]) + "\n```\n")
    return "\n".join(parts)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print("docs/cli.md is out of date: run python docs/gen_cli_reference.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
