"""Circuits and "blocked gate" pages: widgets by key, presets, regimes named, model numbers, URL state."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from explainer.content.live_descriptions import describe_network_run
from explainer.model.experiments.circuits import (
    DISINHIBITION_SCALES,
    disinhibition_sweep,
    mean_input_level_mV,
    run_network,
)
from explainer.model.network import NetworkParams
from explainer.model.spikes import RUNAWAY_ABOVE_HZ
from explainer.pages.circuits import presets
from tests.app.conftest import assert_clean, chart_specs, open_circuits_predicted, open_page, page_text, views


def _metric(at, label: str) -> str:
    for m in at.metric:
        if m.label == label:
            return m.value
    raise AssertionError(f"no metric {label!r}: {[m.label for m in at.metric]}")


@pytest.fixture(scope="module")
def circuits():
    return open_circuits_predicted()


def test_circuits_default_is_balanced_and_animated(circuits):
    assert _metric(circuits, "Regime") == "balanced irregular"
    view = views(circuits)["circuits_view"]
    assert view.header["kind"] == "network" and view.arrays["raster_exc"].any(), "the raster is the animated view"
    keys = {view.header["words"]["key_exc"], view.header["words"]["key_inh"]}
    assert keys == {"E cells (glutamate)", "I cells (GABA)"}
    assert "Regime: balanced irregular" in page_text(circuits)


def test_circuits_widgets_have_keys(circuits):
    assert {s.key for s in circuits.slider} >= {"net_w_exc", "net_w_inh", "net_ext"}
    assert circuits.toggle(key="net_kick").value is True
    assert circuits.number_input(key="net_seed").value == 1


@pytest.mark.parametrize(
    "preset,regime",
    [("Silent", "silent"), ("Runaway (seizure-like cartoon)", "runaway"), ("Weak inhibition", None)],
)
def test_circuits_presets_name_the_regime(preset, regime):
    at = open_circuits_predicted()
    at.segmented_control(key="net_preset").set_value(preset).run(timeout=120)
    assert_clean(at)
    for key, value in presets()[preset].values.items():
        widget = at.toggle(key=key) if key == "net_kick" else at.slider(key=key)
        assert widget.value == value
    if regime:
        assert _metric(at, "Regime") == regime
    text = page_text(at)
    if preset.startswith("Runaway"):
        assert "seizure-like" in text and "not a model of a real seizure" in text
    if preset == "Weak inhibition":
        rate = float(_metric(at, "Excitatory cells, mean (spikes/s)"))
        assert 40.0 < rate < 100.0, f"weak inhibition: between balance (~20) and runaway (~200), got {rate}"
        # still irregular, but no longer called balanced: on average excitation outweighs inhibition
        params = NetworkParams(w_inh_nS=float(presets()[preset].values["net_w_inh"]))
        _, stats = run_network(params, 1)
        assert stats.regime == "balanced irregular" and stats.exc_cv > 1.0
        assert params.E_L_mV < mean_input_level_mV(params, stats) < params.V_th_mV
        assert _metric(at, "Regime") == "excitation ahead"
        assert "excitation is ahead" in text and "hold each other in check" not in text


def test_circuits_sliders_and_seed_change_the_result():
    at = open_circuits_predicted()
    before = _metric(at, "Excitatory cells, mean (spikes/s)")
    at.slider(key="net_ext").set_value(500).run(timeout=120)
    assert_clean(at)
    assert _metric(at, "Excitatory cells, mean (spikes/s)") != before
    at.slider(key="net_w_exc").set_value(3.0).run(timeout=120)
    at.number_input(key="net_seed").set_value(2).run(timeout=120)
    at.toggle(key="net_kick").set_value(False).run(timeout=120)
    at.slider(key="net_w_inh").set_value(100).run(timeout=120)
    assert_clean(at)


def test_circuits_link_and_bad_link():
    at = open_circuits_predicted({"net_w_inh": "0", "net_kick": "maybe", "net_w_exc": "500"})
    assert_clean(at)
    assert at.slider(key="net_w_inh").value == 0
    assert at.slider(key="net_w_exc").value == 12.0
    notes = " ".join(w.value for w in at.warning)
    assert "neither true nor false" in notes and "outside" in notes


@pytest.fixture(scope="module")
def blocked_gate():
    at = open_page("blocked_gate.py", timeout=180)
    assert_clean(at)
    return at


def test_blocked_gate_shows_hypothesis_knob_and_references(blocked_gate):
    text = page_text(blocked_gate)
    assert "disinhibition hypothesis" in text
    assert "conceptual knob" in text and "not a drug" in text
    assert "clinician" in text
    for doi in (
        "10.1523/JNEUROSCI.17-08-02921.1997",
        "10.1523/JNEUROSCI.2213-07.2007",
        "10.1038/mp.2017.255",
        "10.1523/JNEUROSCI.17-11-04382.1997",
        "10.1038/nature10130",
        "10.1126/science.1190287",
        "10.1038/nature25509",
        "10.1038/nature17998",
        "10.1073/pnas.1718883115",
    ):
        assert doi in text, f"reference {doi} missing from the blocked-gate page"


def test_every_bracketed_citation_on_the_page_is_in_its_reference_list(blocked_gate):
    import re

    text = page_text(blocked_gate)
    refs = text[text.index("References for this page") :] if "References for this page" in text else text
    cited = set()
    for group in re.findall(r"\[([A-Z][^\]]*?\d{4}[^\]]*)\]", text):
        for part in group.split(";"):
            cited.add(part.strip())
    assert cited, "the page should cite sources"
    for citation in cited:
        first_author = citation.split()[0].rstrip(",")
        year = re.search(r"\d{4}", citation).group(0)
        assert re.search(rf"{first_author}[^\n]*\({year}\)", refs), f"citation [{citation}] has no reference entry"


def test_blocked_gate_numbers_come_from_the_model(blocked_gate):
    text = " ".join(page_text(blocked_gate).split())
    assert "at −70 mV only 4% of glutamate-bound NMDA channels are free of Mg²⁺, at −40 mV 23%" in text
    _, e_rates, i_rates = disinhibition_sweep(DISINHIBITION_SCALES, 1)
    assert _metric(blocked_gate, "Excitatory cells, mean") == f"{e_rates[0]:.1f} spikes/s"
    assert _metric(blocked_gate, "Inhibitory cells, mean") == f"{i_rates[0]:.1f} spikes/s"
    # the text's claims about the model: E fires much more, and I fires more, ending above where it started
    assert e_rates[-1] > 2 * e_rates[0] and np.all(np.diff(i_rates) > 0), (e_rates, i_rates)
    assert "from intact (1) to 0.7" in text and "The knob stops at 0.7" in text


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_knob_stays_where_the_network_does_not_run_away_and_the_page_says_what_lies_beyond(seed):
    """Over the knob's range the network fires irregularly and never runs away; a little further down it does,
    as the page says ("Turned down further, this simple network runs away"), a limit of the cartoon."""
    runs = {s: run_network(replace(NetworkParams(), e_to_i_scale=float(s)), seed)[1] for s in DISINHIBITION_SCALES}
    assert all(stats.regime == "balanced irregular" for stats in runs.values()), runs
    beyond = run_network(replace(NetworkParams(), e_to_i_scale=min(DISINHIBITION_SCALES) - 0.2), seed)[1]
    assert beyond.regime == "runaway" and beyond.exc_rate_hz > RUNAWAY_ABOVE_HZ


@pytest.mark.parametrize("scale", [*DISINHIBITION_SCALES, 0.6, 0.5, 0.4])
def test_the_blocked_gate_description_never_calls_a_much_faster_network_balanced_nor_mentions_seizures(scale):
    """What the page says under the network (the description; also its screen-reader text): never "balanced"
    while the excitatory cells fire more than twice as fast as intact, never a seizure, on the page whose knob
    stands in for an NMDA blocker, even for settings below the knob's range."""
    intact = run_network(NetworkParams(), 1)[1]
    params = replace(NetworkParams(), e_to_i_scale=scale)
    stats = run_network(params, 1)[1]
    text = describe_network_run(stats, params)
    assert "seizure" not in text.lower()
    if stats.exc_rate_hz > 2 * intact.exc_rate_hz:
        assert "balance" not in text.lower(), (scale, text)
    if stats.regime == "runaway":
        assert "inhibition can no longer keep pace with excitation" in text and "too little inhibition" not in text
        assert stats.inh_rate_hz > intact.inh_rate_hz, "the sentence's premise: I cells fire, more than intact"


