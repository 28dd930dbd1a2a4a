"""Energy conversions, indicator weights (AHP, entropy, quantization) and panel
agreement (Kendall's W)."""

import ctypes
from collections import namedtuple

from . import _capi as C
from .enums import AhpMethod, CoalUnit, EntropyNormalization, GridMethod, MissingMarks, \
    RandomIndexTable

AhpResult = namedtuple("AhpResult", "weights lambda_max ci ri cr consistent worst")
KendallResult = namedtuple("KendallResult", "w chi_squared df p_value judges entries")


def to_standard_coal(carrier, quantity, unit, coal_unit=CoalUnit.TCE):
    """Exact standard-coal equivalent (GB/T 2589) as a Decimal.

    >>> kexie.to_standard_coal(kexie.Carrier.RAW_COAL, 100, kexie.Unit.T)
    Decimal('71.430000')
    """
    out = C.DecimalText()
    C.check(C.lib.kx_energy_to_standard_coal(ctypes.byref(out), int(carrier), C.dec_in(quantity),
                                             int(unit), int(coal_unit)))
    return C.dec_out(out.text)


def citation(carrier, quantity, unit, coal_unit=CoalUnit.TCE):
    """The conversion's citation line."""
    out = C.c_void_p()
    C.check(C.lib.kx_energy_citation(ctypes.byref(out), int(carrier), C.dec_in(quantity),
                                     int(unit), int(coal_unit)))
    return C.owned_text(out)


def grid_emissions(quantity, unit, year, method=GridMethod.LOCATION_AVERAGE):
    """t CO2 of grid electricity, a Decimal."""
    out = C.DecimalText()
    C.check(C.lib.kx_energy_grid_emissions(ctypes.byref(out), C.dec_in(quantity), int(unit),
                                           year, int(method)))
    return C.dec_out(out.text)


def parse_carrier(text):
    from .enums import Carrier
    out = C.c_int()
    C.check(C.lib.kx_energy_carrier_parse(ctypes.byref(out), C.s(text)))
    return Carrier(out.value)


def parse_unit(text):
    from .enums import Unit
    out = C.c_int()
    C.check(C.lib.kx_energy_unit_parse(ctypes.byref(out), C.s(text)))
    return Unit(out.value)


def _flat(rows):
    rows = [list(r) for r in rows]
    cols = len(rows[0]) if rows else 0
    if any(len(r) != cols for r in rows):
        raise ValueError("kexie: ragged rows")
    values = [float("nan") if v is None else float(v) for r in rows for v in r]
    return (C.c_double * max(len(values), 1))(*values), len(rows), cols


def ahp(matrix, method=AhpMethod.EIGENVECTOR, ri_table=RandomIndexTable.SAATY, threshold=0.10,
        pass_at_most=False, saaty_scale=False, require_consistency=False):
    """AHP priorities and consistency of a square pairwise comparison matrix."""
    flat, n, cols = _flat(matrix)
    if n != cols:
        raise ValueError("kexie: the pairwise matrix must be square")
    opts = C.AhpOptions(1, int(method), int(ri_table), threshold, int(pass_at_most),
                        int(saaty_scale), int(require_consistency))
    w = (C.c_double * max(n, 1))()
    r = C.AhpResult()
    C.check(C.lib.kx_weights_ahp(w, ctypes.byref(r), flat, n, ctypes.byref(opts)))
    return AhpResult(list(w[:n]), r.lambda_max, r.ci, r.ri, r.cr, bool(r.consistent),
                     (r.worst_row, r.worst_col))


def entropy_weights(data, kinds=None, normalization=EntropyNormalization.MIN_MAX):
    """Entropy weights (熵权法) of an alternatives × criteria table."""
    flat, rows, cols = _flat(data)
    k = None
    if kinds is not None:
        k = (C.c_int * max(cols, 1))(*[int(x) for x in kinds])
    w = (C.c_double * max(cols, 1))()
    C.check(C.lib.kx_weights_entropy(w, flat, rows, cols, k, int(normalization)))
    return list(w[:cols])


def quantize_weights(weights, places):
    """Exact Decimals with `places` places summing to 1 (largest remainder)."""
    weights = list(weights)
    src = (C.c_double * max(len(weights), 1))(*weights)
    out = (C.DecimalText * max(len(weights), 1))()
    C.check(C.lib.kx_weights_quantize(out, src, len(weights), places))
    return [C.dec_out(out[i].text) for i in range(len(weights))]


def kendall_w(marks, missing=MissingMarks.REFUSE, tie_correction=True):
    """Kendall's W of an entries × judges table (None or NaN for a missing mark)."""
    flat, entries, judges = _flat(marks)
    opts = C.KendallOptions(1, int(missing), int(tie_correction))
    r = C.KendallResult()
    C.check(C.lib.kx_kendall_w(ctypes.byref(r), flat, entries, judges, ctypes.byref(opts)))
    return KendallResult(r.w, r.chi_squared, r.df, r.p_value, r.judges, r.entries)


