"""Every exit status newscli uses, in one place (documented in the README)."""
from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0  # everything worked
    INPUT_FAILED = 1  # some inputs (files, records) failed; the others were processed
    USAGE_OR_DB = 2  # bad usage, or a database that cannot be read or written
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
