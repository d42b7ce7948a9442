"""The team hub's tables in PostgreSQL, connecting to it, and what its errors mean in words.

The hub keeps every synced row as it is in a package: its columns as JSON (the values as
SQLite holds them, so a row read back is byte for byte what a package would carry), its
clock in the hub's own site numbers (hub_site), and the hub's version vector (hub_seen). One
view per synced table (`team_agency`, ...) shows the live rows as ordinary columns for SQL
tools. The hub never edits a row: it only merges what laptops push, with the same rule.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import psycopg
from psycopg import conninfo

from assessor.domain.errors import AssessorError, BadInput
from assessor.store import schema
from assessor.store.models import SYNCED_MODELS, table_of

HUB_SCHEMA = 1  # the hub's own tables; a hub with a larger number is from a newer program
LOCK_KEY = 0x4153_5345_5353  # pg_advisory_xact_lock: one sync at a time on a hub

DDL = (
    "CREATE TABLE IF NOT EXISTS hub_meta (key text PRIMARY KEY, value text NOT NULL)",
    "CREATE TABLE IF NOT EXISTS hub_site (no integer PRIMARY KEY, site_id text NOT NULL UNIQUE)",
    "CREATE TABLE IF NOT EXISTS hub_row (table_name text NOT NULL, row_id text NOT NULL, "
    "data text NOT NULL, clock text NOT NULL, top bigint NOT NULL, "
    "conflicted boolean NOT NULL, PRIMARY KEY (table_name, row_id))",
    "CREATE INDEX IF NOT EXISTS hub_row_top ON hub_row (top)",
    "CREATE TABLE IF NOT EXISTS hub_seen (site_id text PRIMARY KEY, hlc bigint NOT NULL)",
    "CREATE TABLE IF NOT EXISTS hub_log (at timestamptz NOT NULL DEFAULT now(), "
    "site_id text NOT NULL, pushed integer NOT NULL, pulled integer NOT NULL)",
)


class HubError(BadInput):
    """The hub cannot be used as given: unreachable, refused, not a hub, too new (exit 2)."""


class HubLogin(HubError):
    """The hub refused the login: a wrong or missing password (the window asks for one)."""


class HubLost(AssessorError):
    """The connection broke during a sync: both sides are as they were (exit 1)."""


def where(url: str) -> str:
    """The hub in words, without any secret: user@host:port/database."""
    try:
        parts = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "the hub"
    if "service" in parts:
        return f"service {parts['service']}"
    host = parts.get("host") or "localhost"
    text = f"{host}:{parts['port']}" if parts.get("port") else str(host)
    if parts.get("dbname"):
        text += f"/{parts['dbname']}"
    return f"{parts['user']}@{text}" if parts.get("user") else text


def check_url(url: str) -> dict[str, Any]:
    """A libpq connection string or URL: refuse anything else, and a password inside it."""
    text = url.strip()
    if "://" in text and not text.lower().startswith(("postgresql://", "postgres://")):
        raise HubError(
            "the hub's address is not a PostgreSQL URL "
            "(postgresql://host/database or service=NAME)",
            code="hub.not_url",
        )
    try:
        parts = conninfo.conninfo_to_dict(text)
    except psycopg.ProgrammingError:
        raise HubError(
            "the hub's address is not a PostgreSQL connection string "
            "(postgresql://host/database or service=NAME)",
            code="hub.not_conninfo",
        ) from None
    if parts.get("password"):
        raise HubError(
            "the hub's address holds a password: keep it in the PostgreSQL password "
            "file (~/.pgpass) or PGPASSWORD instead, never on the command line",
            code="hub.password_in_url",
        )
    return parts


def _explain(url: str, exc: psycopg.Error) -> HubError:
    text = str(exc).lower()
    place = where(url)
    if "password authentication failed" in text or "no password supplied" in text:
        return HubLogin(
            f"the hub {place} refused the login: wrong or missing password "
            "(~/.pgpass or PGPASSWORD)",
            code="hub.login_refused",
            hub=place,
        )
    if "does not exist" in text and "database" in text:
        return HubError(f"the hub {place}: no such database", code="hub.no_database", hub=place)
    if "role" in text and "does not exist" in text:
        return HubError(f"the hub {place} has no such user", code="hub.no_user", hub=place)
    if "permission denied" in text:
        return HubError(
            f"the hub {place} refused: this user lacks the rights a sync needs "
            "(docs/team.md: the GRANTs)",
            code="hub.no_rights",
            hub=place,
        )
    if "service" in text and ("not found" in text or "definition" in text):
        return HubError(f"no such PostgreSQL service: {place}", code="hub.no_service", hub=place)
    return HubError(
        f"the hub {place} cannot be reached: work goes on on this laptop; "
        "sync again when it can be reached",
        code="hub.unreachable",
        hub=place,
    )


def connect(url: str, timeout: int = 10, password: str | None = None) -> psycopg.Connection[Any]:
    check_url(url)
    extra: dict[str, Any] = {"password": password} if password else {}
    try:
        return psycopg.connect(
            url.strip(),
            connect_timeout=timeout,
            autocommit=False,
            application_name="assessor",
            **extra,
        )
    except psycopg.Error as exc:
        raise _explain(url, exc) from None


def view_ddl() -> list[str]:
    out = []
    for model in SYNCED_MODELS:
        table = table_of(model)
        cols = ", ".join(f"d ->> '{c.name}' AS \"{c.name}\"" for c in table.columns)
        out.append(
            f'CREATE OR REPLACE VIEW "team_{table.name}" AS SELECT {cols} FROM '
            f"(SELECT data::jsonb AS d FROM hub_row WHERE table_name = '{table.name}') AS s"
        )
    return out


def read_meta(cur: psycopg.Cursor[Any]) -> dict[str, str]:
    cur.execute("SELECT to_regclass('hub_meta') IS NOT NULL")
    row = cur.fetchone()
    if row is None or not row[0]:
        return {}
    cur.execute("SELECT key, value FROM hub_meta")
    return {str(k): str(v) for k, v in cur.fetchall()}


def check_versions(meta: dict[str, str], url: str) -> None:
    """Refuse a hub a newer program set up, or one of another package schema."""
    if not meta:
        raise HubError(
            f"{where(url)} is not an Assessor hub yet: run 'assessor hub init' against it first",
            code="hub.not_a_hub",
            hub=where(url),
        )
    if int(meta.get("hub_schema", "0")) > HUB_SCHEMA:
        raise HubError(
            "the hub was set up by a newer version of Assessor; install it to sync with this hub",
            code="hub.newer_program",
        )
    revision = meta.get("package_schema", "")
    if revision != schema.HEAD:
        if revision not in schema.REVISIONS:
            raise HubError(
                f"the hub holds data of a newer version of Assessor (schema "
                f"{revision}); install it to sync with this hub",
                code="hub.newer_schema",
                revision=revision,
            )
        raise HubError(
            f"the hub holds data of an older version of Assessor (schema "
            f"{revision}): the hub administrator runs 'assessor hub init' with "
            "this version first",
            code="hub.older_schema",
            revision=revision,
        )


def _added_columns(cur: Any, added: dict[str, dict[str, Any]]) -> None:
    """Give every stored row of a table the columns a migration added, with their defaults,
    written as a package carries them (sorted compact JSON)."""
    for table, columns in added.items():
        cur.execute("SELECT row_id, data FROM hub_row WHERE table_name = %s", (table,))
        for row_id, data in cur.fetchall():
            values = json.loads(data)
            values.update({k: v for k, v in columns.items() if k not in values})
            cur.execute(
                "UPDATE hub_row SET data = %s WHERE table_name = %s AND row_id = %s",
                (
                    json.dumps(values, separators=(",", ":"), sort_keys=True, ensure_ascii=False),
                    table,
                    row_id,
                ),
            )


def _added_groups(cur: Any, revision: str) -> None:
    """Each row's first write gets the groups the revision added, as on every laptop."""
    from assessor.store import clocks

    cur.execute("SELECT no, site_id FROM hub_site")
    sites = {int(no): str(site) for no, site in cur.fetchall()}
    for table, bit in schema.ADDED_GROUPS[revision].items():
        cur.execute("SELECT row_id, clock FROM hub_row WHERE table_name = %s", (table,))
        for row_id, text in cur.fetchall():
            new = clocks.with_new_group(text, bit, sites.__getitem__)
            if new != text:
                cur.execute(
                    "UPDATE hub_row SET clock = %s WHERE table_name = %s AND row_id = %s",
                    (new, table, row_id),
                )


