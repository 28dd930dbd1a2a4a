"""Columns in and out (issue 17, item 7): marks from buffers through mark_columns
without a Python object per mark, standings out through standings_columns as numpy
arrays or, without numpy, array.array -- the same rows as standings()."""

import array
from decimal import Decimal

import pytest

import isolated
import kexie
from kexie import Category
from test_campaign import RUBRIC, entry, make

try:
    import numpy
except ImportError:  # numpy is optional; its tests are skipped without it
    numpy = None

needs_numpy = pytest.mark.skipif(numpy is None, reason="numpy is not installed")


def marked_campaign(world, typecodes=("I", "I", "I", "q"), to=array.array):
    """A campaign of four entries (E1 and E3 tie, E4 has no marks) marked through
    mark_columns with columns made by `to`."""
    c = make(world)
    c.set_rubric(Category.RATIONALIZATION_PROPOSALS, "细则", RUBRIC)
    a1 = c.indicator_index(Category.RATIONALIZATION_PROPOSALS, "A.1")
    a2 = c.indicator_index(Category.RATIONALIZATION_PROPOSALS, "A.2")
    es = [entry(c, "E%d" % (k + 1), world.steel, world.p[k], 300000) for k in range(4)]
    js = [c.add_judge(q) for q in world.q]
    for j in js:
        for e in es:
            c.assign(j, e)
    marks = {es[0]: (800, 850, 900, 700, 750, 800), es[1]: (600, 650, 700, 600, 650, 700),
             es[2]: (800, 850, 900, 700, 750, 800)}
    rows = [(js[i % 3], e, a1 if i < 3 else a2, v) for e, vs in marks.items()
            for i, v in enumerate(vs)]
    cols = [to(t, col) for t, col in zip(typecodes, zip(*rows))]
    c.mark_columns(*cols, 1)
    return c, es


def check_same_rows(c, cols):
    rows = c.standings()
    assert len(cols) == len(rows) == 4
    for i, s in enumerate(rows):
        assert int(cols.entry[i]) == s.entry
        assert int(cols.status[i]) == int(s.status)
        assert int(cols.rank[i]) == s.rank
        assert int(cols.position[i]) == s.position
        assert cols.total_decimal(i) == s.total
        assert Decimal(int(cols.total[i])).scaleb(-kexie.TOTAL_SCALE) == s.total


def test_standings_columns_without_numpy_are_arrays_with_the_same_rows(world):
    c, es = marked_campaign(world)
    cols = c.standings_columns(numpy=False)
    assert [type(x) for x in (cols.entry, cols.status, cols.total, cols.rank, cols.position)] \
        == [array.array] * 5
    assert [x.typecode for x in (cols.entry, cols.status, cols.total, cols.rank,
                                 cols.position)] == ["I", "i", "q", "I", "I"]
    check_same_rows(c, cols)
    assert list(cols.entry) == [es[0], es[2], es[1], es[3]]
    assert list(cols.rank) == [1, 1, 3, 0]
    # 0.6 × judged (85 and 75 trimmed) + 0.4 × 70 (the benefit tier of 300 000)
    assert cols.total[0] == cols.total[1] == 76 * 10**kexie.TOTAL_SCALE
    assert cols.total_decimal(2) == Decimal(67)
    assert cols.status[3] == kexie.EntryStatus.INCOMPLETE


@needs_numpy
def test_standings_columns_with_numpy_are_typed_arrays_with_the_same_rows(world):
    c, es = marked_campaign(world)
    for cols in (c.standings_columns(), c.standings_columns(numpy=True)):
        assert isinstance(cols.total, numpy.ndarray)
        assert [x.dtype for x in (cols.entry, cols.status, cols.total, cols.rank,
                                  cols.position)] == [numpy.uint32, numpy.int32, numpy.int64,
                                                      numpy.uint32, numpy.uint32]
        check_same_rows(c, cols)
        assert (cols.total[:2] / 10**kexie.TOTAL_SCALE).tolist() == [76.0, 76.0]