def test_blocked_gate_knob_changes_the_network():
    at = open_page("blocked_gate.py", timeout=180)
    before = _metric(at, "Excitatory cells, mean")
    at.slider(key="bg_scale").set_value(min(DISINHIBITION_SCALES)).run(timeout=180)
    assert_clean(at)
    after = _metric(at, "Excitatory cells, mean")
    assert float(after.split()[0]) > 2 * float(before.split()[0]), (before, after)


def test_blocked_gate_slider_and_curve_share_direction_and_range(blocked_gate):
    slider = blocked_gate.slider(key="bg_scale")
    assert (slider.min, slider.max) == (min(DISINHIBITION_SCALES), max(DISINHIBITION_SCALES))
    (spec,) = [s for s in chart_specs(blocked_gate) if "Glutamate drive" in str(s["layout"]["xaxis"])]
    lo, hi = spec["layout"]["xaxis"]["range"]
    assert lo < slider.min and hi > slider.max, "every slider value lies on the curve's axis"
    assert "autorange" not in spec["layout"]["xaxis"], "left to right, like the slider"


def test_blocked_gate_badges_are_neutral_and_say_as_intact_at_1(blocked_gate):
    """At the intact setting the badges say "as intact" (not a green "up +0.0"); weaker drive gives a grey
    "+... vs intact", since more firing (up to runaway activity) is not good news."""
    labels = ("Excitatory cells, mean", "Inhibitory cells, mean")
    badges = {m.label: m for m in blocked_gate.metric if m.label in labels}
    assert len(badges) == 2
    for m in badges.values():
        assert m.proto.delta == "as intact", m.proto.delta
    at = open_page("blocked_gate.py", {"bg_scale": f"{min(DISINHIBITION_SCALES):g}"}, timeout=180)
    assert_clean(at)
    for m in (m for m in at.metric if m.label == "Excitatory cells, mean"):
        assert m.proto.delta.endswith("vs intact") and m.proto.delta.startswith("+")
        assert m.proto.color == m.proto.MetricColor.Value("GRAY"), "more firing is not 'good': neutral colour"


