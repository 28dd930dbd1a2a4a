"""Property tests of the Python package (issue 16, "make the class impossible"):
random arguments of random types -- ints at and beyond every C width, floats,
NaN, text with NUL, bytes, huge decimals, dates, naive and aware datetimes,
enumerators, containers, and every kind of kexie object, live, closed, borrowed
from a snapshot or copied -- go to every public function, constructor, method
and property, several calls in a row on one set of objects. Each call must
return or raise an ordinary Python exception; the interpreter must never crash.

Run by the ctest python.properties in its own process (so a crash fails that
test), with a fixed seed (derandomize) and a bounded number of examples:

    KEXIE_LIBRARY=build/dev/src/c/libkexie_c.so \\
        python3 -m pytest -q -p no:cacheprovider bindings/python/properties

KEXIE_PROPERTY_EXAMPLES overrides the number of examples (default 400)."""

import collections
import copy
import datetime
import enum
import gc
import inspect
import os
import pathlib
import pickle
import sys
from datetime import date as D, timezone
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.dirname(HERE), os.path.join(os.path.dirname(HERE), "tests")]

import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

import kexie  # noqa: E402
from conftest import World  # noqa: E402
from test_campaign import RUBRIC, entry, spec  # noqa: E402

#: Outcomes of the random calls: "returned" or the exception's type name.
OUTCOMES: collections.Counter = collections.Counter()
EXAMPLES = int(os.environ.get("KEXIE_PROPERTY_EXAMPLES", "400"))
AT = datetime.datetime(2025, 3, 1, tzinfo=timezone.utc)

# --- what is called ----------------------------------------------------------------

CLASSES = [getattr(kexie, n) for n in kexie.__all__
           if inspect.isclass(getattr(kexie, n))
           and not issubclass(getattr(kexie, n), (BaseException, enum.Enum))]
FUNCTIONS = [getattr(kexie, n) for n in kexie.__all__
             if inspect.isfunction(getattr(kexie, n))]
ENUM_MEMBERS = [m for n in kexie.enums.__all__ for m in getattr(kexie.enums, n)]
#: Dunder methods called like public ones.
DUNDERS = ("__len__", "__iter__", "__enter__", "__exit__", "__repr__", "__copy__",
           "__deepcopy__", "__reduce_ex__", "__del__")


def targets():
    """(name, kind, owner, attribute): every public callable and property."""
    out = [(f.__name__, "function", None, f) for f in FUNCTIONS]
    for cls in CLASSES:
        out.append((cls.__name__, "constructor", cls, cls))
        for name in sorted(dir(cls)):
            if name.startswith("_") and name not in DUNDERS:
                continue
            attr = inspect.getattr_static(cls, name)
            if isinstance(attr, property):
                out.append(("%s.%s" % (cls.__name__, name), "property", cls, attr.fget))
            elif isinstance(attr, classmethod):
                out.append(("%s.%s" % (cls.__name__, name), "classmethod", cls,
                            getattr(cls, name)))
            elif isinstance(attr, staticmethod):
                out.append(("%s.%s" % (cls.__name__, name), "function", cls, attr.__func__))
            elif inspect.isfunction(attr):
                out.append(("%s.%s" % (cls.__name__, name), "method", cls, attr))
    return out


TARGETS = targets()
NAMES = [t[0] for t in TARGETS]


def test_every_public_name_is_a_target():
    for must in ("Registry.organization", "Campaign.mark_columns", "Scoreboard.explain",
                 "Activity.report_progress", "save_snapshot", "load_snapshot_bytes",
                 "ahp", "Snapshot.save", "Actor.from_registry", "CampaignSpec"):
        assert must in NAMES, must
    assert len(TARGETS) > 100


# --- the objects ------------------------------------------------------------------------

