"""Spike rasters as one small PNG image in the figure's layout, not a marker or a tick per spike.

Why an image: drawing is most of what a slider change costs in the browser, and a raster is the
worst part of it: ~2000 separate ticks took ~50 ms to draw, 2500 network spikes as markers ~0.2 s and
a runaway network's 24 000 markers 1.3 s, on every change.  A Plotly heatmap draws in ~5 ms, but
Plotly's redraw-free animation removes heatmaps from the plot while it plays.  A layout image is not
a trace, so playback leaves it alone, and it draws as fast as a heatmap.

The image is a palette PNG written with :mod:`zlib` (no imaging library): one pixel column per time
bin, ``row_px`` pixel rows per raster row, code 0 transparent and code k the k-th colour.  The browser
scales it to the panel; every bin that holds a spike is coloured, none other.
"""

from __future__ import annotations

import base64
import struct
import zlib

import numpy as np

from explainer.figures.style import hex_to_rgb


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def palette_png(codes: np.ndarray, colors: list[str], *, row_px: int = 1, col_px: int = 1) -> bytes:
    """PNG bytes of ``codes`` (rows top to bottom, uint8; 0 transparent, k -> ``colors[k - 1]``)."""
    codes = np.asarray(codes)
    if codes.ndim != 2 or codes.size == 0:
        raise ValueError("codes must be a non-empty 2-D array")
    if codes.min() < 0 or codes.max() > len(colors):
        raise ValueError("every code must be 0 (transparent) or name one of the colours")
    if row_px < 1 or col_px < 1:
        raise ValueError("row_px and col_px must be at least 1")
    pixels = np.repeat(np.repeat(codes.astype(np.uint8), row_px, axis=0), col_px, axis=1)
    height, width = pixels.shape
    raw = np.concatenate([np.zeros((height, 1), np.uint8), pixels], axis=1).tobytes()  # filter byte 0 per row
    palette = bytes([0, 0, 0]) + b"".join(bytes(hex_to_rgb(c)) for c in colors)
    alpha = bytes([0] + [255] * len(colors))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0))
        + _chunk(b"PLTE", palette)
        + _chunk(b"tRNS", alpha)
        + _chunk(b"IDAT", zlib.compress(raw, 6))
        + _chunk(b"IEND", b"")
    )


def raster_layout_image(
    codes: np.ndarray,
    colors: list[str],
    *,
    xref: str,
    yref: str,
    x0: float,
    x1: float,
    y_top: float,
    y_bottom: float,
    row_px: int = 1,
    col_px: int = 1,
) -> dict:
    """A Plotly layout image showing ``codes`` stretched over [x0, x1] x [y_bottom, y_top] in data units."""
    png = palette_png(codes, colors, row_px=row_px, col_px=col_px)
    return {
        "source": "data:image/png;base64," + base64.b64encode(png).decode("ascii"),
        "xref": xref,
        "yref": yref,
        "x": x0,
        "y": y_top,
        "sizex": x1 - x0,
        "sizey": y_top - y_bottom,
        "sizing": "stretch",
        "xanchor": "left",
        "yanchor": "top",
        "layer": "above",
    }
