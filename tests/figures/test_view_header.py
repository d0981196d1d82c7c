"""The animated view's header has one declared shape on both sides: the TypedDicts of
explainer/figures/view_header.py and the JSDoc typedefs of the view's codec.js declare the same fields, and the
builders' headers have exactly those fields."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from explainer.figures import style, view_header
from explainer.figures.network_view import network_view_payload
from explainer.figures.neuron_view import neuron_view_payload
from explainer.figures.view_codec import unpack
from explainer.model.experiments.balance import TugOfWarSettings, run_tug_of_war
from explainer.model.network import NetworkParams, simulate_network
from tests.figures.view_js import ASSETS
from tests.jsdoc import mismatches, typed_dicts, typedefs

CODEC_JS = ASSETS / "codec.js"
JS_ONLY = {"ViewArray"}  # what decode() returns per array: not part of the header


@cache
def _headers() -> dict[str, dict]:
    run, inp = run_tug_of_war(TugOfWarSettings())
    neuron = neuron_view_payload(run, inp, view_id="n", figure_style=style.FigureStyle(), alt="a", export_name="n")
    net = simulate_network(NetworkParams(), 300.0, 0.1, np.random.default_rng(0))
    network = network_view_payload(net, view_id="x", figure_style=style.FigureStyle(), alt="a", export_name="x")
    return {"neuron": unpack(neuron).header, "network": unpack(network).header}


def test_python_and_javascript_declare_the_same_header_types():
    python = typed_dicts(view_header)
    js = typedefs(CODEC_JS)
    assert {"ViewHeader", "NeuronHeader", "NetworkHeader", "ArrayDescriptor"} <= set(python)
    assert set(js) - JS_ONLY == set(python), "a type declared on one side only"
    problems = [p for name, cls in python.items() for p in mismatches(cls, js.get(name))]
    assert not problems, "\n".join(problems)


def test_the_comparison_sees_a_difference():
    js = typedefs(CODEC_JS)
    assert js["NeuronHeader"].fields == js["ViewHeader"].fields | js["NeuronFields"].fields
    assert mismatches(view_header.NeuronCell, js["NeuronAxes"]), "different fields must not pass"


@pytest.mark.parametrize(
    ("kind", "header_type", "nested"),
    [
        ("neuron", view_header.NeuronHeader, {"cell": view_header.NeuronCell, "axes": view_header.NeuronAxes,
                                              "geometry": view_header.NeuronGeometry}),
        ("network", view_header.NetworkHeader, {"raster": view_header.NetworkRaster,
                                                "rates": view_header.NetworkRates,
                                                "circuit": view_header.NetworkCircuit}),
    ],
)  # fmt: skip
def test_a_real_header_has_exactly_the_declared_fields(kind, header_type, nested):
    header = _headers()[kind]
    assert header["kind"] == kind
    assert set(header) == set(header_type.__annotations__)
    for name in ("sizes", "export_sizes"):
        assert set(header[name]) == set(view_header.ViewSizes.__annotations__), name
    for name, descriptor in header["arrays"].items():
        assert set(descriptor) == set(view_header.ArrayDescriptor.__annotations__), name
    for name, cls in nested.items():
        assert set(header[name]) == set(cls.__annotations__), name


def test_a_figure_style_is_made_for_the_pages_language_and_the_header_says_it(monkeypatch):
    """The style carries the reader's language (every cache keyed on it keeps languages apart), the export's style
    keeps it, and the view's header tells the browser (its numbers) and Copy link (the link's ``lang``)."""
    from explainer.content import i18n

    monkeypatch.setitem(i18n.LANGUAGES, "de", "Deutsch")
    with i18n.using("de"):
        german = style.FigureStyle()
    assert german.lang == "de" and style.FigureStyle().lang == "en" and german != style.FigureStyle()
    assert style.export_style(german).lang == "de"
    header = style.view_header(german)
    assert header["lang"] == "de" and header["link_params"] == {i18n.LANG_PARAM: "de"}
    assert style.view_header(style.FigureStyle())["link_params"] == {i18n.LANG_PARAM: "en"}, "English is named too"
    monkeypatch.setattr(i18n, "LANGUAGES", {"en": "English"})
    assert style.view_header(style.FigureStyle())["link_params"] == {}, "one language: no link names it"
