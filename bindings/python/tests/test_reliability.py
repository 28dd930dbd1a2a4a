"""Regression tests of issue 16 (Python): copies, parents and children, the wrong
kind of handle, integers out of range, NUL in text, huge decimals, and paths
versus snapshot bytes. Scenarios that used to crash the interpreter run in a
child process (isolated.run), so that a crash fails one test."""

import array
import copy
import gc
import os
import pickle
import time
from datetime import date as D, datetime, timezone
from decimal import Decimal

import pytest

import kexie
from kexie import Category, Role

import isolated
from test_campaign import RUBRIC, entry, spec

AT = datetime(2025, 3, 1, tzinfo=timezone.utc)
PLANNED = (D(2025, 3, 1), D(2025, 11, 30))


def scored_campaign(world):
    """A campaign with one entry marked by three judges, and its board."""
    c = kexie.Campaign(world.reg, spec(world))
    c.set_rubric(Category.RATIONALIZATION_PROPOSALS, "细则", RUBRIC)
    e = entry(c, "E1", world.steel, world.p[0], 860000)
    for q in world.q:
        j = c.add_judge(q)
        c.assign(j, e)
        for code in ("A.1", "A.2"):
            c.mark(j, e, code, 80)
    return c, e


def create(book, actor, world):
    return book.create(actor, AT, kexie.ActivityType.JIANGBI_CAMPAIGN, "讲比", world.steel,
                       world.branch, world.p[0], PLANNED)


# --- 1. copies -----------------------------------------------------------------------

def handles(world):
    """One object of every handle-owning kind (and the Snapshot)."""
    book = kexie.ActivityBook(world.reg, allow_asserted_roles=True)
    c, _ = scored_campaign(world)
    board = c.score()
    actor = kexie.Actor(world.p[0])
    snap = kexie.load_snapshot_bytes(kexie.save_snapshot(None, world.reg, [book], [c]))
    return [world.reg, book, c, board, actor, snap, snap.registry, snap.activity_books[0],
            snap.campaigns[0]]


def test_handles_refuse_copy_deepcopy_and_pickle(world):
    objects = handles(world)
    for obj in objects:
        name = type(obj).__name__
        for attempt in (copy.copy, copy.deepcopy, pickle.dumps):
            with pytest.raises(TypeError, match="a %s owns a C object" % name):
                attempt(obj)
    # Nothing was freed by the attempts: every object still works.
    assert world.reg.person(world.p[0]).name == "王工"
    assert len(objects[3]) == 1 and objects[2].counts() == (1, 3)
    assert objects[6].person(world.p[0]).name == "王工"
    objects[5].close()


def test_copying_an_activity_shares_its_book(world):
    book = kexie.ActivityBook(world.reg, allow_asserted_roles=True)
    a = create(book, kexie.Actor(world.p[0]), world)
    assert copy.copy(a).book is book and copy.copy(a).id == a.id
    with pytest.raises(TypeError):
        copy.deepcopy(a)


def test_copy_then_free_does_not_double_free():
    out = isolated.run("""
        w = World()
        for obj in (w.reg, kexie.Actor(1)):
            try:
                copy.copy(obj)
            except TypeError:
                pass
        del obj
        gc.collect()
        print(w.reg.person(w.p[0]).name)
        w.reg.close()
    """)
    assert out.strip() == "王工"


# --- 2. parents and children ------------------------------------------------------------

def test_closing_a_registry_under_a_live_book_defers_the_free(world):
    book = kexie.ActivityBook(world.reg, allow_asserted_roles=True)
    world.reg.close()
    assert world.reg.closed
    with pytest.raises(ValueError, match="Registry is closed"):
        world.reg.rollup(world.province, D(2025, 1, 1))
    a = create(book, kexie.Actor(world.p[0]), world)  # the registry is still there in C
    assert a.state is kexie.State.DRAFT
    node = world.reg.__dict__["_node"]
    assert node.handle is not None and node.children == 1
    book.close()
    assert node.handle is None  # freed with its last child


def test_a_child_keeps_a_collected_parent_alive(world):
    reg = kexie.Registry()
    cast = reg.add_organization(kexie.OrgKind.NATIONAL, "中国科协", effective=D(1958, 9, 18))
    book = kexie.ActivityBook(reg, allow_asserted_roles=True)
    c = kexie.Campaign(reg, kexie.CampaignSpec("x", cast, D(2025, 1, 1), 2024))
    del reg
    gc.collect()
    assert len(book) == 0 and c.counts() == (0, 0)


