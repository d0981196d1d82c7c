"""Budget 2 (model + figures per page rerun) and budget 3 (one figure's JSON), without Streamlit's runtime.

* First time: settings never seen before (a new seed per run, so nothing can be cached anywhere):
  ``run_tug_of_war`` + ``build_neuron_animation`` + ``describe_neuron_run`` + serialisation as
  ``st.plotly_chart`` does it.  Budget 100 ms.
* Cached: what Streamlit still does per rerun when ``playground_view`` returns the cached figure:
  ``to_dict`` + ``plotly.io.to_json(..., validate=False)``.  Budget 30 ms of server CPU.
* JSON size of the figure at default and busiest settings.  Budget 1 MB.

A per-stage breakdown (model / figure / description / serialisation) is printed for the first-time path.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

import pytest

from explainer.figures.describe import describe_neuron_run
from explainer.figures.neuron_diagram import build_neuron_animation
from explainer.model.scenarios import TugOfWarSettings, run_tug_of_war
from tests.benchmarks._bench import (
    BUDGET_FIGURE_JSON_BYTES,
    BUDGET_RERUN_CACHED_CPU_MS,
    BUDGET_RERUN_FIRST_MS,
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
# Extra case for the JSON size: the most output spikes the sliders allow (no GABA, NMDA fully on, no Mg2+).
MOST_OUTPUT = replace(BUSIEST, gaba_rate_hz=0.0, gaba_weight_nS=0.0, g_nmda_max_nS=10.0, mg_mM=0.0, E_gaba_mV=-40.0)
CASES = [("default", DEFAULT), ("busiest", BUSIEST)]


def _animation_id(settings: TugOfWarSettings) -> str:
    # The page tags each figure with a short hash of its settings; same cost here.
    return hashlib.sha1(repr(settings).encode()).hexdigest()[:12]


def _page_view(settings: TugOfWarSettings):
    """What the playground computes on a cache miss (``playground_view``), stage by stage."""
    w_model, c_model, (run, inp) = time_once(lambda: run_tug_of_war(settings))
    w_fig, c_fig, fig = time_once(lambda: build_neuron_animation(run, inp, animation_id=_animation_id(settings)))
    w_desc, c_desc, text = time_once(lambda: describe_neuron_run(run, inp))
    w_json, c_json, spec = time_once(lambda: serialise_like_streamlit(fig))
    stages = {"model": (w_model, c_model), "figure": (w_fig, c_fig), "describe": (w_desc, c_desc)}
    stages["serialise"] = (w_json, c_json)
    return run, fig, text, spec, stages


@pytest.mark.parametrize("label,base", CASES, ids=[c[0] for c in CASES])
def test_rerun_first_time(label, base):
    print(f"\n[first-time rerun, {label} settings, a new seed per run]")
    stage_times: dict[str, list[tuple[float, float]]] = {}

    def one(i: int):
        out = _page_view(replace(base, seed=1000 + i))  # warm-up runs use seeds 997..999
        for name, wc in out[4].items():
            stage_times.setdefault(name, []).append(wc)
        return out

    timings, outs = measure(one)
    record_timings(f"2a. rerun first time (model+figure+text+JSON), {label}", timings, BUDGET_RERUN_FIRST_MS)
    for name, series in stage_times.items():
        series = series[-timings.n :]  # drop warm-up runs
        t = Timings([w for w, _ in series], [c for _, c in series])
        print(f"    stage {name:<10} {t.line()}")
    spikes = [o[0].spike_times_ms.size for o in outs]
    print(f"  output spikes per run: min {min(spikes)}, max {max(spikes)}")

    # Correctness only.
    _run, _fig, text, spec, _ = outs[0]
    assert text and "glutamate" in text
    parsed = json.loads(spec)
    assert parsed["data"] and parsed.get("frames"), "the figure should be an animation with frames"
    if label == "default":
        assert all(n > 0 for n in spikes), "the default playground input should make the neuron fire"


@pytest.mark.parametrize("label,base", CASES, ids=[c[0] for c in CASES])
def test_rerun_cached(label, base):
    _, fig, _, _, _ = _page_view(base)  # built once, as cache_resource would hold it
    print(f"\n[cached rerun, {label} settings: serialise the cached FigureSpec]")
    timings, specs = measure(lambda _i: serialise_like_streamlit(fig))
    record_timings(f"2b. rerun cached: to_dict + to_json, {label}", timings, BUDGET_RERUN_CACHED_CPU_MS, clock="cpu")
    assert len(set(specs)) == 1, "serialising the same cached figure must give the same JSON"


@pytest.mark.parametrize(
    "label,settings", [*CASES, ("most output spikes", MOST_OUTPUT)], ids=["default", "busiest", "most_output"]
)
def test_figure_json_size(label, settings):
    spec = _page_view(settings)[3]
    size = len(spec.encode("utf-8"))
    parsed = json.loads(spec)
    n_frames = len(parsed.get("frames", []))
    n_traces = len(parsed["data"])
    print(f"\n[figure JSON, {label}] {size:,} bytes, {n_traces} traces, {n_frames} frames")
    record(f"3. diagram figure JSON size, {label}", size, "bytes", BUDGET_FIGURE_JSON_BYTES)
    assert n_frames > 0 and n_traces > 0
