"""Checks shared by the parameter dataclasses: every field a finite number, signs, reset below threshold.

Each failure raises ``ValueError`` with a message a person understands.
"""

from __future__ import annotations

import math
from dataclasses import fields

import numpy as np


def check_params(params, *, positive: tuple[str, ...] = (), non_negative: tuple[str, ...] = ()) -> None:
    """Validate a frozen parameter dataclass whose fields are all numbers (and which has V_reset/V_th)."""
    for f in fields(params):
        value = getattr(params, f.name)
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
            raise ValueError(f"{f.name} must be a number, got {value!r}")
        if not math.isfinite(value):
            raise ValueError(f"{f.name} must be a finite number, got {value!r}")
    for name in positive:
        if getattr(params, name) <= 0:
            raise ValueError(f"{name} must be greater than zero, got {getattr(params, name)!r}")
    for name in non_negative:
        if getattr(params, name) < 0:
            raise ValueError(f"{name} cannot be negative, got {getattr(params, name)!r}")
    if params.V_reset_mV >= params.V_th_mV:
        raise ValueError(
            f"the reset potential ({params.V_reset_mV} mV) must lie below the threshold ({params.V_th_mV} mV)"
        )