def test_closing_a_campaign_under_a_live_board(world):
    c, e = scored_campaign(world)
    board = c.score()
    c.close()
    assert board.find(e).code == "E1" and len(board.digest) == 64
    with pytest.raises(ValueError, match="Campaign is closed"):
        board.explain_text(e)
    node = c.__dict__["_node"]
    assert node.handle is not None
    board.close()
    assert node.handle is None


def test_parent_and_child_scenarios_that_used_to_crash():
    isolated.run("""
        w = World()
        book = kexie.ActivityBook(w.reg, allow_asserted_roles=True)
        w.reg.close()
        actor = kexie.Actor(w.p[0])
        at = DT(2025, 3, 1, tzinfo=timezone.utc)
        a = book.create(actor, at, kexie.ActivityType.JIANGBI_CAMPAIGN, "讲比", w.steel,
                        w.branch, w.p[0], (D(2025, 3, 1), D(2025, 11, 30)))
        a.submit(actor, at)
        assert a.state is kexie.State.SUBMITTED
        del w
        gc.collect()
        assert len(book.audit()) == 2

        w = World()
        snap = kexie.load_snapshot_bytes(kexie.save_snapshot(None, w.reg))
        c = kexie.Campaign(snap.registry, spec(w))
        snap.close()
        c.set_rubric(kexie.Category.RATIONALIZATION_PROPOSALS, "x", RUBRIC)
        entry(c, "E1", w.steel, w.p[0], 1000)
        assert c.counts() == (1, 0)
        c.score().close()

        snap = kexie.load_snapshot_bytes(kexie.save_snapshot(None, w.reg))
        reg = snap.registry
        book = kexie.ActivityBook(reg, allow_asserted_roles=True)
        c = kexie.Campaign(reg, spec(w))
        del snap
        gc.collect()
        reg.close()
        gc.collect()
        assert len(book) == 0 and c.counts() == (0, 0)
        del book, c, reg
        gc.collect()
        print("ok")
    """)


def test_the_snapshot_is_freed_when_its_last_dependant_goes(world):
    snap = kexie.load_snapshot_bytes(kexie.save_snapshot(None, world.reg))
    keeper = snap._handle.__dict__["_node"]
    c = kexie.Campaign(snap.registry, spec(world))
    snap.close()
    assert snap.closed and snap.registry.closed and keeper.handle is not None
    assert c.counts() == (0, 0)
    c.close()
    assert keeper.handle is None


# --- 4. the wrong kind of handle ----------------------------------------------------------

def test_the_wrong_kind_of_handle_is_a_type_error(world):
    book = kexie.ActivityBook(world.reg, allow_asserted_roles=True)
    c = kexie.Campaign(world.reg, spec(world))
    actor = kexie.Actor(world.p[0])
    a = create(book, actor, world)
    with pytest.raises(TypeError, match=r"campaigns\[0\] must be a Campaign, not ActivityBook"):
        kexie.save_snapshot(None, world.reg, campaigns=[book])
    with pytest.raises(TypeError, match=r"books\[0\] must be an? ActivityBook, not Campaign"):
        kexie.save_snapshot(None, world.reg, books=[c])
    with pytest.raises(TypeError, match="registry must be a Registry"):
        kexie.save_snapshot(None, book)
    with pytest.raises(TypeError):
        kexie.save_snapshot(None, world.reg, books=book)
    with pytest.raises(TypeError, match="registry must be a Registry, not ActivityBook"):
        kexie.Campaign(book, spec(world))
    with pytest.raises(TypeError, match="registry must be a Registry"):
        kexie.ActivityBook(c, allow_asserted_roles=True)
    with pytest.raises(TypeError, match="actor must be an? Actor, not Registry"):
        book.create(world.reg, AT, kexie.ActivityType.JIANGBI_CAMPAIGN, "x", world.steel,
                    world.branch, world.p[0], PLANNED)
    with pytest.raises(TypeError, match="actor must be an? Actor"):
        a.submit(c, AT)
    with pytest.raises(TypeError):
        kexie.Actor.from_registry(book, world.p[0], D(2025, 1, 1))
    with pytest.raises(TypeError):
        kexie.Activity(world.reg, 1)
    with pytest.raises(TypeError):
        kexie.Scoreboard(c, 12345)
    with pytest.raises(TypeError):
        kexie.Snapshot(world.reg)
    with pytest.raises(TypeError, match="self must be a Registry"):
        kexie.Registry.rollup(book, world.province, D(2025, 1, 1))
    with pytest.raises(TypeError):
        kexie.Campaign.score(book)
    with pytest.raises(TypeError):
        world.reg.__init__()  # would lose the handle
    assert len(book) == 1 and c.counts() == (0, 0)


