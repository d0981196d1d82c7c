"""The animated views' wire format: what goes in comes out, aligned, within the stated quantisation error."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from explainer.figures import view_codec as vc


def test_round_trip_of_every_kind_with_aligned_arrays():
    rng = np.random.default_rng(0)
    v = rng.normal(-60.0, 5.0, size=(3, 1001))
    spikes = np.sort(rng.uniform(0, 1000, 37))
    payload = vc.pack(
        {"kind": "test", "nested": {"a": [1, 2]}},
        {"odd": vc.uint8([1, 2, 3]), "v": vc.quantised(v), "spikes": vc.float32(spikes), "empty": vc.float32([])},
    )
    out = vc.unpack(payload)
    assert out.header["kind"] == "test" and out.header["nested"] == {"a": [1, 2]}
    for d in out.header["arrays"].values():
        assert d["offset"] % 4 == 0, "every array must start on a 4-byte boundary (typed-array views need it)"
    np.testing.assert_array_equal(out.arrays["odd"], [1, 2, 3])
    assert out.arrays["v"].shape == (3, 1001)
    step = (v.max() - v.min()) / vc.U16_MAX
    assert np.abs(out.arrays["v"] - v).max() <= step / 2 + 1e-12, "quantisation error above half a step"
    np.testing.assert_array_equal(out.arrays["spikes"], spikes.astype(np.float32))
    assert out.arrays["empty"].size == 0


def test_header_length_prefix_and_magic():
    payload = vc.pack({"x": 1}, {"a": vc.float32([1.5])})
    assert payload[:4] == vc.MAGIC
    (n,) = struct.unpack("<I", payload[4:8])
    assert n % 4 == 0 and payload[8 + n - 1 : 8 + n] in (b" ", b"}")


def test_constant_arrays_are_exact():
    out = vc.unpack(vc.pack({}, {"c": vc.quantised(np.full(10, -70.0))}))
    np.testing.assert_array_equal(out.arrays["c"], np.full(10, -70.0))


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_values_never_reach_the_view(bad):
    with pytest.raises(ValueError, match="finite"):
        vc.quantised([1.0, bad])
    with pytest.raises(ValueError, match="finite"):
        vc.float32([bad])


def test_reserved_header_key_and_uint8_range():
    with pytest.raises(ValueError):
        vc.pack({"arrays": 1}, {})
    with pytest.raises(ValueError):
        vc.uint8([256])
    with pytest.raises(ValueError):
        vc.unpack(b"nope" + bytes(8))


def test_one_view_id_for_every_view_equal_settings_equal_ids():
    from explainer.figures.view_codec import view_id
    from explainer.model.experiments.balance import TugOfWarSettings

    a, b = TugOfWarSettings(), TugOfWarSettings(gaba_rate_hz=2000.0)
    assert view_id(a) == view_id(TugOfWarSettings()) and view_id(a) != view_id(b)
    assert view_id(a, prefix="l4").startswith("l4") and view_id(a, prefix="l4") != view_id(a)
    assert len(view_id(a, 7)) == 12 and view_id(a, 7) != view_id(a, 8)
