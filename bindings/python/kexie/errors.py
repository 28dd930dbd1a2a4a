"""Exceptions: one class per KX_E* code of the C API (the negated C++
kexie::ErrorCode), each carrying the message, the refusing rule id and the
policy article."""

from __future__ import annotations

from dataclasses import dataclass

from .enums import ErrorCode

__all__ = ["KexieError", "InvalidArgument", "NotFound", "AlreadyExists", "RuleViolation",
           "IllegalTransition", "PermissionDenied", "ConflictOfInterest",
           "InconsistentJudgements", "CorruptData", "UnsupportedVersion", "KexieIOError",
           "Overflow", "InternalError", "CallbackStopped", "DocumentProblem", "from_code"]


@dataclass(frozen=True)
class DocumentProblem:
    """One problem of a refused document: its JSON Pointer, the line and column
    where the value starts (from 1; 0 when unknown), the domain rule and article
    (or ""), and what was wrong.

    >>> try: kexie.Registry.from_document(text)
    ... except kexie.InvalidArgument as e:
    ...     for p in e.problems: print(p.pointer, p.line, p.column, p.message)
    """

    pointer: str
    line: int
    column: int
    rule: str
    article: str
    message: str

    def __str__(self) -> str:
        where = self.pointer or "(document)"
        if self.line:
            where += " (%d:%d)" % (self.line, self.column)
        return where + ": " + self.message


class KexieError(Exception):
    """A refusal or failure reported by libkexie_c.

    >>> try: registry.add_organization(...)
    ... except kexie.RuleViolation as e: print(e.rule, e.article)
    """

    #: The KX_E* code (an ErrorCode for the known ones).
    code: int = 0
    #: For a refused batch of marks (Campaign.mark_many, mark_columns): the index
    #: of the refused mark; None otherwise.
    position: "int | None" = None

    def __init__(self, message: str, rule: str = "", article: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.rule = rule
        self.article = article
        #: For a refused document: every problem found (DocumentProblem), else [].
        self.problems: list[DocumentProblem] = []

    def __str__(self) -> str:
        where = ", ".join(p for p in (self.rule, self.article) if p)
        return "%s [%s]" % (self.message, where) if where else self.message


class InvalidArgument(KexieError, ValueError):
    """KX_EINVALID: malformed input."""
    code = ErrorCode.EINVALID


class NotFound(KexieError, LookupError):
    """KX_ENOTFOUND: an id or key names nothing."""
    code = ErrorCode.ENOTFOUND


class AlreadyExists(KexieError):
    """KX_EEXISTS: the key is taken."""
    code = ErrorCode.EEXISTS


class RuleViolation(KexieError):
    """KX_ERULE: a policy rule forbids it."""
    code = ErrorCode.ERULE


class IllegalTransition(KexieError):
    """KX_ETRANSITION: not allowed in the activity's current state."""
    code = ErrorCode.ETRANSITION


class PermissionDenied(KexieError, PermissionError):
    """KX_EPERMISSION: the actor lacks the role or its scope."""
    code = ErrorCode.EPERMISSION


class ConflictOfInterest(KexieError):
    """KX_ECONFLICT: someone would judge their own organization or activity."""
    code = ErrorCode.ECONFLICT


class InconsistentJudgements(KexieError):
    """KX_EINCONSISTENT: AHP judgements fail the consistency rule."""
    code = ErrorCode.EINCONSISTENT


class CorruptData(KexieError):
    """KX_ECORRUPT: damaged input data."""
    code = ErrorCode.ECORRUPT


class UnsupportedVersion(KexieError):
    """KX_EVERSION: data or a struct version this build cannot read."""
    code = ErrorCode.EVERSION


class KexieIOError(KexieError, OSError):
    """KX_EIO: the operating system refused a file operation."""
    code = ErrorCode.EIO


class Overflow(KexieError, ArithmeticError):
    """KX_EOVERFLOW: an exact result does not fit."""
    code = ErrorCode.EOVERFLOW


class InternalError(KexieError):
    """KX_EINTERNAL: an unexpected failure inside the library."""
    code = ErrorCode.EINTERNAL


class OutOfMemory(KexieError, MemoryError):
    """KX_ENOMEM: an allocation failed inside the library; the call changed nothing."""
    code = ErrorCode.ENOMEM


class CallbackStopped(KexieError):
    """KX_ECALLBACK: a *_foreach callback returned a negative value (the message
    quotes it). The package's own callbacks never do."""
    code = ErrorCode.ECALLBACK


_BY_CODE = {cls.code: cls for cls in (
    InvalidArgument, NotFound, AlreadyExists, RuleViolation, IllegalTransition,
    PermissionDenied, ConflictOfInterest, InconsistentJudgements, CorruptData,
    UnsupportedVersion, KexieIOError, Overflow, InternalError, OutOfMemory,
    CallbackStopped)}


def from_code(code: int, message: str, rule: str = "", article: str = "") -> KexieError:
    """The exception for a KX_E* code (a plain KexieError for an unknown one).

    >>> kexie.errors.from_code(-2, "no such organization")
    NotFound('no such organization')
    """
    cls = _BY_CODE.get(code)
    if cls is None:
        e = KexieError(message, rule, article)
        e.code = code
        return e
    return cls(message, rule, article)
