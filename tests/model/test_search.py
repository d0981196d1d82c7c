"""The experiments' one search (bisection over whole numbers), against a linear scan."""

from __future__ import annotations

import pytest

from explainer.model.experiments.common import first_true


@pytest.mark.parametrize(("lo", "hi", "border"), [(0, 100, 7), (0, 100, 1), (0, 100, 100), (-84, 0, -54), (1, 51, 6)])
def test_first_true_finds_the_border_a_linear_scan_finds(lo, hi, border):
    calls = []

    def at_or_above(k: int) -> bool:
        calls.append(k)
        return k >= border

    assert first_true(at_or_above, lo, hi) == border == next(k for k in range(lo + 1, hi + 1) if k >= border)
    assert len(calls) <= (hi - lo).bit_length() + 1, f"bisection should need ~log2 calls, made {len(calls)}"
