"""Version, the error mapping, energy, weights and Kendall's W."""

import ctypes
import datetime
import math
from decimal import Decimal

import pytest

import kexie
from kexie import _capi


def test_version():
    assert kexie.version() == "0.1.0" == kexie.__version__
    assert "libkexie_c" in kexie.library_path()


@pytest.mark.parametrize("code,cls,name", [
    (-1, kexie.InvalidArgument, "invalid_argument"), (-2, kexie.NotFound, "not_found"),
    (-3, kexie.AlreadyExists, "already_exists"), (-4, kexie.RuleViolation, "rule_violation"),
    (-5, kexie.IllegalTransition, "illegal_transition"),
    (-6, kexie.PermissionDenied, "permission_denied"),
    (-7, kexie.ConflictOfInterest, "conflict_of_interest"),
    (-8, kexie.InconsistentJudgements, "inconsistent_judgements"),
    (-9, kexie.CorruptData, "corrupt_data"), (-10, kexie.UnsupportedVersion, "unsupported_version"),
    (-11, kexie.KexieIOError, "io_error"), (-12, kexie.Overflow, "overflow"),
    (-1000, kexie.InternalError, "internal")])
def test_every_code_has_its_exception(code, cls, name):
    assert cls.code == code
    assert _capi.lib.kx_error_name(code).decode() == name
    e = kexie.errors.from_code(code, "m", "r", "A1")
    assert type(e) is cls and isinstance(e, kexie.KexieError)
    assert (e.message, e.rule, e.article) == ("m", "r", "A1")
    assert str(e) == "m [r, A1]"


def test_unknown_code_is_a_plain_kexie_error():
    e = kexie.errors.from_code(-77, "odd")
    assert type(e) is kexie.KexieError and e.code == -77 and str(e) == "odd"


def test_errors_carry_the_rule_and_python_bases():
    with pytest.raises(ValueError) as info:  # InvalidArgument is a ValueError
        kexie.to_standard_coal(kexie.Carrier.RAW_COAL, -1, kexie.Unit.T)
    assert isinstance(info.value, kexie.InvalidArgument) and info.value.message
    with pytest.raises(LookupError):  # NotFound is a LookupError
        kexie.to_standard_coal(kexie.Carrier.STEAM, 1, kexie.Unit.T)


def test_dates_and_times_round_trip():
    assert _capi.date_out(0) == datetime.date(1970, 1, 1)
    assert _capi.date_in(datetime.date(2024, 2, 29)) == b"2024-02-29"
    with pytest.raises(TypeError):
        _capi.date_in(datetime.datetime(2024, 1, 1))
    with pytest.raises(ValueError):
        _capi.time_in(datetime.datetime(2024, 1, 1))
    out = ctypes.c_int32()
    assert _capi.lib.kx_date_parse(ctypes.byref(out), b"1970-01-02") == 0 and out.value == 1
    buf = ctypes.create_string_buffer(11)
    assert _capi.lib.kx_date_format(buf, 19782) == 0 and buf.value == b"2024-02-29"
    us = ctypes.c_int64()
    assert _capi.lib.kx_timestamp_parse(ctypes.byref(us), b"1970-01-01T00:00:01Z") == 0
    assert _capi.time_out(us.value) == datetime.datetime(1970, 1, 1, 0, 0, 1,
                                                         tzinfo=datetime.timezone.utc)


def test_decimals_are_exact_and_floats_refused():
    assert _capi.dec_in(Decimal("1E+3")) == b"1000"
    assert _capi.dec_in(Decimal("92.350")) == b"92.350"
    with pytest.raises(TypeError):
        _capi.dec_in(0.1)


def test_energy():
    assert kexie.to_standard_coal(kexie.Carrier.RAW_COAL, 100, kexie.Unit.T) == Decimal("71.43")
    assert str(kexie.to_standard_coal(kexie.Carrier.RAW_COAL, Decimal("100"), kexie.Unit.T)) \
        == "71.430000"
    kg = kexie.to_standard_coal(kexie.Carrier.RAW_COAL, "1", kexie.Unit.T, kexie.CoalUnit.KGCE)
    assert kg == Decimal("714.3")
    assert "GB/T 2589" in kexie.citation(kexie.Carrier.RAW_COAL, 100, kexie.Unit.T)
    assert str(kexie.grid_emissions(1000000, kexie.Unit.KWH, 2022)) == "536.600000"
    with pytest.raises(kexie.NotFound):
        kexie.grid_emissions(1, kexie.Unit.KWH, 2030)
    with pytest.raises(kexie.InvalidArgument):
        kexie.citation(kexie.Carrier.RAW_COAL, 1, kexie.Unit.KWH)
    assert kexie.parse_carrier("diesel") is kexie.Carrier.DIESEL
    assert kexie.parse_unit("10^4 m3") is kexie.Unit.TEN_THOUSAND_M3
    with pytest.raises(kexie.InvalidArgument):
        kexie.parse_unit("furlong")


def test_ahp():
    r = kexie.ahp([[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]])
    assert [round(w * 7, 9) for w in r.weights] == [4, 2, 1]
    assert r.consistent and abs(r.cr) < 1e-9
    bad = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]
    r = kexie.ahp(bad, method=kexie.AhpMethod.GEOMETRIC_MEAN)
    assert not r.consistent and r.cr > 0.1 and len(r.worst) == 2
    with pytest.raises(kexie.InconsistentJudgements) as info:
        kexie.ahp(bad, require_consistency=True)
    assert info.value.rule == "weights.ahp_consistency"
    with pytest.raises(ValueError):
        kexie.ahp([[1, 2]])


def test_entropy_and_quantize():
    assert kexie.entropy_weights([[1, 10], [2, 10], [3, 10]]) == [1.0, 0.0]
    w = kexie.entropy_weights([[1, 10], [2, 10], [3, 10]],
                              kinds=[kexie.Criterion.BENEFIT, kexie.Criterion.COST],
                              normalization=kexie.EntropyNormalization.PROPORTION)
    assert w[0] > 0.99
    with pytest.raises(kexie.InvalidArgument):
        kexie.entropy_weights([[1, 2]])
    assert kexie.quantize_weights([1, 1, 1], 2) == [Decimal("0.34"), Decimal("0.33"),
                                                    Decimal("0.33")]
    assert sum(kexie.quantize_weights([0.2, 0.3, 0.5], 4)) == 1
    with pytest.raises(kexie.InvalidArgument):
        kexie.quantize_weights([1, 1], 16)


def test_kendall_w():
    same = [[1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4]]
    r = kexie.kendall_w(same)
    assert math.isclose(r.w, 1) and r.df == 3 and (r.judges, r.entries) == (3, 4)
    holes = [[1, 1, 1], [2, 2, 2], [3, None, 3], [4, 4, 4]]
    with pytest.raises(kexie.InvalidArgument):
        kexie.kendall_w(holes)
    r = kexie.kendall_w(holes, missing=kexie.MissingMarks.DROP_ENTRIES)
    assert r.entries == 3
    r = kexie.kendall_w([[1, 2], [2, 1], [3, 3]], tie_correction=False)
    assert 0 <= r.w < 1
