"""Send the browser only what it can draw: min/max envelopes of long traces, raster bins that hold a spike.

Drawing is most of what a slider change costs in the browser: the tug-of-war figure's traces held
~20 000 points (3 334 per trace, 10 600 in the input raster), which Plotly took ~180 ms to draw in
headless Chromium, for a panel ~540 px wide (~850 px in the 1920 px PNG export).  Thinning to the
resolution of the screen loses nothing a reader can see:

* :func:`envelope`: for each bin of ``samples_per_bin`` samples, the minimum and the maximum, in the
  order they occur.  Every peak and trough survives exactly (a spike's reset, an EPSP's top), which
  plain striding (every n-th sample) does not promise.  The first sample is kept, so the trace starts
  where the run starts; a remainder shorter than a bin becomes a last bin of its own.
* :func:`raster_occupancy`: which ``bin_ms`` bins hold at least one spike, drawn as one image
  (:mod:`explainer.figures.raster_image`) instead of a tick per spike: ~2000 ticks cost ~50 ms to draw.

The model's arrays are untouched (the CSV export and the sound still carry every sample and spike).
"""

from __future__ import annotations

import numpy as np

TRACE_BINS = 500  # min/max pairs per trace: 1000 points, ~2 points per pixel of a laptop panel
RASTER_BIN_ms = 1.0  # one tick per millisecond at most


def envelope(t_ms: np.ndarray, y: np.ndarray, n_bins: int = TRACE_BINS) -> tuple[np.ndarray, np.ndarray]:
    """(t, y) thinned to the min and max of each of about ``n_bins`` equal bins, in time order, float32."""
    t_ms = np.asarray(t_ms)
    y = np.asarray(y)
    if t_ms.shape != y.shape or t_ms.ndim != 1:
        raise ValueError("envelope needs two 1-D arrays of equal length")
    if n_bins < 1:
        raise ValueError("n_bins must be at least 1")
    n = y.size
    if n <= 2 * n_bins + 1:
        return t_ms.astype(np.float32), y.astype(np.float32)
    per_bin = -(-(n - 1) // n_bins)  # ceil: samples after the first, per bin
    starts = np.arange(1, n, per_bin)
    # reduceat over the bins: argmin/argmax are not ufuncs, so find them with a padded reshape.
    pad = starts.size * per_bin - (n - 1)
    body = np.concatenate([y[1:], np.full(pad, np.nan)]) if pad else y[1:]
    blocks = body.reshape(starts.size, per_bin)
    i_min = np.nanargmin(blocks, axis=1)
    i_max = np.nanargmax(blocks, axis=1)
    first = np.minimum(i_min, i_max)
    second = np.maximum(i_min, i_max)
    idx = np.empty(2 * starts.size, dtype=np.int64)
    idx[0::2] = starts + first
    idx[1::2] = starts + second
    idx = np.concatenate([[0], idx])
    keep = np.ones(idx.size, dtype=bool)
    keep[1:] = idx[1:] != idx[:-1]  # a flat bin gives the same sample twice
    idx = idx[keep]
    return t_ms[idx].astype(np.float32), y[idx].astype(np.float32)


def raster_occupancy(times_ms: np.ndarray, t_end_ms: float, bin_ms: float = RASTER_BIN_ms) -> np.ndarray:
    """Boolean per ``bin_ms`` bin of [0, ``t_end_ms``]: does the bin hold a spike?  Spikes outside are ignored.

    Bin ``k`` is [k bin_ms, (k + 1) bin_ms); a spike exactly at ``t_end_ms`` goes in the last bin.
    """
    if bin_ms <= 0 or t_end_ms <= 0:
        raise ValueError("bin_ms and t_end_ms must be positive")
    n_bins = max(1, int(np.ceil(t_end_ms / bin_ms - 1e-9)))
    times = np.asarray(times_ms, dtype=float)
    times = times[(times >= 0) & (times <= t_end_ms)]
    occupied = np.zeros(n_bins, dtype=bool)
    occupied[np.minimum((times // bin_ms).astype(np.int64), n_bins - 1)] = True
    return occupied
