"""Reading back the raster PNGs of explainer.figures.raster_image (a minimal palette-PNG decoder)."""

from __future__ import annotations

import base64
import struct
import zlib

import numpy as np


def decode_palette_png(png: bytes) -> tuple[np.ndarray, list[tuple[int, int, int]]]:
    """Pixel codes and palette of a PNG from ``raster_image.palette_png``."""
    pos = 8
    width = height = 0
    palette: list[tuple[int, int, int]] = []
    idat = b""
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        data = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", data[:8])
        elif kind == b"PLTE":
            palette = [tuple(data[i : i + 3]) for i in range(0, len(data), 3)]
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    rows = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(height, width + 1)
    return rows[:, 1:], palette


def decode_layout_image(image: dict) -> tuple[np.ndarray, list[tuple[int, int, int]]]:
    """Pixel codes and palette of a Plotly layout image holding a ``data:image/png;base64,...`` source."""
    header, data = image["source"].split(",", 1)
    assert header == "data:image/png;base64", header
    return decode_palette_png(base64.b64decode(data))
