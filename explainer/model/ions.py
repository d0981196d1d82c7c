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

# Typical concentrations outside and inside a mammalian neuron, in mM.  Potassium: Purves et al. 2004,
# *Neuroscience*, 3rd ed., Table 2.1 (140 inside, 5 outside).  Chloride: 120 outside; inside, a few mM in a
# mature neuron, whose KCC2 carries chloride out (7 mM puts E_Cl within the -64 to -83 mV of Hille 2001), and
# tens of mM early in development, when NKCC1 brings it in (30 mM puts E_Cl within the -35 to -40 mV measured
# for E_GABA then: Ben-Ari 2002).
K_OUT_mM, K_IN_mM = 5.0, 140.0
CL_OUT_mM = 120.0
CL_IN_MATURE_mM = 7.0
CL_IN_DEVELOPING_mM = 30.0


def thermal_voltage_mV(temperature_K: float = BODY_TEMPERATURE_K) -> float:
    """RT/F in mV: the Nernst equation's scale (about 26.7 mV at body temperature)."""
    return 1000.0 * GAS_CONSTANT * temperature_K / FARADAY


def nernst_mV(out_mM: float, in_mM: float, charge: int, temperature_K: float = BODY_TEMPERATURE_K) -> float:
    """The equilibrium potential of an ion of ``charge`` z (+1 for Na+ and K+, -1 for Cl-), in mV."""
    if out_mM <= 0 or in_mM <= 0 or not math.isfinite(out_mM) or not math.isfinite(in_mM):
        raise ValueError(f"concentrations must be positive and finite, got {out_mM} mM outside, {in_mM} mM inside")
    if charge == 0:
        raise ValueError("an ion has a charge; z = 0 has no equilibrium potential")
    if temperature_K <= 0:
        raise ValueError(f"the temperature must be above absolute zero, got {temperature_K} K")
    return thermal_voltage_mV(temperature_K) / charge * math.log(out_mM / in_mM)
