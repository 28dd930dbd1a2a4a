"""Hostile arguments to the round-3 wrappers (documents, tables, assignment,
guidance, evaluation, services): wrong types, None, huge and negative ints, bytes
for str, surrogates and NUL bytes, hostile paths, closed objects. Each must raise a
Python exception naming what was wrong -- TypeError, ValueError or a KexieError --
and leave the data as it was; the batches that reach C run in a child interpreter
(isolated.run), so that a crash fails the test instead of ending the run."""

import datetime
import os

import pytest

import isolated
import kexie
from test_assignment import campaign as assignment_campaign

D = datetime.date
AT = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
RUBRIC_LINES = "B|活动||judged|1|0|100|1\n"


def test_documents_take_text_or_bytes_only(world):
    before = world.reg.to_document()
    # bytes(10**10) would be ten gigabytes of zeros: refused before any allocation
    for value in (10**10, -1, None, 1.5, ["{}"], object()):
        with pytest.raises(TypeError, match="must be str or bytes"):
            kexie.Registry.from_document(value)
        with pytest.raises(TypeError, match="must be str or bytes"):
            kexie.Campaign.from_document(world.reg, value)
        with pytest.raises(TypeError, match="must be str or bytes"):
            kexie.ServiceDesk.from_document(world.reg, value)
    with pytest.raises(TypeError, match="entries must be str or bytes"):
        kexie.Campaign.from_document(world.reg, "{}", 2**40)
    with pytest.raises(ValueError, match="text is not valid text"):
        kexie.Registry.from_document('{"format": "\udcff"}')
    with pytest.raises(kexie.CorruptData) as e:
        kexie.Registry.from_document("[" * 10000 + "]" * 10000)
    assert "max_depth" in e.value.problems[0].message
    with pytest.raises(kexie.CorruptData):
        kexie.Registry.from_document(b'{"format": "kexie.registry/1\x00"}')
    with pytest.raises(kexie.CorruptData):
        kexie.Registry.from_document(bytearray(b'{"a": "\xc0\xaf"}'))
    assert world.reg.to_document() == before


def test_registry_arguments_of_the_wrong_type(world):
    before = world.reg.to_document()
    for reg in (None, 1, "registry", object(), kexie.ActivityBook(world.reg)):
        with pytest.raises(TypeError, match="reg must be a Registry"):
            kexie.add_enterprise(reg, "n", "914403001922038216", local=world.city,
                                 registered=D(2010, 1, 1))
        with pytest.raises(TypeError, match="reg must be a Registry"):
            kexie.coverage(reg, world.city, D(2025, 1, 1))
        with pytest.raises(TypeError, match="reg must be a Registry"):
            kexie.founding_state(reg, 1)
        with pytest.raises(TypeError, match="reg must be a Registry"):
            kexie.Evaluation(reg, world.city, 2025, RUBRIC_LINES, {})
        with pytest.raises(TypeError, match="campaign must be a Campaign"):
            kexie.propose_assignment(reg)
    with pytest.raises(TypeError, match="figures must be a dict"):
        kexie.Evaluation(world.reg, world.city, 2025, RUBRIC_LINES, None)
    with pytest.raises(TypeError, match="figures must be a dict"):
        kexie.Evaluation(world.reg, world.city, 2025, RUBRIC_LINES, [("B", "x")])
    assert world.reg.to_document() == before


def test_ids_and_counts_out_of_range(world):
    before = world.reg.to_document()
    desk = kexie.ServiceDesk(world.reg)
    desk_before = desk.digest()
    for bad in (2**32, 2**64, -1):
        with pytest.raises(ValueError, match="out of range"):
            kexie.founding_state(world.reg, bad)
        with pytest.raises(ValueError, match="out of range"):
            kexie.coverage(world.reg, bad, D(2025, 1, 1))
        with pytest.raises(ValueError, match="out of range"):
            desk.request(bad)
        with pytest.raises(ValueError, match="out of range"):
            kexie.recommend(world.reg, "青年托举", [bad], D(2025, 1, 1))
    for bad in (True, 1.0, "1", b"1", None):
        with pytest.raises(TypeError):
            desk.proposal(bad)
    with pytest.raises(kexie.NotFound):
        desk.request(2**32 - 1)
    with pytest.raises(ValueError):
        desk.submit(world.p[0], world.steel, kexie.ServiceKind(0), "a\x00b", AT)
    with pytest.raises(ValueError):
        desk.file(world.p[0], world.steel, kexie.ProposalKind(0), "\udcff", "x", AT)
    with pytest.raises(TypeError):
        desk.submit(world.p[0], world.steel, kexie.ServiceKind(0), b"title", AT)
    assert desk.digest() == desk_before
    assert world.reg.to_document() == before


