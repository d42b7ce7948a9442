"""The wording of coded errors about the team hub (data only; message_catalogue.py joins the
areas). The hub is "teamnavet", or "navet", in Swedish, as in the window."""

from __future__ import annotations

HUB: dict[str, dict[str, str]] = {
    "hub.not_url": {
        "sv": "navets adress är ingen PostgreSQL-adress (postgresql://värd/databas eller "
        "service=NAMN)",
        "en": "the hub's address is not a PostgreSQL URL (postgresql://host/database or "
        "service=NAME)",
    },
    "hub.not_conninfo": {
        "sv": "navets adress är ingen PostgreSQL-anslutningssträng (postgresql://värd/databas "
        "eller service=NAMN)",
        "en": "the hub's address is not a PostgreSQL connection string "
        "(postgresql://host/database or service=NAME)",
    },
    "hub.password_in_url": {
        "sv": "navets adress innehåller ett lösenord: lägg det i PostgreSQL:s lösenordsfil "
        "(~/.pgpass) eller i PGPASSWORD i stället, aldrig på kommandoraden",
        "en": "the hub's address holds a password: keep it in the PostgreSQL password "
        "file (~/.pgpass) or PGPASSWORD instead, never on the command line",
    },
    "hub.login_refused": {
        "sv": "teamnavet {hub} nekade inloggningen: fel eller inget lösenord (~/.pgpass eller "
        "PGPASSWORD)",
        "en": "the hub {hub} refused the login: wrong or missing password "
        "(~/.pgpass or PGPASSWORD)",
    },
    "hub.no_database": {
        "sv": "teamnavet {hub}: databasen finns inte",
        "en": "the hub {hub}: no such database",
    },
    "hub.no_user": {
        "sv": "teamnavet {hub} har ingen sådan användare",
        "en": "the hub {hub} has no such user",
    },
    "hub.no_rights": {
        "sv": "teamnavet {hub} nekade: användaren saknar de rättigheter en synkning behöver "
        "(docs/team.md: GRANT-satserna)",
        "en": "the hub {hub} refused: this user lacks the rights a sync needs "
        "(docs/team.md: the GRANTs)",
    },
    "hub.no_service": {
        "sv": "PostgreSQL-tjänsten finns inte: {hub}",
        "en": "no such PostgreSQL service: {hub}",
    },
    "hub.unreachable": {
        "sv": "teamnavet {hub} går inte att nå: arbetet fortsätter på den här datorn; synka "
        "igen när navet går att nå",
        "en": "the hub {hub} cannot be reached: work goes on on this laptop; "
        "sync again when it can be reached",
    },
    "hub.not_a_hub": {
        "sv": "{hub} är inget Assessor-nav ännu: kör 'assessor hub init' mot det först",
        "en": "{hub} is not an Assessor hub yet: run 'assessor hub init' against it first",
    },
    "hub.newer_program": {
        "sv": "teamnavet sattes upp av en nyare version av Assessor; installera den för att "
        "synka med navet",
        "en": "the hub was set up by a newer version of Assessor; install it to sync with this hub",
    },
    "hub.newer_schema": {
        "sv": "teamnavet har data från en nyare version av Assessor (schema {revision}); "
        "installera den för att synka med navet",
        "en": "the hub holds data of a newer version of Assessor (schema "
        "{revision}); install it to sync with this hub",
    },
    "hub.older_schema": {
        "sv": "teamnavet har data från en äldre version av Assessor (schema {revision}): "
        "navets administratör kör först 'assessor hub init' med den här versionen",
        "en": "the hub holds data of an older version of Assessor (schema "
        "{revision}): the hub administrator runs 'assessor hub init' with "
        "this version first",
    },
    "hub.init_newer_program": {
        "sv": "teamnavet sattes upp av en nyare version av Assessor; det lämnas som det är",
        "en": "the hub was set up by a newer version of Assessor; it is left as it is",
    },
    "hub.init_newer_schema": {
        "sv": "teamnavet har data från en nyare version av Assessor (schema {revision}); det "
        "lämnas som det är",
        "en": "the hub holds data of a newer version of Assessor (schema "
        "{revision}); it is left as it is",
    },
    "hub.no_upgrade": {
        "sv": "den här versionen kan inte uppdatera navets data från schema {revision}",
        "en": "this version cannot bring the hub's data from schema {revision} up to date",
    },
    "hub.lost": {
        "sv": "anslutningen till teamnavet {hub} bröts under synkningen; inget ändrades här "
        "eller på navet: synka igen",
        "en": "the connection to the hub {hub} was lost during the sync; "
        "nothing was changed here or on the hub: sync again",
    },
    "hub.bad_row": {
        "sv": "teamnavet {hub} har en rad eller klocka som programmet inte kan läsa; inget "
        "ändrades här eller på navet",
        "en": "the hub {hub} holds a row or clock this program cannot read; "
        "nothing was changed here or on the hub",
    },
    "hub.unknown_table": {
        "sv": "teamnavet har rader i en okänd tabell {table}",
        "en": "the hub holds rows of an unknown table {table}",
    },
    "hub.not_an_object": {
        "sv": "teamnavet har en rad som inte är ett objekt",
        "en": "the hub holds a row that is not an object",
    },
    "hub.unreadable_row": {
        "sv": "teamnavet har en rad som programmet inte kan läsa ({reason}); inget ändrades",
        "en": "the hub holds a row this program cannot read ({reason}); nothing was changed",
    },
}
