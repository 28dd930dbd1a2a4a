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
from .services import ServiceDesk

__all__ = ["Snapshot", "save_snapshot", "load_snapshot", "load_snapshot_bytes"]

PathLike = Union[str, "os.PathLike[str]"]


class _SnapshotHandle(C.OwnedHandle):
    """Owns the kx_snapshot. Every object borrowed from it is a child of it, so the
    C snapshot is freed only when the Snapshot and every object it lent out (and
    every book or campaign built over its registry) are closed or gone."""

    def __init__(self, handle: ctypes.c_void_p) -> None:
        self._fresh()
        self._adopt(handle, C.lib.kx_snapshot_free)


class Snapshot:
    """A loaded snapshot: ``registry`` (a Registry), ``activity_books`` and
    ``campaigns`` (tuples, in the order saved). They are ordinary Registry,
    ActivityBook and Campaign objects whose C handles belong to the snapshot: each
    keeps the loaded data alive while it is referenced, even after the Snapshot
    object is gone, and closing one only forgets it. ``close()`` (or the end of a
    ``with`` block) closes the borrowed objects and the snapshot; the C data is
    freed at once, or -- while books or campaigns you built over ``registry``
    still live -- when the last of them is closed. Made by load_snapshot() and
    load_snapshot_bytes(); it cannot be copied or pickled.

    >>> with kexie.load_snapshot("kexie.snap") as snap:
    ...     board = snap.campaigns[0].score()
    """

    def __init__(self, keeper: _SnapshotHandle) -> None:
        """Made by load_snapshot() and load_snapshot_bytes() (TypeError otherwise)."""
        if not isinstance(keeper, _SnapshotHandle) or "_registry" in self.__dict__:
            raise TypeError("kexie: a Snapshot is made by load_snapshot() or "
                            "load_snapshot_bytes()")
        self._handle = keeper
        with keeper._reading(_SnapshotHandle) as handle:
            node = keeper.__dict__["_node"]
            reg = C.c_void_p()
            C.check(C.lib.kx_snapshot_registry(ctypes.byref(reg), handle))
            registry = Registry.__new__(Registry)
            registry._adopt(reg, None, node)
            self._registry = registry
            self._books_ = tuple(self._books(handle, node))
            self._campaigns_ = tuple(self._campaigns(handle, node))
            self._desks_ = tuple(self._desks(handle, node))

    @property
    def registry(self) -> Registry:
        """The snapshot's Registry (borrowed)."""
        return self._registry

    @property
    def activity_books(self) -> tuple[ActivityBook, ...]:
        """The snapshot's ActivityBooks (borrowed), in the order saved."""
        return self._books_

    @property
    def campaigns(self) -> tuple[Campaign, ...]:
        """The snapshot's Campaigns (borrowed), in the order saved."""
        return self._campaigns_

    @property
    def service_desks(self) -> tuple[ServiceDesk, ...]:
        """The snapshot's ServiceDesks (borrowed; format 3), in the order saved."""
        return self._desks_

    def _desks(self, handle: ctypes.c_void_p, node: Any) -> Iterator[ServiceDesk]:
        n = C.c_size()
        C.check(C.lib.kx_snapshot_service_desk_count(ctypes.byref(n), handle))
        for i in range(n.value):
            h = C.c_void_p()
            C.check(C.lib.kx_snapshot_service_desk(ctypes.byref(h), handle, i))
            desk = ServiceDesk.__new__(ServiceDesk)
            desk._adopt(h, None, node)
            desk._registry = self._registry
            yield desk

    def _books(self, handle: ctypes.c_void_p, node: Any) -> Iterator[ActivityBook]:
        n = C.c_size()
        C.check(C.lib.kx_snapshot_book_count(ctypes.byref(n), handle))
        for i in range(n.value):
            h = C.c_void_p()
            C.check(C.lib.kx_snapshot_book(ctypes.byref(h), handle, i))
            book = ActivityBook.__new__(ActivityBook)
            book._adopt(h, None, node)
            book._registry = self._registry
            yield book

    def _campaigns(self, handle: ctypes.c_void_p, node: Any) -> Iterator[Campaign]:
        n = C.c_size()
        C.check(C.lib.kx_snapshot_campaign_count(ctypes.byref(n), handle))
        for i in range(n.value):
            h = C.c_void_p()
            C.check(C.lib.kx_snapshot_campaign(ctypes.byref(h), handle, i))
            campaign = Campaign.__new__(Campaign)
            campaign._adopt(h, None, node)
            campaign._registry = self._registry
            yield campaign

    def save(self, path: Optional[PathLike] = None, mode: int = 0o644) -> Optional[bytes]:
        """Saves everything the snapshot holds, like save_snapshot (bytes when
        `path` is None).

        >>> data = snap.save()
        """
        return save_snapshot(path, self.registry, self.activity_books, self.campaigns, mode,
                             desks=self.service_desks)

    def close(self) -> None:
        """Closes the borrowed objects and the snapshot (see the class). Safe to
        call twice, and from any thread.

        >>> snap.close(); snap.closed()
        True
        """
        for obj in (self.registry,) + self.activity_books + self.campaigns + self.service_desks:
            obj.close()
        self._handle.close()

    @property
    def closed(self) -> bool:
        """True after ``close()``."""
        return self._handle.closed

    def __copy__(self) -> Any:
        raise C._refuse_copy(self)

    def __deepcopy__(self, memo: Any) -> Any:
        raise C._refuse_copy(self)

    def __reduce_ex__(self, protocol: Any) -> Any:
        raise C._refuse_copy(self)

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return "<kexie.Snapshot: %d activity book(s), %d campaign(s), %d service desk(s)>" % (
            len(self.activity_books), len(self.campaigns), len(self.service_desks))


