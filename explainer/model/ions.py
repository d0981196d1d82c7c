"""Ion gradients and equilibrium potentials: the Nernst equation.

An ion species with charge z, at concentrations [out] outside and [in] inside the cell, is at equilibrium (no net
flow through its channels) at

    E = (R T / (z F)) ln([out] / [in])

(Hille 2001, *Ion Channels of Excitable Membranes*, ch. 1).  At body temperature RT/F is about 26.7 mV.
"""

from __future__ import annotations

import math

GAS_CONSTANT = 8.314462618  # R, J / (mol K)
FARADAY = 96485.33212  # F, C / mol
BODY_TEMPERATURE_K = 310.15  # 37 degrees C


def nernst_mV(out_mM: float, in_mM: float, charge: int, temperature_K: float = BODY_TEMPERATURE_K) -> float:
    """The equilibrium potential of an ion of ``charge`` z (+1 for Na+ and K+, -1 for Cl-), in mV."""
    if out_mM <= 0 or in_mM <= 0 or not math.isfinite(out_mM) or not math.isfinite(in_mM):
        raise ValueError(f"concentrations must be positive and finite, got {out_mM} mM outside, {in_mM} mM inside")
    if charge == 0:
        raise ValueError("an ion has a charge; z = 0 has no equilibrium potential")
    if temperature_K <= 0:
        raise ValueError(f"the temperature must be above absolute zero, got {temperature_K} K")
    return 1000.0 * GAS_CONSTANT * temperature_K / (charge * FARADAY) * math.log(out_mM / in_mM)
