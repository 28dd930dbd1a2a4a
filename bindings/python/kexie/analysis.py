"""Energy conversions, indicator weights (AHP, entropy, quantization) and panel
agreement (Kendall's W)."""

from __future__ import annotations

import ctypes
import decimal
import math
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence, Union

from . import _capi as C
from .enums import (AhpMethod, Carrier, CoalUnit, Criterion, EntropyNormalization, GridMethod,
                    MissingMarks, RandomIndexTable, Unit)

__all__ = ["AhpResult", "KendallResult", "to_standard_coal", "citation", "grid_emissions",
           "parse_carrier", "parse_unit", "ahp", "entropy_weights", "quantize_weights",
           "kendall_w"]

DecimalLike = Union[decimal.Decimal, int, str]
Number = Union[int, float, decimal.Decimal]


@dataclass(frozen=True)
class AhpResult:
    """AHP priorities (``weights``, summing to 1) and the consistency figures of a
    pairwise comparison matrix; ``worst`` is the (row, column) of the judgement
    that disagrees most.

    >>> kexie.ahp([[1, 2], [0.5, 1]]).weights
    [0.666..., 0.333...]
    """

    weights: list[float]
    lambda_max: float
    ci: float
    ri: float
    cr: float
    consistent: bool
    worst: tuple[int, int]


@dataclass(frozen=True)
class KendallResult:
    """Kendall's coefficient of concordance W of a panel, with its chi-squared
    test; ``judges`` and ``entries`` are the counts used (after dropping missing
    marks).

    >>> kexie.kendall_w([[1, 1], [2, 2], [3, 3]]).w
    1.0
    """

    w: float
    chi_squared: float
    df: int
    p_value: float
    judges: int
    entries: int


def to_standard_coal(carrier: Carrier, quantity: DecimalLike, unit: Unit,
                     coal_unit: CoalUnit = CoalUnit.TCE) -> decimal.Decimal:
    """Exact standard-coal equivalent (GB/T 2589) as a Decimal.

    >>> kexie.to_standard_coal(kexie.Carrier.RAW_COAL, 100, kexie.Unit.T)
    Decimal('71.430000')
    """
    out = C.DecimalText()
    C.check(C.lib.kx_energy_to_standard_coal(ctypes.byref(out), _carrier(carrier),
                                             C.dec_in(quantity, "quantity"), _unit(unit),
                                             C.enum_in(coal_unit, CoalUnit, "coal_unit")))
    return _dec(out.text)


def citation(carrier: Carrier, quantity: DecimalLike, unit: Unit,
             coal_unit: CoalUnit = CoalUnit.TCE) -> str:
    """The conversion's citation line (the standard and factor it used).

    >>> "GB/T 2589" in kexie.citation(kexie.Carrier.RAW_COAL, 100, kexie.Unit.T)
    True
    """
    out = C.c_void_p()
    C.check(C.lib.kx_energy_citation(ctypes.byref(out), _carrier(carrier),
                                     C.dec_in(quantity, "quantity"), _unit(unit),
                                     C.enum_in(coal_unit, CoalUnit, "coal_unit")))
    return C.owned_text(out)


def grid_emissions(quantity: DecimalLike, unit: Unit, year: int,
                   method: GridMethod = GridMethod.LOCATION_AVERAGE) -> decimal.Decimal:
    """t CO2 of grid electricity used in `year`, a Decimal.

    >>> kexie.grid_emissions(1000000, kexie.Unit.KWH, 2022)
    Decimal('536.600000')
    """
    out = C.DecimalText()
    C.check(C.lib.kx_energy_grid_emissions(ctypes.byref(out), C.dec_in(quantity, "quantity"),
                                           _unit(unit), C.i32(year, "year"),
                                           C.enum_in(method, GridMethod, "method")))
    return _dec(out.text)


def _carrier(value: Any) -> int:
    return C.enum_in(value, Carrier, "carrier")


def _unit(value: Any) -> int:
    return C.enum_in(value, Unit, "unit")


def _dec(raw: bytes) -> decimal.Decimal:
    value = C.dec_out(raw)
    assert value is not None  # the library always writes a number on success
    return value


def parse_carrier(text: str) -> Carrier:
    """The Carrier named `text` ("raw_coal", "natural_gas", ...); InvalidArgument if none.

    >>> kexie.parse_carrier("diesel")
    <Carrier.DIESEL: 7>
    """
    out = C.c_int()
    C.check(C.lib.kx_energy_carrier_parse(ctypes.byref(out), C.s(text, "text")))
    return Carrier(out.value)


def parse_unit(text: str) -> Unit:
    """The Unit written `text` ("t", "10^4 m3", "kWh", ...); InvalidArgument if none.

    >>> kexie.parse_unit("10^4 m3")
    <Unit.TEN_THOUSAND_M3: 4>
    """
    out = C.c_int()
    C.check(C.lib.kx_energy_unit_parse(ctypes.byref(out), C.s(text, "text")))
    return Unit(out.value)


