"""A small hierarchy of errors, each carrying a message a user can act on."""

from __future__ import annotations


class AssessorError(Exception):
    """Base of every error the program reports to a user in words (exit code 1)."""

    exit_code = 1

    def __init__(self, message: str, *, code: str | None = None, **params: object) -> None:
        """``message`` in English; with a ``code`` of messages.CATALOGUE (and its parameters)
        the message is worded in the user's language instead."""
        super().__init__(message)
        self.english = message
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        if self.code is not None:
            from assessor.domain.messages import worded

            text = worded(self.code, self.params)
            if text is not None:
                return text
        return self.english

    def __str__(self) -> str:
        return self.message


class BadInput(AssessorError):
    """The user gave something we cannot use: a bad file, a bad value (exit code 2)."""

    exit_code = 2


class ValidationError(BadInput):
    """A field's value breaks a rule; `field` names the field so a form can show it beside it."""

    def __init__(
        self, field: str, message: str, *, code: str | None = None, **params: object
    ) -> None:
        super().__init__(message, code=code, **params)
        self.field = field


class AssessmentDelivered(BadInput):
    """A delivered assessment's content is what its report said: reopen it before changing it."""


class NotFound(BadInput):
    """A referenced row or file does not exist."""


def row_not_found(what: str, row_id: str) -> NotFound:
    """The one way to say a row asked for by id is not there (or deleted)."""
    return NotFound(f"no {what} with id {row_id}", code="row.not_found", what=what, id=row_id)


class DatabaseError(AssessorError):
    """The database cannot be used: locked, damaged, newer than this program."""


class DatabaseLocked(DatabaseError):
    """Another window or command has the file open: the user closes it and tries again (2)."""

    exit_code = 2


class NewerSchema(DatabaseError):
    exit_code = 2


class NotAnAssessorDatabase(DatabaseError):
    """The file named is not one of our databases (random bytes, another program's SQLite):
    the user's mistake, so exit code 2 as for any bad input, but still a DatabaseError for
    those who handle those."""

    exit_code = 2


class DamagedDatabase(DatabaseError):
    """The database file is damaged (corrupt pages, a broken index) or cannot be written
    (read-only): the file handed to the program is at fault, so exit code 2."""

    exit_code = 2
