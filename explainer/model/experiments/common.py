"""What every experiment shares: the time step, the default cell, and how spiking is switched off."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from explainer.model.neuron import NeuronParams

DT_ms = 0.1
SPIKING_OFF_V_th_mV = 1.0e6  # a threshold no membrane potential reaches: spiking switched off
DEFAULT_PARAMS = NeuronParams()


def first_true(predicate: Callable[[int], bool], lo: int, hi: int) -> int:
    """The smallest whole number k in (lo, hi] for which ``predicate(k)`` holds, by bisection.

    The one search the experiments use.  ``predicate`` must be monotone on the range (false, then true)
    with ``predicate(lo)`` false and ``predicate(hi)`` true; it is called about log2(hi - lo) times.
    """
    return lo + 1 + bisect.bisect_left(range(lo + 1, hi + 1), True, key=predicate)