def _to_0005(cur: Any) -> None:
    _added_columns(cur, {"assessment": {"profile": ""}, "report_record": {"scores": ""}})
    _added_groups(cur, "0005")


def _to_0006(cur: Any) -> None:
    """The new table mapping_set: no rows to change; its view is made with the others."""


# what brings the hub's rows from a package schema to the next (store/migrations alike)
DATA_STEPS: dict[str, Any] = {"0004": _to_0005, "0005": _to_0006}


def init_hub(url: str) -> str:
    """Create the hub's tables, or bring them up to this version. Returns what was done."""
    with connect(url) as conn, conn.cursor() as cur:
        try:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            meta = read_meta(cur)
            if meta and int(meta.get("hub_schema", "0")) > HUB_SCHEMA:
                raise HubError(
                    "the hub was set up by a newer version of Assessor; it is left as it is",
                    code="hub.init_newer_program",
                )
            revision = meta.get("package_schema")
            if revision and revision != schema.HEAD and revision not in schema.REVISIONS:
                raise HubError(
                    f"the hub holds data of a newer version of Assessor (schema "
                    f"{revision}); it is left as it is",
                    code="hub.init_newer_schema",
                    revision=revision,
                )
            if revision and revision != schema.HEAD:
                start = schema.REVISIONS.index(revision)
                for step in schema.REVISIONS[start:-1]:
                    upgrade = DATA_STEPS.get(step)
                    if upgrade is None:
                        raise HubError(
                            f"this version cannot bring the hub's data from schema "
                            f"{step} up to date",
                            code="hub.no_upgrade",
                            revision=step,
                        )
                    upgrade(cur)
            for statement in DDL:
                cur.execute(statement)
            for statement in view_ddl():
                cur.execute(statement)
            if not meta:
                done = "created"
            elif meta.get("hub_schema") == str(HUB_SCHEMA) and revision == schema.HEAD:
                done = "up to date"
            else:
                done = "upgraded"
            if not meta.get("hub_site_id"):
                cur.execute(
                    "INSERT INTO hub_meta (key, value) VALUES ('hub_site_id', %s)",
                    (str(uuid.uuid4()),),
                )
            for key, value in (("hub_schema", str(HUB_SCHEMA)), ("package_schema", schema.HEAD)):
                cur.execute(
                    "INSERT INTO hub_meta (key, value) VALUES (%s, %s) ON CONFLICT "
                    "(key) DO UPDATE SET value = EXCLUDED.value",
                    (key, value),
                )
            conn.commit()
        except psycopg.Error as exc:
            conn.rollback()
            raise _explain(url, exc) from None
    return done
