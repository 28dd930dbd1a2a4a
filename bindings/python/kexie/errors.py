"""Exceptions: one class per KX_E* code of the C API (the negated C++
kexie::ErrorCode), each carrying the message, the refusing rule id and the
policy article."""


class KexieError(Exception):
    """A refusal or failure reported by libkexie_c.

    >>> try: registry.add_organization(...)
    ... except kexie.RuleViolation as e: print(e.rule, e.article)
    """

    code = 0

    def __init__(self, message, rule="", article=""):
        super().__init__(message)
        self.message = message
        self.rule = rule
        self.article = article

    def __str__(self):
        where = ", ".join(p for p in (self.rule, self.article) if p)
        return "%s [%s]" % (self.message, where) if where else self.message


class InvalidArgument(KexieError, ValueError):
    """KX_EINVALID: malformed input."""
    code = -1


class NotFound(KexieError, LookupError):
    """KX_ENOTFOUND: an id or key names nothing."""
    code = -2


class AlreadyExists(KexieError):
    """KX_EEXISTS: the key is taken."""
    code = -3


class RuleViolation(KexieError):
    """KX_ERULE: a policy rule forbids it."""
    code = -4


class IllegalTransition(KexieError):
    """KX_ETRANSITION: not allowed in the activity's current state."""
    code = -5


class PermissionDenied(KexieError, PermissionError):
    """KX_EPERMISSION: the actor lacks the role or its scope."""
    code = -6


class ConflictOfInterest(KexieError):
    """KX_ECONFLICT: someone would judge their own organization or activity."""
    code = -7


class InconsistentJudgements(KexieError):
    """KX_EINCONSISTENT: AHP judgements fail the consistency rule."""
    code = -8


class CorruptData(KexieError):
    """KX_ECORRUPT: damaged input data."""
    code = -9


class UnsupportedVersion(KexieError):
    """KX_EVERSION: data or a struct version this build cannot read."""
    code = -10


class KexieIOError(KexieError, OSError):
    """KX_EIO: the operating system refused a file operation."""
    code = -11


class Overflow(KexieError, ArithmeticError):
    """KX_EOVERFLOW: an exact result does not fit."""
    code = -12


class InternalError(KexieError):
    """KX_EINTERNAL: an unexpected failure inside the library."""
    code = -1000


_BY_CODE = {cls.code: cls for cls in (
    InvalidArgument, NotFound, AlreadyExists, RuleViolation, IllegalTransition,
    PermissionDenied, ConflictOfInterest, InconsistentJudgements, CorruptData,
    UnsupportedVersion, KexieIOError, Overflow, InternalError)}


def from_code(code, message, rule="", article=""):
    """The exception for a KX_E* code."""
    cls = _BY_CODE.get(code)
    if cls is None:
        e = KexieError(message, rule, article)
        e.code = code
        return e
    return cls(message, rule, article)