@needs_numpy
def test_numpy_mark_columns_are_read_in_place_and_give_the_same_standings(world, monkeypatch):
    from kexie import _capi as C
    reference, _ = marked_campaign(world)
    expected = reference.standings()
    seen = []
    real = C.lib.kx_campaign_mark_columns

    def spy(h, n, judges, entries, indicators, coefficients, scale, failed):
        seen.append((judges, coefficients))
        return real(h, n, judges, entries, indicators, coefficients, scale, failed)

    monkeypatch.setattr(C.lib, "kx_campaign_mark_columns", spy)
    arrays = {}

    def to_numpy(typecode, values):
        a = numpy.array(values, dtype=numpy.uint32 if typecode == "I" else numpy.int64)
        arrays.setdefault(typecode, []).append(a)
        return a

    c, _ = marked_campaign(world, to=to_numpy)
    assert c.standings() == expected
    judges_address, coefficients_address = seen[-1]
    assert judges_address == arrays["I"][0].ctypes.data  # the caller's memory, no copy
    assert coefficients_address == arrays["q"][0].ctypes.data


@needs_numpy
def test_mark_columns_converts_what_is_not_a_matching_buffer(world):
    # int64 judge ids, int32 coefficients, a read-only array, a strided view: all
    # converted (copied) first, the same marks recorded.
    reference, _ = marked_campaign(world)
    expected = reference.standings()
    c, _ = marked_campaign(world, to=lambda t, v: numpy.array(
        v, dtype=numpy.int64 if t == "I" else numpy.int32))
    assert c.standings() == expected

    def read_only(t, v):
        a = numpy.array(v, dtype=numpy.uint32 if t == "I" else numpy.int64)
        a.flags.writeable = False
        return a

    c, _ = marked_campaign(world, to=read_only)
    assert c.standings() == expected
    c, _ = marked_campaign(world, to=lambda t, v: numpy.repeat(
        numpy.array(v, dtype=numpy.uint32 if t == "I" else numpy.int64), 2)[::2])
    assert c.standings() == expected


@needs_numpy
def test_mark_columns_refuses_tables_and_bad_values(world):
    c, es = marked_campaign(world)
    before = c.standings()
    j = c.add_judge(world.p[5])
    with pytest.raises(ValueError, match="one-dimensional"):
        c.mark_columns(numpy.zeros((1, 1), numpy.uint32), [es[3]], [1], [80], 0)
    with pytest.raises(ValueError, match="differ in length"):
        c.mark_columns(numpy.array([j, j], numpy.uint32), [es[3]], [1], [80], 0)
    with pytest.raises(OverflowError):
        c.mark_columns(numpy.array([-1], numpy.int64), [es[3]], [1], [80], 0)
    assert c.standings() == before  # nothing recorded


def test_mark_columns_from_bytes_and_memoryview(world):
    reference, _ = marked_campaign(world)
    expected = reference.standings()
    c, _ = marked_campaign(world, to=lambda t, v: memoryview(bytes(array.array(t, v))).cast(t))
    assert c.standings() == expected


def test_standings_columns_argument_and_closed_campaign(world):
    c, _ = marked_campaign(world)
    with pytest.raises(TypeError):
        c.standings_columns(numpy="yes")
    empty = make(world)
    cols = empty.standings_columns(numpy=False)
    assert len(cols) == 0 and len(cols.total) == 0
    c.close()
    with pytest.raises(ValueError):
        c.standings_columns()


def test_without_numpy_installed_the_plain_fallback_is_used():
    # numpy made unimportable in a fresh interpreter: standings_columns gives
    # array.array, numpy=True says why it cannot, and marks from lists still work.
    out = isolated.run("""
        sys.modules["numpy"] = None
        import array
        from kexie import Category
        from test_columns import marked_campaign
        w = World()
        c, es = marked_campaign(w, to=lambda t, v: list(v))
        cols = c.standings_columns()
        assert type(cols.total) is array.array and list(cols.rank) == [1, 1, 3, 0]
        try:
            c.standings_columns(numpy=True)
        except ImportError as e:
            print("refused:", e)
        print("ok", list(cols.entry))
    """)
    assert "refused: kexie: numpy=True, but numpy cannot be imported" in out
    assert "ok [1, 3, 2, 4]" in out
