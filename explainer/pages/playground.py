"""Tug of war: glutamate (excitation) and GABA (inhibition) pulling on one neuron."""

from __future__ import annotations

import streamlit as st

from explainer.content import i18n
from explainer.content.format import num
from explainer.content.words import words
from explainer.figures import export as exports
from explainer.figures.export import Setting, neuron_traces_csv, spreadsheet_bytes
from explainer.model.experiments.balance import DEFAULT_SETTINGS, TugOfWarSettings
from explainer.model.neuron import NeuronRun
from explainer.model.spikes import settled_mean_v_mV
from explainer.ui import presenter
from explainer.ui.components.animated_view import animated_view
from explainer.ui.motion import reduce_motion
from explainer.ui.neuron_views import PRESET_WORDS, RATE_MAX_HZ, RATE_STEP_HZ, tug_of_war_presets, tug_of_war_view
from explainer.ui.presets import Preset, PresetRow, preset_sliders, presets_from
from explainer.ui.widgets import Slider, slider_settings, url_number_input

WORDS = words("playground")  # every word this page shows: content/words/playground.toml
DEFAULTS = DEFAULT_SETTINGS  # the tug of war's opening setting (Start here plays it too)
SEED_MIN, SEED_MAX = 1, 9999

GLU_RATE_SLIDER = Slider(
    WORDS, "glu_rate", lo=0, hi=RATE_MAX_HZ, default=int(DEFAULTS.glutamate_rate_hz), step=RATE_STEP_HZ
)

GLU_WEIGHT_SLIDER = Slider(WORDS, "glu_weight", lo=0.0, hi=3.0, default=DEFAULTS.glutamate_weight_nS, step=0.1)

GABA_RATE_SLIDER = Slider(
    WORDS, "gaba_rate", lo=0, hi=RATE_MAX_HZ, default=int(DEFAULTS.gaba_rate_hz), step=RATE_STEP_HZ
)

GABA_WEIGHT_SLIDER = Slider(WORDS, "gaba_weight", lo=0.0, hi=5.0, default=DEFAULTS.gaba_weight_nS, step=0.1)

G_NMDA_SLIDER = Slider(WORDS, "g_nmda", lo=0.0, hi=10.0, default=DEFAULTS.g_nmda_max_nS, step=0.5)

MG_SLIDER = Slider(WORDS, "mg", lo=0.0, hi=2.0, default=DEFAULTS.mg_mM, step=0.1)

E_GABA_SLIDER = Slider(WORDS, "e_gaba", lo=-85.0, hi=-40.0, default=DEFAULTS.E_gaba_mV, step=1.0)

SEED_KEY = "seed"


def presets() -> dict[str, Preset]:
    """The tug of war's presets, the same settings as lesson 4's of the same name, by their names in the page's
    language.  Each sets every control, the "Advanced" ones and the seed too: its caption describes that cell (an
    E_GABA of -40 mV left from an experiment would make "Both strong, balanced" fire at hundreds of spikes/s)."""
    return presets_from(
        PRESET_WORDS,
        tug_of_war_presets(
            {
                "glutamate_rate_hz": GLU_RATE_SLIDER,
                "glutamate_weight_nS": GLU_WEIGHT_SLIDER,
                "gaba_rate_hz": GABA_RATE_SLIDER,
                "gaba_weight_nS": GABA_WEIGHT_SLIDER,
                "g_nmda_max_nS": G_NMDA_SLIDER,
                "mg_mM": MG_SLIDER,
                "E_gaba_mV": E_GABA_SLIDER,
                "seed": SEED_KEY,
            }
        ),
    )


VIEW_KEY = "playground_view"
EXPORT_PAGE = "tug-of-war"  # the exports' names begin with it

INPUT_SLIDERS = (GLU_RATE_SLIDER, GLU_WEIGHT_SLIDER, GABA_RATE_SLIDER, GABA_WEIGHT_SLIDER)
ADVANCED_SLIDERS = (G_NMDA_SLIDER, MG_SLIDER, E_GABA_SLIDER)


def export_settings(settings: TugOfWarSettings) -> tuple[Setting, ...]:
    """Every control of the page at ``settings``, as the exports name and caption them."""
    s = settings
    values = (s.glutamate_rate_hz, s.glutamate_weight_nS, s.gaba_rate_hz, s.gaba_weight_nS, s.g_nmda_max_nS, s.mg_mM)
    return (
        *slider_settings((*INPUT_SLIDERS, *ADVANCED_SLIDERS), (*values, s.E_gaba_mV)),
        Setting(SEED_KEY, WORDS.label(SEED_KEY), s.seed, DEFAULTS.seed),
    )


