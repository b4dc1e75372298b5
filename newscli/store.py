"""The newscli database: a TinyDB JSON file, made safe for years of work.

TinyDB alone rewrites its file in place on every write with no locking, so a Ctrl-C or
a second shell can corrupt it. Here:

- every read-modify-write runs in ``Store.transaction()``, under a file lock beside the
  real file (``<db>.lock``, symlinks followed), so concurrent newscli processes queue instead
  of clobbering, and the file is re-read under the lock;
- writes are buffered in memory and committed once per transaction (one write per batch of
  articles, never per article or quote): written to a temporary file in the same folder,
  flushed, fsynced, given the old file's permission bits, then ``os.replace``d over the
  database (and the folder fsynced), so a reader or a crash (SIGKILL, power loss) sees the
  old file or the new one, never a mix; temporary files left by a killed writer are removed
  by the next one, under the lock;
- a file we cannot read as a newscli database (truncated, not JSON, another program's JSON,
  a folder, no permission) raises DatabaseError naming it, and is never written or repaired;
- lone surrogates (file names that are not UTF-8) are stored as U+FFFD, so a write never
  fails on them;
- the file is compact UTF-8 JSON, read and written with orjson (the whole file at each read
  and commit: decode 1.4x, encode 5x json's speed) and byte for byte what json.dumps writes,
  so any JSON reader takes it;
- the database carries a schema version, checked on open; older ones are migrated in memory
  (MIGRATIONS) and written back at the next commit, the old file first kept as
  ``<db>.schema<N>.bak``; a newer one is refused.

One document per article, quotes inside; ids are content hashes (see parser.content_id).
"""
from __future__ import annotations

import gc
import json
import math
import os
import stat
import tempfile
from contextlib import contextmanager
from glob import escape as glob_escape
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

from .export import compact_json, no_surrogates
from .models import PARSER_VERSION, SCHEMA_VERSION

APP_NAME = "newscli"
ENV_VAR = "NEWSCLI_DB"
ARTICLES = "articles"
META = "_meta"
LOCK_TIMEOUT = 600  # seconds a writer waits for another newscli process before giving up

def _loads(data: bytes) -> Any:
    """Decode the database file with orjson (about 1.4x json's speed on it); what orjson
    refuses but an older newscli may have written with plain json (NaN, Infinity, numbers
    past a double) is read by json before the file is called damaged."""
    try:
        return _decoded(orjson.loads, data)
    except orjson.JSONDecodeError:
        return _decoded(json.loads, data)


def _decoded(fn, data: bytes) -> Any:
    """Decode with the cycle collector paused, then freeze what is in memory.

    A JSON tree has no cycles. With the collector on, it walks everything decoded so far
    again and again while decoding, and afterwards two more full passes over the tree come
    with the first allocations (0.25 s on the 13,585-story Reuters database, more than the
    decode itself). gc.freeze() moves the tree (and whatever else is alive then) to the
    permanent generation, which collections skip; it is still freed by reference counting
    as usual. A newscli process lives seconds, so what it freezes is never missed."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        obj = fn(data)
        gc.freeze()
        return obj
    finally:
        if enabled:
            gc.enable()


def _dumps(obj: Any) -> bytes:
    """orjson's encoding: compact, UTF-8, byte for byte what _json_dumps writes for the
    records newscli makes (tests/test_store.py holds it so), at 5x its speed. (A float in
    exponent form may be spelt otherwise by an older orjson, 1e-7 for 1e-07: the same number.)"""
    return orjson.dumps(obj)


def _json_dumps(obj: Any) -> bytes:
    """The same encoding by the standard library: for integers past 64 bits, which orjson
    refuses."""
    return compact_json(obj).encode("utf-8")


class DatabaseError(Exception):
    """The database file cannot be used; the message names the file and what to do."""


def default_path() -> Path:
    """NEWSCLI_DB if set, else newscli.json in the user's app folder (typer.get_app_dir)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import typer

    folder = typer.get_app_dir(APP_NAME)
    if not os.path.isabs(folder):  # an empty XDG_CONFIG_HOME: the XDG spec says use ~/.config
        folder = os.path.join(os.path.expanduser("~/.config"), APP_NAME)
    return Path(folder) / "newscli.json"


# Migrations from schema version N to N+1, applied in order on open. Each takes and returns
# the whole raw database (a dict of tables). Version 1 is the first; the next one goes here:
#   MIGRATIONS[1] = _v1_to_v2
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}


class _BufferedAtomicStorage(Storage):
    """TinyDB storage that holds the database in memory and commits it atomically."""

    def __init__(self, path: Path, data: dict, migrated_from: int | None = None):
        self.path = path
        self.data = data
        self.dirty = False
        self.migrated_from = migrated_from  # schema of the file on disk, when older than ours

    def read(self) -> dict:
        return self.data

    def write(self, data: dict) -> None:
        self.data = data
        self.dirty = True

    def commit(self) -> None:
        if self.dirty:
            if self.migrated_from is not None:
                backup_before_migration(self.path, self.migrated_from)
                self.migrated_from = None
            atomic_write(self.path, encode(self.data))
            self.dirty = False