@pytest.mark.parametrize("page", ["circuits.py", "blocked_gate.py"])
def test_each_network_page_says_its_cells_are_the_networks_own(page):
    """The network's cell is not the lessons' (rest, inhibition's reversal, the weights): the page says so, with
    the numbers of NetworkParams."""
    at = open_page(page, timeout=180)
    p = NetworkParams()
    line = next(c.value for c in at.caption if "network's own model cells" in c.value)
    for part in (f"rests at {p.E_L_mV:.0f} mV".replace("-", "−"), f"reverses at {p.E_inh_mV:.0f} mV".replace("-", "−"),
                 f"opens {p.w_exc_nS:g} nS", f"each GABA spike {p.w_inh_nS:g} nS"):  # fmt: skip
        assert part in line, (part, line)


def test_the_views_running_rate_and_the_pages_mean_are_told_apart(circuits):
    """The view's rate is over its last few ms (it moves as the view plays), the read-out is the run's mean: each
    says which it is, so "E 57 / I 57" beside "47.8" cannot be read as the same number."""
    words = views(circuits)["circuits_view"].header["words"]
    assert words["readout_rates"].startswith("now: ")
    means = [m for m in circuits.metric if m.label.startswith(("Excitatory cells, mean", "Inhibitory cells, mean"))]
    assert len(means) == 2 and all("averaged over the run" in m.help and "now" in m.help for m in means)
