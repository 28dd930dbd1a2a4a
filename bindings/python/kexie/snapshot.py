"""Snapshots (快照): a registry with the activity books and campaigns bound to it,
saved to a file or to bytes and loaded back (kx_snapshot_* in kexie.h)."""

from __future__ import annotations

import ctypes
import os
from typing import Any, Iterable, Iterator, Optional, Union

from . import _capi as C
from .campaign import Campaign
from .lifecycle import ActivityBook
from .registry import Registry

__all__ = ["Snapshot", "save_snapshot", "load_snapshot"]

PathLike = Union[str, "os.PathLike[str]"]


class _SnapshotHandle(C.OwnedHandle):
    """Owns the kx_snapshot; every object borrowed from it holds a reference, so the
    C snapshot lives as long as the longest of them (without a reference cycle
    through the Snapshot object)."""

    _free = staticmethod(C.lib.kx_snapshot_free)

    def __init__(self, handle: ctypes.c_void_p) -> None:
        self._h = handle


class Snapshot:
    """A loaded snapshot: ``registry`` (a Registry), ``activity_books`` and
    ``campaigns`` (tuples, in the order saved). They are ordinary Registry,
    ActivityBook and Campaign objects whose C handles belong to the snapshot: each
    keeps the loaded data alive while it is referenced, even after the Snapshot
    object is gone, and closing one only forgets it. ``close()`` (or the end of a
    ``with`` block) frees everything at once and closes the borrowed objects;
    books and campaigns you created over ``registry`` must be closed first.

    >>> with kexie.load_snapshot("kexie.snap") as snap:
    ...     board = snap.campaigns[0].score()
    """

    def __init__(self, keeper: _SnapshotHandle) -> None:
        """Made by load_snapshot()."""
        self._handle = keeper
        handle = keeper.handle
        reg = C.c_void_p()
        C.check(C.lib.kx_snapshot_registry(ctypes.byref(reg), handle))
        self.registry = Registry._borrow(reg, self._handle)
        self.activity_books = tuple(self._books(handle))
        self.campaigns = tuple(self._campaigns(handle))

    def _books(self, handle: ctypes.c_void_p) -> Iterator[ActivityBook]:
        n = C.c_size()
        C.check(C.lib.kx_snapshot_book_count(ctypes.byref(n), handle))
        for i in range(n.value):
            h = C.c_void_p()
            C.check(C.lib.kx_snapshot_book(ctypes.byref(h), handle, i))
            book = ActivityBook._borrow(h, self._handle)
            book._registry = self.registry
            yield book

    def _campaigns(self, handle: ctypes.c_void_p) -> Iterator[Campaign]:
        n = C.c_size()
        C.check(C.lib.kx_snapshot_campaign_count(ctypes.byref(n), handle))
        for i in range(n.value):
            h = C.c_void_p()
            C.check(C.lib.kx_snapshot_campaign(ctypes.byref(h), handle, i))
            campaign = Campaign._borrow(h, self._handle)
            campaign._registry = self.registry
            yield campaign

    def save(self, path: Optional[PathLike] = None, mode: int = 0o644) -> Optional[bytes]:
        """Saves everything the snapshot holds, like save_snapshot (bytes when
        `path` is None).

        >>> data = snap.save()
        """
        return save_snapshot(path, self.registry, self.activity_books, self.campaigns, mode)

    def close(self) -> None:
        """Frees the loaded data; the borrowed objects are closed with it. Safe to
        call twice."""
        for obj in (self.registry,) + self.activity_books + self.campaigns:
            obj.close()
        self._handle.close()

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return "<kexie.Snapshot: %d activity book(s), %d campaign(s)>" % (
            len(self.activity_books), len(self.campaigns))


def _handles(objects: Iterable[Any], what: str) -> tuple[Any, int]:
    objects = list(objects)
    arr = (C.c_void_p * max(len(objects), 1))()
    for i, obj in enumerate(objects):
        if obj is None:
            raise TypeError("kexie: %s[%d] is None" % (what, i))
        arr[i] = obj.handle
    return arr, len(objects)


def save_snapshot(path: Optional[PathLike], registry: Registry,
                  books: Iterable[ActivityBook] = (), campaigns: Iterable[Campaign] = (),
                  mode: int = 0o644) -> Optional[bytes]:
    """Saves `registry` with the ActivityBooks `books` and the Campaigns `campaigns`
    bound to it. With a `path` (str or os.PathLike) writes the file crash-safe
    (the previous file stays intact until the new one is complete), with
    permission bits `mode`, and returns None; with `path` None returns the
    snapshot as bytes. Raises InvalidArgument for a book or campaign bound to
    another registry, KexieIOError when the file cannot be written.

    >>> kexie.save_snapshot("kexie.snap", reg, [book], [campaign])
    >>> data = kexie.save_snapshot(None, reg)
    """
    book_arr, book_count = _handles(books, "books")
    campaign_arr, campaign_count = _handles(campaigns, "campaigns")
    if path is None:
        buf = C.Buffer()
        C.check(C.lib.kx_snapshot_save_buffer(ctypes.byref(buf), registry.handle, book_arr,
                                              book_count, campaign_arr, campaign_count))
        try:
            return ctypes.string_at(buf.data, buf.size)
        finally:
            C.lib.kx_buffer_free(ctypes.byref(buf))
    opts = C.SnapshotSaveOptions(1, C.size(mode, "mode"))
    C.check(C.lib.kx_snapshot_save(os.fsencode(path), registry.handle, book_arr, book_count,
                                   campaign_arr, campaign_count, ctypes.byref(opts)))
    return None


def load_snapshot(source: Union[PathLike, bytearray, memoryview]) -> Snapshot:
    """Loads a snapshot from a file (`source` a str or os.PathLike) or from the
    bytes of one (bytes, bytearray or memoryview) and returns a Snapshot. Raises
    CorruptData naming what is wrong and where, UnsupportedVersion for a newer
    format, KexieIOError when the file cannot be read.

    >>> snap = kexie.load_snapshot("kexie.snap")
    >>> snap = kexie.load_snapshot(kexie.save_snapshot(None, reg))
    """
    h = C.c_void_p()
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        C.check(C.lib.kx_snapshot_load_buffer(ctypes.byref(h), data, len(data)))
    else:
        C.check(C.lib.kx_snapshot_load(ctypes.byref(h), os.fsencode(source)))
    return Snapshot(_SnapshotHandle(h))