# --- 5. integers out of range ------------------------------------------------------------

def test_ids_and_counts_out_of_range_are_refused(world):
    reg = world.reg
    for bad in (2**32 + 1, -1, 2**64):
        with pytest.raises(ValueError, match="out of range"):
            reg.organization(bad)
    c, e = scored_campaign(world)
    j = c.add_judge(world.p[5])
    with pytest.raises(ValueError):
        c.mark(j + 2**32, e + 2**32, "A.1", 80)
    with pytest.raises(ValueError):
        c.mark_many([(j, e + 2**32, 1, 80)])
    with pytest.raises(OverflowError):
        c.mark_columns([j], [e + 2**32], [1], [80], 0)
    with pytest.raises(OverflowError):
        c.mark_columns([j], [-1], [1], [80], 0)
    with pytest.raises(ValueError):
        c.add_entry("E9", "x", world.steel, Category.RATIONALIZATION_PROPOSALS,
                    [(world.p[0], 1)], D(2024, 1, 1), focus=2**32)
    with pytest.raises(TypeError):
        c.add_entry("E9", "x", world.steel, Category.RATIONALIZATION_PROPOSALS,
                    [(world.p[0], 1)], D(2024, 1, 1), focus=1.5)
    book = kexie.ActivityBook(reg, allow_asserted_roles=True)
    actor = kexie.Actor(world.p[0])
    a = create(book, actor, world)
    with pytest.raises(ValueError, match="percent"):
        a.report_progress(actor, AT, 2**32 + 50, "x")
    with pytest.raises(ValueError):
        book.activity(2**32 + a.id)
    with pytest.raises(ValueError):
        kexie.Actor(2**32)
    with pytest.raises(ValueError):
        book.create(actor, AT, kexie.ActivityType.SCIENCE_POPULARIZATION, "x", world.steel,
                    world.branch, world.p[0], PLANNED, details=("popularization", 2**40))
    with pytest.raises(TypeError):
        book.create(actor, AT, kexie.ActivityType.SCIENCE_POPULARIZATION, "x", world.steel,
                    world.branch, world.p[0], PLANNED, details=("popularization", "1"))
    with pytest.raises(ValueError):
        kexie.save_snapshot(None, reg, mode=2**40)
    assert [x.code for x in c.score()] == ["E1"] and len(book) == 1


# --- 6. NUL in text ------------------------------------------------------------------------

def test_nul_in_any_text_is_refused(world, tmp_path):
    reg = world.reg
    with pytest.raises(ValueError, match="NUL"):
        reg.add_person("Alice\x00Evil", D(1990, 1, 1), world.steel, "K-1")
    with pytest.raises(ValueError, match="NUL"):
        reg.add_person("Alice", D(1990, 1, 1), world.steel, "K\x00A")
    with pytest.raises(ValueError, match="NUL"):
        reg.find_person(world.steel, "E-1\x00x")
    with pytest.raises(ValueError, match="NUL"):
        reg.is_young(world.p[0], "2025-01-01\x00")
    with pytest.raises(ValueError, match="NUL"):
        kexie.parse_unit("t\x00")
    with pytest.raises(ValueError, match="NUL"):
        kexie.to_standard_coal(kexie.Carrier.RAW_COAL, "1\x00", kexie.Unit.T)
    with pytest.raises(ValueError, match="NUL"):
        kexie.save_snapshot(str(tmp_path / "a\x00b"), reg)
    with pytest.raises(ValueError, match="NUL"):
        kexie.load_snapshot(str(tmp_path / "a\x00b"))
    with pytest.raises(ValueError, match="NUL"):
        kexie.CampaignSpec("x", world.province, D(2025, 1, 1), 2024, tie_breaks=["top\x00"])
    assert os.listdir(tmp_path) == []


# --- 7. huge decimals --------------------------------------------------------------------------

