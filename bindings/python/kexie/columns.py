"""Columns in and out of a campaign without a Python object per mark or per entry
(issue 17, item 7): marks go to kx_campaign_mark_columns straight from any
contiguous buffer of the right type (numpy arrays, array.array, memoryview), and
the standings come back from kx_campaign_standings_columns as numpy arrays when
numpy is importable, as array.array otherwise. numpy is optional.

>>> cols = campaign.standings_columns()
>>> int(cols.entry[0]), cols.total_decimal(0)
(3, Decimal('92.35'))
"""

from __future__ import annotations

import array
import ctypes
import decimal
import sys
from dataclasses import dataclass
from typing import Any, Optional

from . import _capi as C

__all__ = ["StandingColumns", "TOTAL_SCALE"]

#: Places of the totals in StandingColumns.total (14, as kexie.h documents): a total is
#: ``total[i] / 10**TOTAL_SCALE``.
TOTAL_SCALE = 14

_H = C.c_void_p
C.lib.kx_campaign_standings_columns.restype = C.c_int
C.lib.kx_campaign_standings_columns.argtypes = [
    _H, C.c_size, C.c_void_p, C.c_void_p, C.c_void_p, C.c_void_p, C.c_void_p,
    ctypes.POINTER(C.c_size)]

#: Buffer formats accepted per array.array typecode: (formats, item size).
_FORMATS = {"I": (("I", "L"), 4), "i": (("i", "l"), 4), "q": (("q", "l"), 8)}


def _numpy(required: Optional[bool]) -> Any:
    """The numpy module, or None: when `required` is None, numpy if importable; True
    requires it (ImportError without it); False never uses it."""
    if required is False:
        return None
    try:
        import numpy  # noqa: PLC0415 (optional dependency)
    except ImportError:
        if required:
            raise ImportError("kexie: numpy=True, but numpy cannot be imported") from None
        return None
    return numpy


def _native_format(fmt: str) -> str:
    if fmt[:1] in ("@", "="):
        return fmt[1:]
    if fmt[:1] == "<" and sys.byteorder == "little":
        return fmt[1:]
    return fmt


class _Column:
    """A buffer of `n` elements of one array.array typecode, held for one C call: the
    caller's memory when it is a writable, contiguous, one-dimensional buffer of that
    type (numpy arrays, array.array), else a copy made in bulk (read-only buffers) or
    element by element (any other sequence). `address` is valid until release()."""

    def __init__(self, obj: Any, typecode: str, what: str) -> None:
        formats, itemsize = _FORMATS[typecode]
        self._view: Optional[memoryview] = None
        self._window: Any = None
        try:
            view = memoryview(obj)
        except TypeError:
            view = None
        if view is not None:
            fmt, ndim = _native_format(view.format), view.ndim
            if ndim == 1 and view.c_contiguous and view.itemsize == itemsize and fmt in formats:
                if not view.readonly:
                    self._view = view
                    self.length = len(view)
                    if self.length:
                        # A writable view exports the caller's memory; while it is held
                        # the buffer cannot be resized (BufferError for a resize).
                        self._window = (ctypes.c_char * view.nbytes).from_buffer(view)
                    return
                copy = array.array(typecode)
                copy.frombytes(view.cast("B"))
                view.release()
                self._hold(copy)
                return
            view.release()
            if ndim != 1:
                raise ValueError("kexie: %s: a one-dimensional column is needed, not %d "
                                 "dimensions" % (what, ndim))
        try:
            copy = array.array(typecode, obj)
        except (TypeError, OverflowError, ValueError) as e:
            raise type(e)("kexie: %s: %s" % (what, e)) from None
        self._hold(copy)

    def _hold(self, copy: array.array) -> None:
        self._copy = copy
        self._view = memoryview(copy)
        self.length = len(copy)
        self._window = (ctypes.c_char * self._view.nbytes).from_buffer(self._view) \
            if self.length else None

    @property
    def address(self) -> Optional[int]:
        return ctypes.addressof(self._window) if self._window is not None else None

    def release(self) -> None:
        self._window = None  # drops the export before the view is released
        if self._view is not None:
            self._view.release()
            self._view = None


def mark_columns_call(handle: Any, columns: tuple[Any, Any, Any, Any], scale: int,
                      failed: Any) -> int:
    """kx_campaign_mark_columns over (judges, entries, indicators, coefficients),
    each passed without copying when it is a buffer of the right type ('I', 'I', 'I',
    'q': uint32 and int64). ValueError when the lengths differ."""
    held: list[_Column] = []
    try:
        for col, code, what in zip(columns, "IIIq",
                                   ("judges", "entries", "indicators", "coefficients")):
            held.append(_Column(col, code, "mark columns: " + what))
        n = held[3].length
        if any(h.length != n for h in held):
            raise ValueError("kexie: mark columns differ in length")
        return C.lib.kx_campaign_mark_columns(handle, n, held[0].address, held[1].address,
                                              held[2].address, held[3].address, scale,
                                              ctypes.byref(failed))
    finally:
        for h in held:
            h.release()


@dataclass(frozen=True)
class StandingColumns:
    """The standings as columns (Campaign.standings_columns), in scoreboard order:
    entry ids, statuses (EntryStatus values), exact totals as integers at
    TOTAL_SCALE places, competition ranks (0: unranked) and positions. numpy arrays
    (uint32, int32, int64, uint32, uint32) when numpy was used, else array.array
    ('I', 'i', 'q', 'I', 'I').

    >>> cols = campaign.standings_columns()
    >>> cols.total_decimal(0)
    Decimal('92.35')
    """

    entry: Any
    status: Any
    total: Any
    rank: Any
    position: Any

    def __len__(self) -> int:
        return len(self.entry)

    def total_decimal(self, i: int) -> decimal.Decimal:
        """Row i's total as an exact decimal.Decimal.

        >>> cols.total_decimal(0)
        Decimal('92.35')
        """
        return decimal.Decimal(int(self.total[i])).scaleb(-TOTAL_SCALE).normalize() \
            if int(self.total[i]) else decimal.Decimal(0)


def _allocate(np: Any, n: int) -> tuple[Any, ...]:
    if np is not None:
        return (np.empty(n, np.uint32), np.empty(n, np.int32), np.empty(n, np.int64),
                np.empty(n, np.uint32), np.empty(n, np.uint32))
    return tuple(array.array(t, bytes(n * array.array(t).itemsize)) for t in "IiqII")


def standings_columns_call(campaign: Any, reading: Any, numpy: Optional[bool]
                           ) -> StandingColumns:
    """Campaign.standings_columns: the rows counted and written under one read lock."""
    np = _numpy(numpy)
    with reading as h:
        counts = C.CampaignCounts()
        C.check(C.lib.kx_campaign_count(ctypes.byref(counts), h))
        cols = _allocate(np, counts.entries)
        held = [_Column(c, t, "standings") for c, t in zip(cols, "IiqII")]
        rows = C.c_size(0)
        try:
            C.check(C.lib.kx_campaign_standings_columns(h, counts.entries,
                                                        *(x.address for x in held),
                                                        ctypes.byref(rows)))
        finally:
            for x in held:
                x.release()
    return StandingColumns(*cols)