def make_pool(tmp):
    """A fresh set of objects of every kind: live, closed, borrowed and the
    objects built over borrowed ones, plus valid argument values."""
    w = World()
    c = kexie.Campaign(w.reg, spec(w))
    c.set_rubric(kexie.Category.RATIONALIZATION_PROPOSALS, "细则", RUBRIC)
    e = entry(c, "E1", w.steel, w.p[0], 860000)
    j = c.add_judge(w.q[0])
    c.assign(j, e)
    c.mark(j, e, "A.1", 80)
    board = c.score()
    book = kexie.ActivityBook(w.reg, allow_asserted_roles=True)
    actor = kexie.Actor(w.p[0], roles=[(kexie.Role.CHAIR, w.steel)])
    activity = book.create(actor, AT, kexie.ActivityType.JIANGBI_CAMPAIGN, "讲比", w.steel,
                           w.branch, w.p[0], (D(2025, 3, 1), D(2025, 11, 30)))
    data = kexie.save_snapshot(None, w.reg, [book], [c])
    snap = kexie.load_snapshot_bytes(data)
    over_snapshot = kexie.Campaign(snap.registry, spec(w))
    closed_reg = kexie.Registry()
    closed_reg.close()
    closed_book = kexie.ActivityBook(w.reg, allow_asserted_roles=True)
    closed_book.close()
    closed_snap = kexie.load_snapshot_bytes(data)
    closed_snap.close()
    path = pathlib.Path(tmp) / "saved.snap"
    kexie.save_snapshot(path, w.reg)
    desk = kexie.ServiceDesk(w.reg)  # issue 20
    objects = [w.reg, c, board, book, actor, activity, snap, snap.registry, desk,
               snap.activity_books[0], snap.campaigns[0], over_snapshot, closed_reg,
               closed_book, closed_snap, closed_snap.registry]
    values = [e, j, w.steel, w.province, w.p[0], data, path, spec(w), RUBRIC[1], list(RUBRIC),
              kexie.AwardTier("一等奖", count=1), D(2025, 6, 30), AT, "A.1", "E1",
              [(w.p[0], 1)], [(j, e, 1, 80)]]
    good = {
        "org": [w.steel, w.province], "root": [w.province], "parent": [w.province, None],
        "employer": [w.steel], "person": [w.p[0], w.q[1]], "membership": [1], "entry": [e],
        "judge": [j], "activity_id": [activity.id], "indicator_code": ["A.1"],
        "veto_code": ["veto"], "value": [80, Decimal("80.5")], "code": ["A.1", "E1", "E7"],
        "category": [kexie.Category.RATIONALIZATION_PROPOSALS], "as_of": [D(2025, 6, 30)],
        "first": [D(2020, 1, 1)], "last": [None, D(2030, 1, 1)], "birth": [D(1990, 1, 1)],
        "effective": [D(2001, 1, 1)], "last_day": [D(2030, 1, 1)],
        "in_use_since": [D(2024, 3, 1)], "at": [AT],
        # handles: the right kind, live, borrowed or closed, and the wrong kinds
        "actor": [actor, actor, w.reg, book, c, board],
        "registry": [w.reg, snap.registry, closed_reg, book, c, actor, board],
        "book": [book, snap.activity_books[0], closed_book, w.reg, c],
        "campaign": [c, snap.campaigns[0], w.reg, book],
        "books": [[book], [], [c], [book, w.reg], [closed_book]],
        "campaigns": [[c], [], [book], [c, board], [over_snapshot]],
        "spec": [spec(w)], "path": [None, "x.snap"], "data": [data],
        "name": ["名"], "title": ["t"], "text": ["x", "A|a||judged|1|0|100|1"],
        "reason": ["r"], "role": [kexie.Role.MEMBER], "percent": [50], "score": [90],
        "unit": [w.steel, kexie.Unit.T], "team": [[(w.p[0], 1)]],
        "marks": [[(j, e, 1, 80)], [[1, 2], [2, 1]]], "matrix": [[[1, 2], [0.5, 1]]],
        "weights": [[1, 2]], "places": [2], "quantity": [100, "1.5"],
        "carrier": [kexie.Carrier.RAW_COAL], "year": [2022], "indicators": [list(RUBRIC)],
        "kind": [kexie.OrgKind.SOCIETY, kexie.ActivityType.JIANGBI_CAMPAIGN],
        "organizer": [w.steel], "owner": [w.branch], "responsible": [w.p[0]],
        "planned": [(D(2025, 3, 1), D(2025, 11, 30))], "operation": [kexie.Operation.SUBMIT],
        "judges": [[j]], "entries": [[e]], "coefficients": [[800]], "scale": [1],
        "external_key": ["K-9"], "mode": [0o600], "roles": [[(kexie.Role.CHAIR, w.steel)]],
    }
    return objects, values, good