def encode(data: Any) -> bytes:
    """The database as UTF-8 JSON bytes, readable by any JSON reader.

    Lone surrogates cannot be written as UTF-8 and are rejected by JSON readers, yet they
    reach records from file names that are not UTF-8 (os.fsdecode) and from imported JSON
    ("\\ud800"). They become U+FFFD, one character for one, so offsets stay right. NaN and
    infinities (an imported confidence) are written as null, as orjson does; integers past
    64 bits are written as they are, by json."""
    try:
        return _dumps(data)
    except (TypeError, ValueError, UnicodeEncodeError):
        data = _scrub(data)
    try:
        return _dumps(data)
    except (TypeError, ValueError):
        return _json_dumps(data)


def _scrub(obj: Any) -> Any:
    if isinstance(obj, str):
        return no_surrogates(obj)
    if isinstance(obj, dict):
        return {_scrub(k): _scrub(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_scrub(v) for v in obj]
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def backup_before_migration(path: Path, version: int) -> Path:
    """Keep the file as an older newscli wrote it (<db>.schema<N>.bak) before the first
    write in the new schema, so a downgrade or a bad migration loses nothing."""
    backup = path.with_name(f"{path.name}.schema{version}.bak")
    if not backup.exists():
        try:
            atomic_write(backup, path.read_bytes())
        except OSError as e:
            raise DatabaseError(f"{path}: cannot keep a backup before migrating it to schema "
                                f"{SCHEMA_VERSION} ({backup}: {e.strerror or e}); nothing was changed") from None
    return backup


def atomic_write(path: Path, payload: bytes) -> None:
    """Write payload to a temporary file beside path, fsync it, then rename it over path.

    A symlink is followed (the file it points to is replaced, the link stays a link), and
    the file keeps its permission bits (a new one gets the usual 0666 & ~umask)."""
    path = Path(os.path.realpath(path))
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
            if hasattr(os, "fchmod"):
                os.fchmod(f.fileno(), mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def load(path: Path) -> dict:
    """Read and check a database file; {} when there is none yet. Never writes."""
    return _load(path)[0]


def _load(path: Path) -> tuple[dict, int | None]:
    """(data, the schema version the file had before migration, or None for a new file).

    Read and check a database file; {} when there is none yet. Never writes.

    Anything that is not a newscli database (truncated, not JSON, another program's JSON,
    a folder, unreadable) raises DatabaseError naming the file; it is never repaired."""
    where = str(path)
    hint = f"move it aside (mv '{where}' '{where}.bad') or use --db to choose another file"
    try:
        if path.is_dir():
            raise DatabaseError(f"{where}: is a folder, not a database file; use --db to choose a file")
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, None
    except PermissionError:
        raise DatabaseError(f"{where}: permission denied reading the database") from None
    except OSError as e:
        raise DatabaseError(f"{where}: cannot read the database ({e.strerror or e})") from None
    if not raw.strip():
        return {}, None  # a new, empty file (touch): nothing in it to lose
    try:
        data = _loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError) as e:
        raise DatabaseError(f"{where}: not valid JSON, the file is damaged or truncated ({e}); {hint}") from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise DatabaseError(f"{where}: not a newscli database (unexpected shape); {hint}")
    if not data:
        return data, None
    if META not in data:
        raise DatabaseError(f"{where}: not a newscli database (no newscli metadata; tables: "
                            f"{', '.join(sorted(data))[:80]}); {hint}")
    meta = data[META].get("1")
    version = meta.get("schema_version") if isinstance(meta, dict) else None
    if (not isinstance(meta, dict) or meta.get("app") != APP_NAME or not isinstance(version, int)
            or isinstance(version, bool) or version < 1):
        raise DatabaseError(f"{where}: not a newscli database (bad metadata); {hint}")
    if version > SCHEMA_VERSION:
        raise DatabaseError(f"{where}: written by a newer newscli (schema {version}, this one reads "
                            f"up to {SCHEMA_VERSION}); upgrade newscli")
    original = version
    while version < SCHEMA_VERSION:
        if version not in MIGRATIONS:
            raise DatabaseError(f"{where}: schema {version} is too old for this newscli (no migration "
                                f"to {version + 1}); export it with an older newscli and import it")
        data = MIGRATIONS[version](data)
        version += 1
        data[META]["1"]["schema_version"] = version
    for name, table in data.items():
        for key, doc in table.items():
            if not (key.isascii() and key.isdigit()) or not isinstance(doc, dict):
                raise DatabaseError(f"{where}: not a newscli database (table {name!r} has a bad "
                                    f"record {key[:20]!r}); {hint}")
    for doc in data.get(ARTICLES, {}).values():
        if not isinstance(doc.get("id"), str):
            raise DatabaseError(f"{where}: not a newscli database (an article without id); {hint}")
    return data, original


def _new_meta() -> dict:
    return {"1": {"app": APP_NAME, "schema_version": SCHEMA_VERSION}}


class Store:
    """A newscli database file. Reads need no lock (writes are atomic renames)."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path).expanduser() if path else default_path()
        self._db: TinyDB | None = None
        self._kept = None  # (file identity after our last commit, db, storage)

    def _identity(self):
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

    # ------------------------------------------------------------------ reading
    def _open(self) -> TinyDB:
        if self._db is None:
            data, version = _load(self.path)
            storage = _BufferedAtomicStorage(self.path, data,
                                             version if version is not None and version < SCHEMA_VERSION else None)
            self._db = TinyDB(storage=lambda: storage)
            self._storage = storage
        return self._db

    def articles(self) -> list[dict]:
        """Every article record, in the order they were stored."""
        self._open()
        return list(self._storage.data.get(ARTICLES, {}).values())

    def get(self, ident: str) -> dict:
        """The article whose id starts with ident; LookupError with a message otherwise."""
        ident = ident.strip().lower()
        if not ident:
            raise LookupError("an article id is needed (see `newscli articles`)")
        found = [a for a in self.articles() if a["id"].startswith(ident)]
        if not found:
            raise LookupError(f"no article with id {ident!r} in {self.path} (see `newscli articles`)")
        if len(found) > 1:
            raise LookupError(f"id {ident!r} is ambiguous ({len(found)} articles); give more characters")
        return found[0]

    # ------------------------------------------------------------------ writing
    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """Lock, load the latest file, let the caller change it, commit once atomically."""
        from filelock import FileLock, Timeout

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # the lock sits beside the real file: two symlinks to one database share it
            lock_path = os.path.realpath(self.path) + ".lock"
            lock = FileLock(lock_path, timeout=LOCK_TIMEOUT)
            lock.acquire()
        except Timeout:
            raise DatabaseError(f"{self.path}: another newscli process has held the lock "
                                f"({lock_path}) for over {LOCK_TIMEOUT}s; nothing was changed") from None
        except OSError as e:
            raise DatabaseError(f"{self.path}: cannot lock the database ({e.strerror or e})") from None
        try:
            self._remove_stale_temps()
            kept, self._kept = self._kept, None
            if kept is not None and kept[0] is not None and kept[0] == self._identity():
                self._db, self._storage = kept[1], kept[2]  # the file is still the one we wrote
            else:
                self._db = None  # re-read under the lock: another process may have written
            db = self._open()
            if META not in self._storage.data:
                db.table(META).insert(_new_meta()["1"])
            yield self
            try:
                self._storage.commit()
            except OSError as e:
                raise DatabaseError(f"{self.path}: cannot write the database ({e.strerror or e}); "
                                    "nothing was changed") from None
            self._kept = (self._identity(), self._db, self._storage)
        finally:
            self._db = None
            lock.release()

    def _remove_stale_temps(self) -> None:
        """Temporary files left by a writer that was killed (SIGKILL, power loss). Only the
        lock holder writes them, so under the lock any that exist are stale."""
        real = Path(os.path.realpath(self.path))
        for tmp in real.parent.glob(f".{glob_escape(real.name)}.*.tmp"):
            try:
                tmp.unlink()
            except OSError:
                pass

    def check(self) -> None:
        """Raise DatabaseError now if the database cannot be read (before a long ingest)."""
        load(self.path)

    def upsert(self, records: Iterable[dict]) -> list[str]:
        """Store articles; return per record "added", "updated" or "unchanged".

        Keyed by content hash: the same content again adds nothing unless it was parsed by
        another parser version; a file whose content changed replaces its old record."""
        table = self._open().table(ARTICLES)
        docs = table.all()
        by_id = {doc["id"]: doc.doc_id for doc in docs}
        versions = {doc.doc_id: doc.get("parser_version") for doc in docs}
        by_path = {}
        for doc in docs:
            p = (doc.get("source") or {}).get("path")
            if p and p != "-":
                by_path[p] = doc.doc_id
        statuses, new, replace = [], [], {}
        for rec in records:
            doc_id = by_id.get(rec["id"])
            path = (rec.get("source") or {}).get("path")
            if doc_id is not None:
                if versions.get(doc_id) == rec.get("parser_version", PARSER_VERSION) and doc_id not in replace:
                    statuses.append("unchanged")
                else:
                    replace[doc_id] = rec
                    statuses.append("updated")
            elif path and path != "-" and path in by_path:
                replace[by_path[path]] = rec
                by_id[rec["id"]] = by_path[path]
                statuses.append("updated")
            else:
                new.append(rec)
                by_id[rec["id"]] = -len(new)  # a later duplicate in the same batch is unchanged
                versions[-len(new)] = rec.get("parser_version", PARSER_VERSION)
                statuses.append("added")
        if replace:
            # one write for all replacements (TinyDB writes once per call)
            table.remove(doc_ids=list(replace))
            table.insert_multiple(replace.values())
        if new:
            table.insert_multiple(new)
        return statuses

    def preview(self, records: list[dict]) -> list[str]:
        """What upsert would say, without locking or writing anything (for --dry-run)."""
        self._db = None
        try:
            return self.upsert(records)
        finally:
            self._db = None

    def delete(self, ident: str) -> dict:
        doc = self.get(ident)
        table = self._open().table(ARTICLES)
        table.remove(doc_ids=[d.doc_id for d in table.all() if d["id"] == doc["id"]])
        return doc
