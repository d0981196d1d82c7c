"""A static chart drawn at settings is saved with every setting drawn under it (the chart_export component; the
image itself is checked in a browser, tests/e2e/test_accessibility.py).  AppTest: what the page sends."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from explainer.content.i18n import using
from explainer.figures.export import export_caption, export_name
from explainer.pages.blocked_gate import BG_SCALE_SLIDER
from explainer.ui.components import chart_export, component_name
from tests.app.conftest import assert_clean, open_page


def _exports(at: AppTest) -> dict[str, dict]:
    wanted = component_name(chart_export.NAME)
    found = [json.loads(el.proto.json) for el in at.get("bidi_component") if el.proto.component_name == wanted]
    return {d["chart_class"]: d for d in found}


def _camera_name(at: AppTest, key: str) -> str:
    (chart,) = [c for c in at.get("plotly_chart") if key in str(c.proto.id)]
    return json.loads(chart.proto.config)["toImageButtonOptions"]["filename"]


def test_a_chart_drawn_at_settings_is_saved_under_their_name_with_every_setting_drawn_under_it():
    at = open_page("blocked_gate.py", {"bg_scale": "0.8"})
    assert_clean(at)
    settings = (BG_SCALE_SLIDER.setting(0.8),)
    exports = _exports(at)
    assert set(exports) == {"st-key-disinhibition_curve"}, "one export per chart, each mounted once"
    data = exports["st-key-disinhibition_curve"]
    assert data["filename"] == export_name("disinhibition", settings) == _camera_name(at, "disinhibition_curve")
    assert data["caption"] == export_caption(settings) and "0.8" in data["caption"]
    assert data["width_px"] == chart_export.EXPORT_WIDTH_PX


def test_the_caption_is_in_the_pages_language_with_its_numbers():
    at = open_page("blocked_gate.py", {"bg_scale": "0.8", "lang": "de"})
    assert_clean(at)
    with using("de"):
        wanted = export_caption((BG_SCALE_SLIDER.setting(0.8),))
    caption = _exports(at)["st-key-disinhibition_curve"]["caption"]
    assert caption == wanted and "0,8" in caption, caption