def instances_of(cls, objects):
    return [o for o in objects if isinstance(o, cls)]


# --- random values --------------------------------------------------------------------------

BOUNDARY_INTS = [0, 1, -1, 2**31 - 1, 2**31, -2**31 - 1, 2**32 - 1, 2**32, 2**32 + 1,
                 2**63 - 1, 2**63, 2**64, -2**63 - 1, 10**18, 10**19, 10**400]
TEXTS = ["", "\x00", "A\x00B", "E1", "A.1", "raw_coal", "t", "10^4 m3", "1.5", "-0",
         "1E+1000000000", "2025-01-01", "2025-03-01T00:00:00+00:00", "\ud800", "中国科协",
         "indicator:A.1", "top_marks", "x" * 300]
DECIMALS = [Decimal("1E+1000000000"), Decimal("1E-1000000000"), Decimal("0E+99999"),
            Decimal("NaN"), Decimal("-Infinity"), Decimal("123456789012345678"),
            Decimal("0.000000000000000001"), Decimal("-0.50")]

scalars = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-3, max_value=12), st.sampled_from(BOUNDARY_INTS), st.integers(),
    st.floats(), st.sampled_from(TEXTS), st.text(max_size=12),
    st.binary(max_size=24), st.sampled_from(DECIMALS), st.decimals(),
    st.dates(), st.datetimes(), st.datetimes(timezones=st.just(timezone.utc)),
    st.sampled_from(ENUM_MEMBERS))


def values_strategy(objects, values):
    base = st.one_of(scalars, st.sampled_from(objects), st.sampled_from(values))
    return st.recursive(base, lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.tuples(inner, inner),
        st.tuples(inner, inner, inner), st.tuples(inner, inner, inner, inner),
        st.frozensets(st.sampled_from(TEXTS), max_size=2)), max_leaves=6)


def safe_path(value, tmp):
    """Keeps a random path inside `tmp` (the working directory); other types pass."""
    if isinstance(value, str):
        return os.path.join(tmp, "kx-" + value.replace("/", "_"))
    if isinstance(value, pathlib.PurePath):
        return pathlib.Path(tmp) / ("kx-" + str(value).replace("/", "_"))
    return value


def call(target, self_obj, args, kwargs, tmp):
    name, kind, owner, fn = target
    if name in ("save_snapshot", "load_snapshot") and args:
        args[0] = safe_path(args[0], tmp)
    if name == "Snapshot.save" and args:
        args[0] = safe_path(args[0], tmp)
    for key in ("path",):
        if key in kwargs:
            kwargs[key] = safe_path(kwargs[key], tmp)
    if kind in ("function", "constructor", "classmethod"):
        return fn(*args, **kwargs)
    return fn(self_obj, *args, **kwargs)


def parameter_names(fn):
    try:
        return [p.name for p in inspect.signature(fn).parameters.values()
                if p.name not in ("self", "cls") and p.kind in (p.POSITIONAL_OR_KEYWORD,
                                                               p.KEYWORD_ONLY)]
    except (TypeError, ValueError):
        return []


