"""The raster PNG: exact pixels, palette and transparency, read back with a minimal PNG decoder."""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from explainer.figures.raster_image import palette_png, raster_layout_image
from tests.figures._png import decode_layout_image, decode_palette_png


def test_png_round_trips_codes_palette_and_transparency():
    codes = np.array([[0, 1, 2, 0], [2, 2, 0, 1]], dtype=np.uint8)
    png = palette_png(codes, ["#D55E00", "#0072B2"], row_px=2, col_px=3)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    pixels, palette = decode_palette_png(png)
    np.testing.assert_array_equal(pixels, np.repeat(np.repeat(codes, 2, axis=0), 3, axis=1))
    assert palette[1:] == [(0xD5, 0x5E, 0x00), (0x00, 0x72, 0xB2)]
    trns = png.index(b"tRNS")
    assert png[trns + 4 : trns + 7] == bytes([0, 255, 255]), "code 0 transparent, colours opaque"
    ihdr = png.index(b"IHDR")
    crc = int.from_bytes(png[ihdr + 17 : ihdr + 21], "big")
    assert crc == zlib.crc32(png[ihdr : ihdr + 17]) & 0xFFFFFFFF, "chunk CRCs must be right or browsers drop the image"


def test_layout_image_spans_the_given_data_box():
    image = raster_layout_image(
        np.ones((3, 10), np.uint8), ["#000000"], xref="x2", yref="y2", x0=0.0, x1=10.0, y_top=1.35, y_bottom=-0.35
    )
    assert image["source"].startswith("data:image/png;base64,")
    pixels, _ = decode_layout_image(image)
    assert pixels.shape == (3, 10)
    assert (image["x"], image["sizex"], image["y"]) == (0.0, 10.0, 1.35)
    assert image["sizey"] == pytest.approx(1.7) and image["sizing"] == "stretch"


@pytest.mark.parametrize(
    "codes",
    [np.zeros((0, 3), np.uint8), np.zeros(4, np.uint8), np.full((2, 2), 3, np.uint8)],
    ids=["empty", "one-dimensional", "code without a colour"],
)
def test_bad_codes_are_refused(codes):
    with pytest.raises(ValueError):
        palette_png(codes, ["#000000", "#FFFFFF"])
