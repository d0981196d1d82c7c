"""Server CPU per new setting on the playground (budget 15 ms, goal 8 ms) and the view's message (<= 60 KB).

* New setting: settings never seen before (a new seed per run, so nothing can be cached anywhere):
  ``run_tug_of_war`` + ``describe_neuron_run`` + ``neuron_view_payload`` + what Streamlit does with the
  bytes (a ``BidiComponent`` proto, its content hash, serialisation).  That is everything
  ``tug_of_war_view`` (explainer/ui/neuron_views.py) and the component call cost on a cache miss.
* Cached: what Streamlit still does per rerun when ``tug_of_war_view`` returns the cached bytes.
* Message size at default, busiest and most-output settings.

A per-stage breakdown (model / describe / view data / serialisation) is printed for the new-setting path.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from explainer.content.live_descriptions import describe_neuron_run
from explainer.figures.neuron_view import neuron_view_payload
from explainer.figures.style import FigureStyle
from explainer.figures.view_codec import unpack, view_id
from explainer.model.experiments.balance import TugOfWarSettings, run_tug_of_war
from tests.benchmarks._bench import (
    BUDGET_RERUN_CACHED_CPU_MS,
    BUDGET_RERUN_FIRST_MS,
    BUDGET_VIEW_BYTES,
    BUSIEST_INPUT,
    Timings,
    measure,
    record,
    record_timings,
    serialise_like_streamlit,
    time_once,
)

DEFAULT = TugOfWarSettings()
BUSIEST = TugOfWarSettings(**BUSIEST_INPUT)
# The most output spikes the sliders allow (no GABA, NMDA fully on, no Mg2+).
MOST_OUTPUT = replace(BUSIEST, gaba_rate_hz=0.0, gaba_weight_nS=0.0, g_nmda_max_nS=10.0, mg_mM=0.0, E_gaba_mV=-40.0)
CASES = [("default", DEFAULT), ("busiest", BUSIEST)]
LAPTOP = FigureStyle()


def _page_view(settings: TugOfWarSettings):
    """What the playground computes on a cache miss (``tug_of_war_view`` + the component call), by stage."""
    w_model, c_model, (run, inp) = time_once(lambda: run_tug_of_war(settings))
    w_desc, c_desc, text = time_once(lambda: describe_neuron_run(run, inp))
    w_view, c_view, payload = time_once(
        lambda: neuron_view_payload(
            run, inp, view_id=view_id(settings), figure_style=LAPTOP, alt=text, export_name="tug-of-war"
        )
    )
    w_ser, c_ser, message = time_once(lambda: serialise_like_streamlit(payload))
    stages = {"model": (w_model, c_model), "describe": (w_desc, c_desc), "view data": (w_view, c_view)}
    stages["serialise"] = (w_ser, c_ser)
    return run, payload, message, stages


@pytest.mark.parametrize("label,base", CASES, ids=[c[0] for c in CASES])
def test_new_setting(label, base):
    print(f"\n[new setting, {label} settings, a new seed per run]")
    stage_times: dict[str, list[tuple[float, float]]] = {}

    def one(i: int):
        out = _page_view(replace(base, seed=1000 + i))  # warm-up runs use seeds 997..999
        for name, wc in out[3].items():
            stage_times.setdefault(name, []).append(wc)
        return out

    timings, outs = measure(one)
    record_timings(f"2a. new setting: model + view data + serialisation, {label}", timings, BUDGET_RERUN_FIRST_MS)
    record_timings(f"2a. new setting (CPU), {label}", timings, BUDGET_RERUN_FIRST_MS, clock="cpu")
    for name, series in stage_times.items():
        series = series[-timings.n :]  # drop warm-up runs
        t = Timings([w for w, _ in series], [c for _, c in series])
        print(f"    stage {name:<10} {t.line()}")
    spikes = [o[0].spike_times_ms.size for o in outs]
    print(f"  output spikes per run: min {min(spikes)}, max {max(spikes)}")
    view = unpack(outs[0][1])  # correctness only
    assert view.header["kind"] == "neuron" and view.arrays["v_mV"].size == 1001
    if label == "default":
        assert all(n > 0 for n in spikes), "the default playground input should make the neuron fire"


@pytest.mark.parametrize("label,base", CASES, ids=[c[0] for c in CASES])
def test_setting_seen_before(label, base):
    _, payload, _, _ = _page_view(base)  # built once, as cache_resource holds it
    print(f"\n[setting seen before, {label}: Streamlit wraps and hashes the cached bytes]")
    timings, messages = measure(lambda _i: serialise_like_streamlit(payload))
    record_timings(f"2b. setting seen before: serialise, {label}", timings, BUDGET_RERUN_CACHED_CPU_MS, clock="cpu")
    assert len(set(messages)) == 1


SIZE_CASES = [*CASES, ("most output spikes", MOST_OUTPUT)]


@pytest.mark.parametrize("label,settings", SIZE_CASES, ids=["default", "busiest", "most_output"])
def test_view_message_size(label, settings):
    _, payload, message, _ = _page_view(settings)
    print(f"\n[view message, {label}] payload {len(payload):,} bytes, proto {len(message):,} bytes")
    record(f"3. animated view message, {label}", len(message), "bytes", BUDGET_VIEW_BYTES)
    assert len(message) >= len(payload)