def required_count(fn):
    try:
        return sum(1 for p in inspect.signature(fn).parameters.values()
                   if p.name not in ("self", "cls") and p.default is p.empty
                   and p.kind == p.POSITIONAL_OR_KEYWORD)
    except (TypeError, ValueError):
        return 0


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_random_calls_raise_python_exceptions_and_never_crash(data, tmp_path_factory):
    tmp = str(tmp_path_factory.mktemp("calls"))
    objects, values, good = make_pool(tmp)
    anything = values_strategy(objects, values)
    for _ in range(data.draw(st.integers(1, 4), label="calls")):
        action = data.draw(st.sampled_from(["call"] * 8 + ["copy", "close", "gc"]),
                           label="action")
        if action == "copy":
            obj = data.draw(st.sampled_from(objects), label="copied")
            how = data.draw(st.sampled_from([copy.copy, copy.deepcopy, pickle.dumps]))
            try:
                how(obj)
            except TypeError:
                pass
            else:
                assert type(obj).__name__ == "Activity" and how is copy.copy, obj
            continue
        if action == "close":
            obj = data.draw(st.sampled_from(objects), label="closed")
            if hasattr(obj, "close"):
                obj.close()
            continue
        if action == "gc":
            objects.pop(data.draw(st.integers(0, len(objects) - 1), label="dropped"))
            gc.collect()
            continue
        target = data.draw(st.sampled_from(TARGETS), label="target")
        name, kind, owner, fn = target
        self_obj = None
        if kind in ("method", "property"):
            own = instances_of(owner, objects)
            wrong = data.draw(st.integers(0, 4), label="wrong self") == 0 or not own
            self_obj = data.draw(anything if wrong else st.sampled_from(own), label="self")
        params = parameter_names(fn)

        def argument(name):
            # mostly a plausible value for the parameter, else anything at all
            if name in good and data.draw(st.integers(0, 2), label="plausible?"):
                return data.draw(st.sampled_from(good[name]), label=name)
            return data.draw(anything, label=name)

        required = required_count(fn)
        if data.draw(st.integers(0, 3), label="arity?"):
            count = data.draw(st.integers(required, len(params)), label="positional")
        else:
            count = data.draw(st.integers(0, len(params) + 1), label="positional")
        args = [argument(params[i] if i < len(params) else "") for i in range(count)]
        kwargs = {}
        for p in params[count:]:
            if data.draw(st.integers(0, 3), label="kw?") == 0:
                kwargs[p] = argument(p)
        try:
            result = call(target, self_obj, args, kwargs, tmp)
            if inspect.isgenerator(result) or isinstance(result, type(iter([]))):
                list(result)
            OUTCOMES["returned"] += 1
        except Exception as e:
            OUTCOMES[type(e).__name__] += 1
            if os.environ.get("KEXIE_PROPERTY_DEBUG") and isinstance(e, AttributeError):
                print(name, e)
    for obj in objects:
        if hasattr(obj, "close"):
            obj.close()


def test_closed_and_borrowed_objects_refuse_every_method(tmp_path):
    """Every method of every closed object raises ValueError or TypeError."""
    objects, values, _ = make_pool(str(tmp_path))
    for obj in objects:
        if hasattr(obj, "close"):
            obj.close()
    for name, kind, owner, fn in TARGETS:
        if kind not in ("method", "property") or name.split(".")[1] in DUNDERS + (
                "close", "closed", "borrowed", "person", "book", "id", "campaign",
                "__repr__"):
            continue
        for obj in instances_of(owner, objects):
            if owner.__name__ in ("Snapshot",):
                continue
            params = parameter_names(fn)
            args = [values[0]] * len(params)
            with pytest.raises((ValueError, TypeError)):
                fn(obj, *args)


def test_the_random_calls_reached_the_library():
    """Runs after the random calls: some returned, and the library itself refused
    some (KexieError subclasses), so the calls got past the argument checks."""
    print(sorted(OUTCOMES.items()))
    assert OUTCOMES["returned"] > EXAMPLES // 10
    assert OUTCOMES["TypeError"] and OUTCOMES["ValueError"]
    assert sum(n for name, n in OUTCOMES.items()
               if name in kexie.errors.__all__ and name != "KexieError") > 0