def _flat(rows: Iterable[Iterable[Optional[Number]]]) -> tuple[Any, int, int]:
    table = [list(r) for r in rows]
    cols = len(table[0]) if table else 0
    if any(len(r) != cols for r in table):
        raise ValueError("kexie: ragged rows")
    values = []
    for r in table:
        for v in r:
            if v is not None and (isinstance(v, bool) or
                                  not isinstance(v, (int, float, decimal.Decimal))):
                raise TypeError("kexie: a table value must be a number or None, not %s"
                                % type(v).__name__)
            values.append(math.nan if v is None else float(v))
    rows = table
    return (C.c_double * max(len(values), 1))(*values), len(rows), cols


def ahp(matrix: Sequence[Sequence[Number]], method: AhpMethod = AhpMethod.EIGENVECTOR,
        ri_table: RandomIndexTable = RandomIndexTable.SAATY, threshold: float = 0.10,
        pass_at_most: bool = False, saaty_scale: bool = False,
        require_consistency: bool = False) -> AhpResult:
    """AHP priorities and consistency of a square pairwise comparison matrix;
    with `require_consistency`, InconsistentJudgements when CR exceeds `threshold`.

    >>> kexie.ahp([[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]]).consistent
    True
    """
    flat, n, cols = _flat(matrix)
    if n != cols:
        raise ValueError("kexie: the pairwise matrix must be square")
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float, decimal.Decimal)):
        raise TypeError("kexie: threshold must be a number, not %s" % type(threshold).__name__)
    opts = C.AhpOptions(1, C.enum_in(method, AhpMethod, "method"),
                        C.enum_in(ri_table, RandomIndexTable, "ri_table"), float(threshold),
                        1 if pass_at_most else 0, 1 if saaty_scale else 0,
                        1 if require_consistency else 0)
    w = (C.c_double * max(n, 1))()
    r = C.AhpResult()
    C.check(C.lib.kx_weights_ahp(w, ctypes.byref(r), flat, n, ctypes.byref(opts)))
    return AhpResult(list(w[:n]), r.lambda_max, r.ci, r.ri, r.cr, bool(r.consistent),
                     (r.worst_row, r.worst_col))


def entropy_weights(data: Sequence[Sequence[Number]], kinds: Optional[Sequence[Criterion]] = None,
                    normalization: EntropyNormalization = EntropyNormalization.MIN_MAX
                    ) -> list[float]:
    """Entropy weights (熵权法) of an alternatives × criteria table; `kinds` says
    which criteria are costs (all benefits when None).

    >>> kexie.entropy_weights([[1, 10], [2, 10], [3, 10]])
    [1.0, 0.0]
    """
    flat, rows, cols = _flat(data)
    k = None
    if kinds is not None:
        kinds = [C.enum_in(x, Criterion, "kinds") for x in kinds]
        if len(kinds) != cols:
            raise ValueError("kexie: %d kinds for %d criteria" % (len(kinds), cols))
        k = (C.c_int * max(cols, 1))(*kinds)
    w = (C.c_double * max(cols, 1))()
    C.check(C.lib.kx_weights_entropy(w, flat, rows, cols, k,
                                     C.enum_in(normalization, EntropyNormalization,
                                               "normalization")))
    return list(w[:cols])


def quantize_weights(weights: Iterable[Number], places: int) -> list[decimal.Decimal]:
    """Exact Decimals with `places` places summing to 1 (largest remainder).

    >>> kexie.quantize_weights([1, 1, 1], 2)
    [Decimal('0.34'), Decimal('0.33'), Decimal('0.33')]
    """
    weights = list(weights)
    for w in weights:
        if isinstance(w, bool) or not isinstance(w, (int, float, decimal.Decimal)):
            raise TypeError("kexie: a weight must be a number, not %s" % type(w).__name__)
    weights = [float(w) for w in weights]
    places = C.i32(places, "places")
    src = (C.c_double * max(len(weights), 1))(*weights)
    out = (C.DecimalText * max(len(weights), 1))()
    C.check(C.lib.kx_weights_quantize(out, src, len(weights), places))
    return [_dec(out[i].text) for i in range(len(weights))]


def kendall_w(marks: Sequence[Sequence[Optional[Number]]],
              missing: MissingMarks = MissingMarks.REFUSE,
              tie_correction: bool = True) -> KendallResult:
    """Kendall's W of an entries × judges table (None or NaN for a missing mark).

    >>> kexie.kendall_w([[1, 1, 1], [2, 2, 2], [3, 3, 3]]).w
    1.0
    """
    flat, entries, judges = _flat(marks)
    opts = C.KendallOptions(1, C.enum_in(missing, MissingMarks, "missing"),
                            int(bool(tie_correction)))
    r = C.KendallResult()
    C.check(C.lib.kx_kendall_w(ctypes.byref(r), flat, entries, judges, ctypes.byref(opts)))
    return KendallResult(r.w, r.chi_squared, r.df, r.p_value, r.judges, r.entries)


