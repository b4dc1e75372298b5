"""Inputs -> decoded text: path expansion, size limit, byte-order marks, encodings.

Everything here raises InputError(path, problem) for a bad input, so the CLI can print one
line for it and go on with the rest of the batch.
"""
from __future__ import annotations

import glob
import os
import re
import stat
import sys
from dataclasses import dataclass
from typing import Iterator

DEFAULT_MAX_SIZE = 20 * 1024 * 1024  # 20 MB: far above any real story, far below trouble
STORY_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".story", ".news")
STDIN = "-"


class InputError(Exception):
    """A file that cannot be read as a story: ``path: problem``."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass
class Input:
    path: str  # as given on the command line ("-" for stdin)
    text: str
    encoding: str
    size: int


# Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Bytes 0x80-0x9F are C1 controls in Latin-1 but punctuation in Windows-1252 (curly quotes
# 0x93/0x94, dashes 0x96/0x97, apostrophe 0x92...). Text that fails UTF-8 and uses them is
# almost surely Windows-1252; without them we do not guess and report invalid UTF-8.
_CP1252_MARKERS = frozenset(range(0x80, 0xA0)) - {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_CP1252_MARKER_RE = re.compile(b"[" + b"".join(re.escape(bytes([b])) for b in sorted(_CP1252_MARKERS)) + b"]")
# A well-formed UTF-8 multi-byte sequence. UTF-8 curly quotes (E2 80 9C) hold marker bytes
# too, so text with these is damaged UTF-8, not Windows-1252: decoding it as cp1252 would
# turn every “ into â€œ without a word.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Bytes -> (text, encoding). The BOM is dropped; LF and CRLF are kept as they are, a
    lone CR (classic Mac line ends) becomes LF: one character for one, so no offset moves."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(path, f"invalid {enc.upper()} at byte {e.start + len(bom)}") from None
            return _check_text(text, path), enc
    if b"\x00" in data[:65536] or b"\x00" in data[-65536:]:
        raise InputError(path, "binary data (NUL bytes), not a text story")
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError as e:
        if (_CP1252_MARKER_RE.search(data) and not _UTF8_MULTIBYTE.search(data)
                and _decodes_cp1252(data)):
            text, enc = data.decode("cp1252"), "cp1252"
        else:
            raise InputError(path, f"invalid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None
    return _check_text(text, path), enc


def _decodes_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False


# C0 control characters but tab, line ends (\n \v \f \r) and escape: counted by the regex
# engine, not a Python loop over 4,096 characters (50 us of every file's ~2 ms).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _check_text(text: str, path: str) -> str:
    if not text or text.isspace():  # (not text.strip(): no copy of the text)
        raise InputError(path, "empty file" if not text else "only whitespace, no story")
    if "\x00" in text:
        raise InputError(path, "binary data (NUL characters), not a text story")
    sample = text[:4096]
    controls = len(_CONTROL.findall(sample))
    if controls > len(sample) // 10:
        raise InputError(path, "binary data (control characters), not a text story")
    return text


def read_bytes(path: str, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """Read a file (or stdin for "-") with a size limit, as a one-line InputError on failure."""
    if path == STDIN:
        data = _read_limited(sys.stdin.buffer, max_size)
    else:
        try:
            size = os.path.getsize(path)
            if size > max_size:
                raise InputError(path, f"too large ({size:,} bytes > --max-size {max_size:,})")
            with open(path, "rb") as f:
                data = _read_limited(f, max_size)
        except FileNotFoundError:
            raise InputError(path, "no such file (it may have been moved or deleted)") from None
        except IsADirectoryError:
            raise InputError(path, "is a folder, not a file") from None
        except PermissionError:
            raise InputError(path, "permission denied") from None
        except OSError as e:
            raise InputError(path, e.strerror or str(e)) from None
    if len(data) > max_size:
        raise InputError(path, f"too large (> --max-size {max_size:,} bytes)")
    return data


def _read_limited(f, max_size: int) -> bytes:
    """Read at most max_size + 1 bytes in chunks (read(n) with a huge n preallocates n bytes)."""
    chunks, total = [], 0
    while total <= max_size:
        chunk = f.read(min(1 << 20, max_size + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def read_input(path: str, max_size: int = DEFAULT_MAX_SIZE) -> Input:
    data = read_bytes(path, max_size)
    text, enc = decode(data, path)
    return Input(path=path, text=text, encoding=enc, size=len(data))


def expand(paths: list[str]) -> Iterator[str | InputError]:
    """Command-line paths -> story files in order: files as given, folders recursively
    (story suffixes only, hidden entries skipped, symlink loops ignored), globs, "-" for stdin.
    A path that yields nothing comes out as an InputError, in its place."""
    seen: set[str] = set()
    for p in paths:
        if p == STDIN:
            yield p
            continue
        if os.path.isdir(p):
            found = list(_walk(p))
            if not found:
                yield InputError(p, "folder holds no story files (" + ", ".join(STORY_SUFFIXES[:3]) + ", ...)")
            for f in found:
                if isinstance(f, InputError):
                    yield f
                    continue
                key = os.path.realpath(f)
                if key not in seen:
                    seen.add(key)
                    yield f
        elif os.path.lexists(p) or not glob.has_magic(p):
            yield p  # a file, or a missing path: read_input reports it
        else:
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield InputError(p, "no file matches this pattern")
            for m in matches:
                if os.path.isdir(m):
                    yield from (f for f in _walk(m))
                else:
                    yield m


def _walk(top: str) -> Iterator[str | InputError]:
    """Story files under top, sorted; a folder that cannot be listed is an InputError in its
    place (os.walk alone skips it without a word)."""
    errors: list[OSError] = []
    visited: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(top, followlinks=True, onerror=errors.append):
        yield from _folder_errors(errors, top)
        try:
            st = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in visited:  # a symlink loop: do not walk it twice
            dirs[:] = []
            continue
        visited.add(key)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(STORY_SUFFIXES):
                path = os.path.join(root, name)
                if _special(path):  # opening a FIFO with no writer would hang the batch
                    yield InputError(path, "not a regular file (a FIFO, socket or device)")
                else:
                    yield path
    yield from _folder_errors(errors, top)


def _special(path: str) -> bool:
    """A FIFO, socket or device found in a folder (a broken link is left to read_input)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _folder_errors(errors: list[OSError], top: str) -> Iterator[InputError]:
    while errors:
        e = errors.pop(0)
        yield InputError(e.filename or top, f"cannot read this folder ({e.strerror or e})")
