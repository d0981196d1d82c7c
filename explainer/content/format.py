"""The one number formatter for everything the app writes: typographic minus, no "−0"."""

from __future__ import annotations


def num(value: float, decimals: int = 0, signed: bool = False) -> str:
    """``-70.0`` -> ``"−70"`` (typographic minus); ``signed`` writes a plus sign on a change (``"+5.0"``).

    A value that rounds to zero is written without a sign (``"0.0"``), never ``"−0.0"``.
    """
    value = float(value)
    if round(value, decimals) == 0:
        return f"{0.0:.{decimals}f}"
    text = f"{value:+.{decimals}f}" if signed else f"{value:.{decimals}f}"
    return text.replace("-", "−")
