"""The wire format of an animated view: one JSON header and typed arrays, packed into one ``bytes``.

The animated-view component (:mod:`explainer.ui.components.animated_view`) receives its data as raw bytes
(Streamlit hands them to the browser as a ``Uint8Array``, with no JSON or base64 step), laid out as::

    b"EIV1"  | header length (uint32, little-endian) | header (UTF-8 JSON, padded with spaces
    to a multiple of 4 bytes) | array 0 | array 1 | ...     (each array starts on a 4-byte boundary)

The header describes every array under ``header["arrays"][name]``: ``dtype`` (``f32``, ``u16``,
``u8``), ``offset`` (bytes from the start of the payload), ``length`` (elements), ``shape``, and for
quantised floats ``min`` and ``scale``: the value is ``min + raw * scale``.  Floats quantised to 16 bits
keep 1/65535 of their range (0.0014 mV over a 90 mV trace), half the bytes of float32; spike times stay
float32 so that a click sounds at the very sample the model spiked.

:func:`unpack` reads a payload back (the tests use it; the browser's reader is ``codec.js``).
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import dataclass, field

import numpy as np

MAGIC = b"EIV1"
U16_MAX = 65535
_DTYPES = {"f32": np.dtype("<f4"), "u16": np.dtype("<u2"), "u8": np.dtype("u1")}


@dataclass(frozen=True)
class Packed:
    """One array ready for the wire: its raw values, dtype name, shape, and (for u16 floats) min and scale."""

    raw: np.ndarray
    dtype: str
    shape: tuple[int, ...]
    min: float = 0.0
    scale: float = 1.0


VIEW_ID_HEX = 12


def view_id(*settings: object, prefix: str = "") -> str:
    """The one short, stable identifier of what a view draws: a hash of the settings' reprs (frozen
    dataclasses, so equal settings give equal ids).  The view shows it once it has drawn that data, which
    the browser tests wait for; ``prefix`` keeps two pages' views of equal settings apart."""
    return prefix + hashlib.sha1(repr(settings).encode()).hexdigest()[:VIEW_ID_HEX]


def float32(values) -> Packed:
    """Floats sent exactly as float32 (spike times)."""
    a = np.ascontiguousarray(values, dtype="<f4")
    _check_finite(a)
    return Packed(a.ravel(), "f32", a.shape)


def quantised(values) -> Packed:
    """Floats as uint16 over their own range: value = min + raw * scale (max error scale / 2)."""
    a = np.asarray(values, dtype=float)
    _check_finite(a)
    if a.size == 0:
        return Packed(np.zeros(0, dtype="<u2"), "u16", a.shape)
    lo, hi = float(a.min()), float(a.max())
    scale = (hi - lo) / U16_MAX if hi > lo else 1.0
    raw = np.rint((a - lo) / scale).astype("<u2")
    return Packed(raw.ravel(), "u16", a.shape, lo, scale)


def uint8(values) -> Packed:
    """Small non-negative integers (raster counts, bit-packed rasters)."""
    a = np.asarray(values)
    if a.size and (a.min() < 0 or a.max() > 255):
        raise ValueError("uint8 arrays hold 0..255")
    a = np.ascontiguousarray(a, dtype="u1")
    return Packed(a.ravel(), "u8", a.shape)


def _check_finite(a: np.ndarray) -> None:
    if a.size and not np.all(np.isfinite(a)):
        raise ValueError("view data must be finite (a NaN or an infinity reached the view)")


def pack(header: dict, arrays: dict[str, Packed]) -> bytes:
    """The payload: ``header`` (JSON-serialisable, without an "arrays" key) plus the arrays it describes."""
    if "arrays" in header:
        raise ValueError("the header's 'arrays' entry is written by pack()")
    blobs, bases, cursor = [], [], 0
    for p in arrays.values():
        blob = p.raw.tobytes()
        blob += b"\0" * ((-len(blob)) % 4)
        blobs.append(blob)
        bases.append(cursor)
        cursor += len(blob)
    # The arrays' offsets count from the payload's start, so they depend on the header's length, which
    # depends on the offsets' digits: grow the assumed length until it holds (two or three rounds).
    start = 8
    while True:
        descriptors = {
            name: {
                "dtype": p.dtype,
                "offset": start + base,
                "length": int(p.raw.size),
                "shape": list(p.shape),
                "min": p.min,
                "scale": p.scale,
            }
            for (name, p), base in zip(arrays.items(), bases, strict=True)
        }
        text = json.dumps({**header, "arrays": descriptors}, separators=(",", ":"), allow_nan=False).encode()
        text += b" " * ((-len(text)) % 4)
        if 8 + len(text) == start:
            return MAGIC + struct.pack("<I", len(text)) + text + b"".join(blobs)
        start = 8 + len(text)


@dataclass(frozen=True)
class Unpacked:
    header: dict
    arrays: dict[str, np.ndarray] = field(default_factory=dict)


def unpack(payload: bytes) -> Unpacked:
    """Read a payload back: the header and every array as float64 (quantised ones de-quantised) or uint8."""
    if payload[:4] != MAGIC:
        raise ValueError("not an animated-view payload")
    (n,) = struct.unpack("<I", payload[4:8])
    header = json.loads(payload[8 : 8 + n])
    arrays = {}
    for name, d in header["arrays"].items():
        dtype = _DTYPES[d["dtype"]]
        raw = np.frombuffer(payload, dtype=dtype, count=d["length"], offset=d["offset"])
        if d["dtype"] == "u8":
            values = raw.copy()
        else:
            values = d["min"] + raw.astype(float) * d["scale"] if d["dtype"] == "u16" else raw.astype(float)
        arrays[name] = values.reshape(d["shape"])
    return Unpacked(header, arrays)
