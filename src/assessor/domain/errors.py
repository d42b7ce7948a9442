"""A small hierarchy of errors, each carrying a message a user can act on."""

from __future__ import annotations


class AssessorError(Exception):
    """Base of every error the program reports to a user in words (exit code 1)."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class BadInput(AssessorError):
    """The user gave something we cannot use: a bad file, a bad value (exit code 2)."""

    exit_code = 2


class ValidationError(BadInput):
    """A field's value breaks a rule; `field` names the field so a form can show it beside it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class AssessmentDelivered(BadInput):
    """A delivered assessment's content is what its report said: reopen it before changing it."""


class NotFound(BadInput):
    """A referenced row or file does not exist."""


class DatabaseError(AssessorError):
    """The database cannot be used: locked, damaged, newer than this program."""


class DatabaseLocked(DatabaseError):
    """Another window or command has the file open: the user closes it and tries again (2)."""

    exit_code = 2


class NotADatabase(DatabaseError):
    """The file exists but is not ours (empty, another program's, not SQLite): left untouched."""

    exit_code = 2


class NewerSchema(DatabaseError):
    exit_code = 2