def test_huge_decimals_are_refused_without_expanding_them():
    start = time.monotonic()
    for value in (Decimal("1E+1000000000"), "1e999999999", Decimal("-9E+999999999999"),
                  10**100000, Decimal("1234567890123456789")):
        with pytest.raises(kexie.Overflow, match="significant digits"):
            kexie.to_standard_coal(kexie.Carrier.RAW_COAL, value, kexie.Unit.T)
    for value in (Decimal("1E-1000000000"), "0.0000000000000000001"):
        with pytest.raises(kexie.InvalidArgument, match="places"):
            kexie.to_standard_coal(kexie.Carrier.RAW_COAL, value, kexie.Unit.T)
    assert time.monotonic() - start < 2
    # Zero with any exponent is zero; values at the limits reach the library.
    assert kexie.to_standard_coal(kexie.Carrier.RAW_COAL, Decimal("0E+1000000000"),
                                  kexie.Unit.T) == 0
    assert kexie.to_standard_coal(kexie.Carrier.RAW_COAL, Decimal("1E+5"),
                                  kexie.Unit.T) == Decimal("71430")
    assert kexie.to_standard_coal(kexie.Carrier.RAW_COAL, "0.000000000000000001",
                                  kexie.Unit.T) >= 0


# --- 8. paths versus snapshot bytes -------------------------------------------------------------

def test_load_snapshot_takes_paths_and_load_snapshot_bytes_takes_data(world, tmp_path):
    data = kexie.save_snapshot(None, world.reg)
    path = tmp_path / "s.snap"
    path.write_bytes(data)
    for wrong in (bytes(path), bytearray(bytes(path)), memoryview(bytes(path)), data, 42, None):
        with pytest.raises(TypeError):
            kexie.load_snapshot(wrong)
    for wrong in (str(path), path, 42, None, [1, 2]):
        with pytest.raises(TypeError):
            kexie.load_snapshot_bytes(wrong)
    with pytest.raises(TypeError, match="load_snapshot_bytes"):
        kexie.load_snapshot(b"/path")
    with kexie.load_snapshot(path) as a, kexie.load_snapshot_bytes(data) as b:
        assert a.save() == b.save() == data
    with pytest.raises(TypeError):
        kexie.save_snapshot(bytes(path), world.reg)
    with pytest.raises(ValueError):
        kexie.load_snapshot("")


def test_closed_objects_refuse_every_use(world):
    book = kexie.ActivityBook(world.reg, allow_asserted_roles=True)
    actor = kexie.Actor(world.p[0])
    a = create(book, actor, world)
    actor.close()
    with pytest.raises(ValueError, match="Actor is closed"):
        a.submit(actor, AT)
    book.close()
    with pytest.raises(ValueError, match="ActivityBook is closed"):
        a.info()
    with pytest.raises(ValueError):
        kexie.save_snapshot(None, world.reg, [book])
    with pytest.raises(ValueError):
        actor.add_role(Role.CHAIR, world.steel)


def test_mark_columns_pins_the_columns_it_reads(world, monkeypatch):
    # A column passed without copying cannot be resized (moved) during the C call.
    from kexie import _capi as C
    expert = world.reg.add_person("专家", D(1965, 1, 1), world.other, "E-9",
                                  kexie.Title.SENIOR)
    world.reg.add_membership(expert, world.other, Role.MEMBER, D(2015, 1, 1))
    c, e = scored_campaign(world)
    judge = c.add_judge(expert)
    c.assign(judge, e)
    judges = array.array("I", [judge])
    real, seen = C.lib.kx_campaign_mark_columns, []

    def during_the_call(*args):
        try:
            judges.append(1)
        except BufferError as err:
            seen.append(err)
        return real(*args)

    monkeypatch.setattr(C.lib, "kx_campaign_mark_columns", during_the_call)
    c.mark_columns(judges, [e], [1], [80], 0)
    assert len(seen) == 1 and list(judges) == [judge]
    judges.append(1)  # free again afterwards


def test_a_finalizer_never_waits_for_a_busy_tree():
    # Another thread holds the registry tree's mutex: collecting a book over it
    # must not block; the book is closed by the next call once the mutex is free.
    isolated.run("""
        from kexie import _capi as C
        w = World()
        node = w.reg.__dict__["_node"]
        book = kexie.ActivityBook(w.reg, allow_asserted_roles=True)
        book_node = book.__dict__["_node"]
        taken, leave = threading.Event(), threading.Event()

        def hog():
            with node.lock.mutex:
                taken.set()
                leave.wait(20)

        t = threading.Thread(target=hog)
        t.start()
        taken.wait(20)
        del book
        gc.collect()  # returns: the finalizer did not wait
        assert not book_node.closed and book_node in C._finalized
        leave.set()
        t.join()
        w.reg.rollup(w.province, D(2025, 1, 1))  # the next call closes it
        assert book_node.closed and book_node.handle is None and node.children == 0
    """)