def export_name(settings: TugOfWarSettings) -> str:
    """The exports' file name: the page and every setting that differs from the page's defaults."""
    return exports.export_name(EXPORT_PAGE, export_settings(settings))


def _input_controls() -> PresetRow:
    """Presets and the four input sliders (glutamate rate and strength, GABA rate and strength)."""
    return preset_sliders(
        presets(),
        INPUT_SLIDERS,
        key="preset",
        help_text=WORDS.text("presets_help"),
        tuck_label=WORDS.text("sliders_tuck"),
    )


def _advanced_controls(clear: dict) -> tuple[float, float, float, int]:
    """NMDA conductance, Mg2+, E_GABA and the random seed, behind an expander."""
    with st.expander(WORDS.text("advanced")):
        a1, a2, a3, a4 = st.columns(4)
        with a1:
            g_nmda = G_NMDA_SLIDER.show(**clear)
        with a2:
            mg = MG_SLIDER.show(**clear)
        with a3:
            e_gaba = E_GABA_SLIDER.show(**clear)
        with a4:
            seed = url_number_input(
                WORDS.label(SEED_KEY),
                SEED_MIN,
                SEED_MAX,
                DEFAULTS.seed,
                key=SEED_KEY,
                help=WORDS.help(SEED_KEY),
                **clear,
            )
    return float(g_nmda), float(mg), float(e_gaba), int(seed)


@st.fragment
def playground() -> None:
    """Sliders, read-outs, the animation and its description: reruns on its own when a slider moves.

    Presenting, the view comes first, right under the title, so that all of it is on the projected screen;
    otherwise the sliders come first, as a student reads the page.
    """
    view_area = st.container() if presenter.is_presenting() else None
    row = _input_controls()
    glu_rate, glu_weight, gaba_rate, gaba_weight = (float(v) for v in row.values)
    view_area = view_area or st.container()
    chart_area = st.container()
    g_nmda, mg, e_gaba, seed = _advanced_controls(row.deselect)
    settings = TugOfWarSettings(
        glutamate_rate_hz=glu_rate,
        glutamate_weight_nS=glu_weight,
        gaba_rate_hz=gaba_rate,
        gaba_weight_nS=gaba_weight,
        g_nmda_max_nS=g_nmda,
        E_gaba_mV=e_gaba,
        mg_mM=mg,
        seed=seed,
    )
    run, payload, description = tug_of_war_view(
        settings,
        presenter.view_style(),
        reduce_motion(),
        export_name(settings),
        export_caption=exports.export_caption(export_settings(settings)),
        lang=i18n.current(),
    )
    with view_area:
        animated_view(payload, key=VIEW_KEY)
    with chart_area:
        m1, m2, m3 = st.columns(3)
        m1.metric(WORDS.text("metric_spikes"), f"{run.spike_times_ms.size}")
        m2.metric(WORDS.text("metric_rate"), WORDS.text("metric_rate_value", rate=num(run.firing_rate_hz)))
        m3.metric(
            WORDS.text("metric_mean_v"),
            WORDS.text("metric_mean_v_value", v=num(settled_mean_v_mV(run), 1)),
            help=WORDS.text("metric_mean_v_help"),
        )
        st.markdown(WORDS.text("figure_shows", description=description))
        _export(run, settings)


def csv_settings(settings: TugOfWarSettings) -> dict[str, object]:
    """The settings behind the CSV, named with their units (the file name names them too)."""
    return {
        "glutamate_rate_hz": settings.glutamate_rate_hz,
        "glutamate_weight_nS": settings.glutamate_weight_nS,
        "gaba_rate_hz": settings.gaba_rate_hz,
        "gaba_weight_nS": settings.gaba_weight_nS,
        "g_nmda_max_nS": settings.g_nmda_max_nS,
        "mg_mM": settings.mg_mM,
        "E_gaba_mV": settings.E_gaba_mV,
        "seed": settings.seed,
        "duration_ms": settings.duration_ms,
        "dt_ms": settings.dt_ms,
    }


def _export(run: NeuronRun, settings: TugOfWarSettings) -> None:
    """The CSV of the traces shown (every model sample; the view's own button saves the image)."""
    st.download_button(
        WORDS.text("download"),
        icon=":material/download:",
        data=i18n.deferred(lambda: spreadsheet_bytes(neuron_traces_csv(run, csv_settings(settings)))),
        file_name=f"{export_name(settings)}.csv",
        mime="text/csv",
        key="download_csv",
        on_click="ignore",
        help=WORDS.text("download_help"),
    )


def render() -> None:
    st.title(WORDS.text("title"))
    if not presenter.is_presenting():
        st.markdown(WORDS.text("intro"))
    playground()
    if presenter.is_presenting():
        presenter.explain(WORDS.text("intro"))


if __name__ == "__main__":
    render()
