"""Thinning for the browser keeps every extreme of a trace and a tick for every busy raster bin."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from explainer.figures.thinning import envelope, raster_occupancy


def test_envelope_keeps_the_extremes_of_every_bin_in_time_order():
    rng = np.random.default_rng(3)
    t = np.arange(10001) * 0.1
    y = np.cumsum(rng.normal(size=t.size))
    y[4321] = 500.0  # a one-sample spike must survive
    tx, ty = envelope(t, y, n_bins=100)
    assert tx.size <= 201
    assert np.all(np.diff(tx) > 0)
    assert tx[0] == 0.0 and ty[0] == pytest.approx(y[0])
    assert ty.max() == pytest.approx(500.0)
    per_bin = 100  # (10001 - 1) / 100 samples after the first
    for b in range(100):
        block = y[1 + b * per_bin : 1 + (b + 1) * per_bin]
        drawn = np.rint(tx / 0.1).astype(int)
        inside = (drawn >= 1 + b * per_bin) & (drawn <= (b + 1) * per_bin)
        assert ty[inside].max() == pytest.approx(block.max(), rel=1e-6), f"bin {b}: maximum lost"
        assert ty[inside].min() == pytest.approx(block.min(), rel=1e-6), f"bin {b}: minimum lost"


def test_short_traces_pass_through_unchanged():
    t = np.arange(7.0)
    y = t**2
    tx, ty = envelope(t, y, n_bins=10)
    np.testing.assert_array_equal(tx, t)
    np.testing.assert_array_equal(ty, y)


@settings(max_examples=60, deadline=None)
@given(n=hs.integers(2, 3000), n_bins=hs.integers(1, 400), seed=hs.integers(0, 2**16))
def test_envelope_properties_for_any_length(n, n_bins, seed):
    rng = np.random.default_rng(seed)
    t = np.arange(n, dtype=float)
    y = rng.normal(size=n)
    tx, ty = envelope(t, y, n_bins=n_bins)
    assert tx.size <= max(n, 2 * n_bins + 1)
    assert np.all(np.diff(tx) > 0), "points in time order, no duplicates"
    assert tx[0] == 0 and ty.max() == pytest.approx(y.max(), rel=1e-6) and ty.min() == pytest.approx(y.min(), rel=1e-6)
    assert tx[-1] >= n - 1 - -(-(n - 1) // n_bins), "the last bin is drawn"
    np.testing.assert_allclose(ty, y[tx.astype(int)].astype(np.float32))


def test_envelope_rejects_mismatched_input():
    with pytest.raises(ValueError):
        envelope(np.arange(3.0), np.arange(4.0))
    with pytest.raises(ValueError):
        envelope(np.arange(3.0), np.arange(3.0), n_bins=0)


def test_raster_occupancy_marks_exactly_the_bins_with_spikes():
    occupied = raster_occupancy(np.array([0.0, 0.99, 2.5, 9.999, 10.0, -1.0, 10.5]), 10.0, 1.0)
    assert occupied.tolist() == [True, False, True, False, False, False, False, False, False, True]
    assert raster_occupancy(np.array([]), 5.0, 2.0).tolist() == [False] * 3
    with pytest.raises(ValueError):
        raster_occupancy(np.array([1.0]), 0.0)