def _objects(objects: Iterable[Any], cls: Any, what: str) -> list[tuple[Any, Any, str, bool]]:
    if isinstance(objects, (str, bytes)) or not isinstance(objects, Iterable):
        raise TypeError("kexie: %s must be an iterable of %s, not %s"
                        % (what, cls.__name__, type(objects).__name__))
    out = []
    for i, obj in enumerate(objects):
        name = "%s[%d]" % (what, i)
        C.node_of(obj, cls, name)  # TypeError for the wrong kind, ValueError when closed
        out.append((obj, cls, name, False))
    return out


def save_snapshot(path: Optional[PathLike], registry: Registry,
                  books: Iterable[ActivityBook] = (), campaigns: Iterable[Campaign] = (),
                  mode: int = 0o644, desks: Iterable[ServiceDesk] = ()) -> Optional[bytes]:
    """Saves `registry` with the ActivityBooks `books`, the Campaigns `campaigns` and
    the ServiceDesks `desks` bound to it. With a `path` (str or os.PathLike) writes the file crash-safe
    (the previous file stays intact until the new one is complete), with
    permission bits `mode`, and returns None; with `path` None returns the
    snapshot as bytes. Raises TypeError for an object of the wrong kind (a
    Campaign among `books`, ...), InvalidArgument for a book or campaign bound to
    another registry, KexieIOError when the file cannot be written.

    >>> kexie.save_snapshot("kexie.snap", reg, [book], [campaign])
    >>> data = kexie.save_snapshot(None, reg)
    """
    target = None if path is None else C.path_in(path)
    opts = C.SnapshotSaveOptions(1, C.size(mode, "mode"))
    uses = [(registry, Registry, "registry", False)]
    book_uses = _objects(books, ActivityBook, "books")
    campaign_uses = _objects(campaigns, Campaign, "campaigns")
    desk_uses = _objects(desks, ServiceDesk, "desks")
    with C.hold(*(uses + book_uses + campaign_uses + desk_uses)) as handles:
        nb, nc = len(book_uses), len(campaign_uses)
        book_arr = (C.c_void_p * max(nb, 1))(*handles[1:1 + nb])
        campaign_arr = (C.c_void_p * max(nc, 1))(*handles[1 + nb:1 + nb + nc])
        desk_arr = (C.c_void_p * max(len(desk_uses), 1))(*handles[1 + nb + nc:])
        if desk_uses and target is not None:
            C.check(C.lib.kx_snapshot_save_with_desks(target, handles[0], book_arr, nb,
                                                      campaign_arr, nc, desk_arr,
                                                      len(desk_uses), ctypes.byref(opts)))
            return None
        if desk_uses:
            buf = C.Buffer()
            C.check(C.lib.kx_snapshot_save_buffer_with_desks(ctypes.byref(buf), handles[0],
                                                             book_arr, nb, campaign_arr, nc,
                                                             desk_arr, len(desk_uses)))
        elif target is not None:
            C.check(C.lib.kx_snapshot_save(target, handles[0], book_arr, len(book_uses),
                                           campaign_arr, len(campaign_uses),
                                           ctypes.byref(opts)))
            return None
        else:
            buf = C.Buffer()
            C.check(C.lib.kx_snapshot_save_buffer(ctypes.byref(buf), handles[0], book_arr,
                                                  len(book_uses), campaign_arr,
                                                  len(campaign_uses)))
    try:
        return ctypes.string_at(buf.data, buf.size)
    finally:
        C.lib.kx_buffer_free(ctypes.byref(buf))


def load_snapshot(path: PathLike) -> Snapshot:
    """Loads the snapshot file at `path` (a str or os.PathLike) and returns a
    Snapshot. Bytes are not taken as a path: TypeError for bytes, bytearray and
    memoryview (load snapshot data with load_snapshot_bytes). Raises CorruptData
    naming what is wrong and where, UnsupportedVersion for a newer format,
    KexieIOError when the file cannot be read.

    >>> snap = kexie.load_snapshot("kexie.snap")
    """
    target = C.path_in(path)
    h = C.c_void_p()
    C.check(C.lib.kx_snapshot_load(ctypes.byref(h), target))
    return Snapshot(_SnapshotHandle(h))


def load_snapshot_bytes(data: Union[bytes, bytearray, memoryview]) -> Snapshot:
    """Loads a snapshot from its bytes (bytes, bytearray or memoryview, e.g. what
    ``save_snapshot(None, ...)`` returns); TypeError for anything else (a path
    goes to load_snapshot). Raises CorruptData and UnsupportedVersion like
    load_snapshot.

    >>> snap = kexie.load_snapshot_bytes(kexie.save_snapshot(None, reg))
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("kexie: load_snapshot_bytes takes bytes, bytearray or memoryview, "
                        "not %s (a path goes to load_snapshot)" % type(data).__name__)
    raw = bytes(data)
    h = C.c_void_p()
    C.check(C.lib.kx_snapshot_load_buffer(ctypes.byref(h), raw, len(raw)))
    return Snapshot(_SnapshotHandle(h))
