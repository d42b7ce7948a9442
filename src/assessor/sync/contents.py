"""Checking received file contents before any of them is stored.

A file_content row is immutable and written by one site only, so in a package it must be
exactly that: one write covering every group, not deleted, from the site its id names
(derived_id("file_content", sha256, site)), with content that hashes to its sha256 and is as
long as its size says. One bad row refuses the whole package. Holding rows to one write also
keeps the merge from ever meeting two versions of a content (a hidden version's value would
have to be copied into the clock).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from assessor.store.models import FileContent, derived_id
from assessor.store.stamping import groups_of
from assessor.sync.errors import PackageRefused, unusable

TABLE = FileContent.__tablename__
MAX_CLOCK_CHARS = 64  # "[[179604032073000000,4294967295,7]]" is 35
BLOCK = 1 << 20


def content_id(sha256: str, site_id: str) -> str:
    return derived_id(TABLE, sha256, site_id)


def _refuse(message: str) -> PackageRefused:
    return unusable(message)


def _single_write(text: str, full_mask: int) -> int:
    """The site number of a clock that is one write of every group, else refuse."""
    if len(text) > MAX_CLOCK_CHARS:
        raise _refuse("a file content was changed after it was written")
    try:
        entries = json.loads(text)
    except ValueError:
        raise _refuse("a file content's clock is not JSON") from None
    if (
        not isinstance(entries, list)
        or len(entries) != 1
        or not isinstance(entries[0], list)
        or len(entries[0]) != 3
        or not all(isinstance(x, int) and not isinstance(x, bool) for x in entries[0])
        or entries[0][2] != full_mask
    ):
        raise _refuse("a file content was changed after it was written")
    return int(entries[0][1])


def check_contents(con: sqlite3.Connection) -> None:
    """Refuse the package unless every file content in it is whole and where it belongs."""
    full_mask = (1 << len(groups_of(TABLE))) - 1
    sites = {int(no): str(site) for no, site in con.execute("SELECT no, site_id FROM sync_site")}
    rows = con.execute(
        f"SELECT t.rowid, t.id, t.sha256, t.size, length(t.content), t.deleted_at, r.clock "
        f"FROM {TABLE} t JOIN sync_row r ON r.table_name = '{TABLE}' AND r.row_id = t.id"
    ).fetchall()
    for rowid, row_id, sha256, size, length, deleted_at, clock in rows:
        if deleted_at is not None:
            raise _refuse("a file content is marked deleted")
        site = sites.get(_single_write(clock, full_mask))
        if site is None or row_id != content_id(sha256, site):
            raise _refuse("a file content's id does not match its hash and author")
        if size != length:
            raise _refuse("a file content's size does not match")
        h = hashlib.sha256()
        with con.blobopen(TABLE, "content", rowid, readonly=True) as blob:
            for block in iter(lambda: blob.read(BLOCK), b""):
                h.update(block)
        if h.hexdigest() != sha256:
            raise _refuse("a file's content does not match its SHA-256 (damaged or altered)")