def test_assignment_arguments(world):
    c, judges, entries = assignment_campaign(world)
    p = kexie.propose_assignment(c, seed=7)
    for bad in (-1, 2**32):
        with pytest.raises(ValueError):
            kexie.propose_assignment(c, judges_per_entry=bad)
        with pytest.raises(ValueError):
            c.assign_all([(bad, entries["S1"])])
    with pytest.raises(TypeError):
        kexie.propose_assignment(c, availability=[(judges[0], 0, 1, 0)])
    with pytest.raises(ValueError):
        kexie.Availability(judge=-1)
    with pytest.raises(TypeError):
        kexie.apply_assignment(c, None)
    with pytest.raises(TypeError):
        p.to_csv(None)
    with pytest.raises(ValueError):
        p.to_csv(c, encoding=99)
    with pytest.raises(kexie.NotFound):
        c.assign_all([(judges[0], entries["S1"]), (2**32 - 1, entries["S1"])])
    c.assign(judges[0], entries["S1"])  # the refused batch assigned nothing
    assert kexie.propose_assignment(c, seed=7) != p


def test_closed_objects_raise_value_error(world):
    c, _, _ = assignment_campaign(world)
    p = kexie.propose_assignment(c, seed=7)
    board = c.score()
    desk = kexie.ServiceDesk(world.reg)
    ev = kexie.Evaluation(world.reg, world.city, 2025, RUBRIC_LINES, {})
    book = kexie.ActivityBook(world.reg)
    for obj in (board, desk, ev):
        obj.close()
        obj.close()  # a second close is harmless
    with pytest.raises(ValueError, match="closed"):
        board.to_document()
    with pytest.raises(ValueError, match="closed"):
        board.write_xlsx("never-written.xlsx")
    with pytest.raises(ValueError, match="closed"):
        desk.submit(world.p[0], world.steel, kexie.ServiceKind(0), "t", AT)
    with pytest.raises(ValueError, match="closed"):
        ev.score(world.reg, book)
    c.close()
    with pytest.raises(ValueError, match="closed"):
        kexie.propose_assignment(c)
    with pytest.raises(ValueError, match="closed"):
        kexie.apply_assignment(c, p)
    with pytest.raises(ValueError, match="closed"):
        c.import_marks_csv("never-read.csv")
    assert not os.path.exists("never-written.xlsx")


def test_hostile_paths_and_crash_batch_in_a_child(tmp_path):
    # FIFOs, directories, symlink loops and missing directories: an IO error naming
    # the path (a FIFO is never opened: that would wait for a writer forever).
    os.mkfifo(tmp_path / "fifo")
    os.mkdir(tmp_path / "dir")
    os.symlink(tmp_path / "loop", tmp_path / "loop")
    out = isolated.run("""
        from test_assignment import campaign
        import os
        tmp = %r
        w = World()
        c, judges, entries = campaign(w)
        board = c.score()
        before = board.digest
        for name in ("fifo", "dir", "loop", "no/such/dir/x.csv"):
            path = os.path.join(tmp, name)
            for call in (c.import_marks_csv, c.import_assignments_csv, c.import_vetoes_csv):
                try:
                    call(path)
                except kexie.KexieIOError as e:
                    assert path in str(e), e
                else:
                    raise AssertionError("read " + path)
        for name in ("fifo", "dir"):
            try:
                board.write_xlsx(os.path.join(tmp, name))
            except kexie.KexieIOError as e:
                assert "not a regular file" in str(e), e
            else:
                raise AssertionError("wrote " + name)
        with c.score() as after:
            assert after.digest == before
        # const calls from several threads at once, on one board and campaign
        texts = []
        def read():
            for _ in range(5):
                texts.append((board.to_document(), board.sheets_csv()))
        threads = [threading.Thread(target=read) for _ in range(4)]
        for t in threads: t.start()
        for t in threads: t.join()
        assert len(texts) == 20 and all(t == texts[0] for t in texts)
        print("survived")
    """ % str(tmp_path), timeout=120)
    assert "survived" in out


def test_scoreboard_lookups_outside_the_board(world):
    # Round 5 made the board a table of columns lending its codes and tier names to
    # the C API: ids it does not hold are NotFound, ids beyond 32 bits are refused
    # before the call, and results read before keep their text after the board is closed.
    c, _, entries = assignment_campaign(world)
    board = c.score()
    rows = board.results()
    assert len(rows) == len(board) == len(entries)
    for bad in (0, len(entries) + 1, 2**32 - 1):
        with pytest.raises(kexie.NotFound):
            board.find(bad)
    for bad in (-1, 2**32):
        with pytest.raises((ValueError, OverflowError)):
            board.find(bad)
    first = board.find(rows[0].entry)
    assert first == rows[0]
    codes = [r.code for r in rows]
    board.close()
    assert [r.code for r in rows] == codes and first.code == codes[0]
    with pytest.raises(ValueError, match="closed"):
        board.find(rows[0].entry)
