"""Circuits: a network of 800 excitatory and 200 inhibitory neurons, balanced, silent or running away.

A prediction before the experiment (the page's own question, votable in class mode:
``ui/page_questions.CIRCUITS``; presenting, below the view, which fills the projected screen); running it moves
the sliders to the setting it asks about.  A network second takes 0.5-0.8 s, so the view says what
it shows and, while a new setting is computed, that it still shows the previous one (``ui/computing.py``).
Below, a table of the regimes at the presets' settings and where runaway starts, computed from the model.
"""

from __future__ import annotations

import math

import streamlit as st

from explainer.content import i18n
from explainer.content import numbers as text_numbers
from explainer.content.format import num
from explainer.content.live_descriptions import network_regime_name
from explainer.content.words import words
from explainer.figures.export import Setting, export_caption, export_name
from explainer.figures.network_view import HIGHLIGHT_ms
from explainer.model.experiments.circuits import DEFAULT_NETWORK_SEED, SETTINGS
from explainer.model.network import NetworkParams
from explainer.ui import answers, computing, course, dom, presenter
from explainer.ui import lesson_parts as parts
from explainer.ui.classroom import session as classroom
from explainer.ui.components import viewport
from explainer.ui.components.animated_view import animated_view
from explainer.ui.motion import reduce_motion
from explainer.ui.network_views import REGIME_TABLE, RegimeTable, circuits_numbers, network_view
from explainer.ui.page_questions import CIRCUITS
from explainer.ui.presets import Preset, preset_sliders, presets_from
from explainer.ui.widgets import Slider, slider_settings, url_number_input, url_toggle

WORDS = words("circuits")  # every word this page shows: content/words/circuits.toml
DEFAULTS = NetworkParams()
VIEW_KEY = "circuits_view"
EXPORT_PAGE = "circuits"  # the exports' names begin with it
KICK_DEFAULT = True  # the network opens with its brief kick
PRESET_KEY = "net_preset"
SEED_KEY = "net_seed"
SHOWN_STATE = "circuits_shown"  # what the view last finished showing in this session (ui/computing.py)
SEED_MIN, SEED_MAX = 1, 9999
PREDICT = "predict:weaker_inhibition"
PREDICTED_SETTING = "weak_inhibition"  # the preset the prediction asks about
STARTING_SETTING = "balanced"  # what the page shows, without controls, until the prediction is run
TABLE_POLL_S = 2.0
# The page's steps after its prediction, once it is run (the clicker's sequence: ui/dom.step_key).
EXPERIMENT_STEP = "circuits_experiment"
REGIMES_STEP = "circuits_regimes"


def slider_values(params: NetworkParams) -> dict[str, float | int | bool]:
    """A named setting as the page's controls show it."""
    return {
        "net_w_exc": params.w_exc_nS,
        "net_w_inh": round(params.w_inh_nS),
        "net_ext": round(params.ext_rate_hz),
        "net_kick": params.kick_ms > 0,
    }


def presets() -> dict[str, Preset]:
    """The named settings by their names in the page's language (what the preset control shows and the link
    holds)."""
    return presets_from(WORDS, {name: slider_values(params) for name, params in SETTINGS.items()})


def predicted_name() -> str:
    """The name of the preset the prediction asks about, in the page's language."""
    return WORDS.preset_name(PREDICTED_SETTING)


NET_W_EXC_SLIDER = Slider(WORDS, "net_w_exc", lo=0.0, hi=12.0, default=DEFAULTS.w_exc_nS, step=0.5)

NET_W_INH_SLIDER = Slider(WORDS, "net_w_inh", lo=0, hi=150, default=int(DEFAULTS.w_inh_nS), step=1)

NET_EXT_SLIDER = Slider(WORDS, "net_ext", lo=0, hi=2000, default=0, step=50)


def _controls() -> tuple[NetworkParams, int]:
    """Presets, the three sliders and, in a fourth column, the kick and the wiring seed."""
    row = preset_sliders(
        presets(),
        (NET_W_EXC_SLIDER, NET_W_INH_SLIDER, NET_EXT_SLIDER),
        key=PRESET_KEY,
        help_text=WORDS.text("presets_help"),
        tuck_label=WORDS.text("sliders_tuck"),
        widths=(1, 1, 1, 0.8),
    )
    w_exc, w_inh, ext = row.values
    with row.extra:
        kick = url_toggle(
            WORDS.label("net_kick"),
            KICK_DEFAULT,
            key="net_kick",
            **row.deselect,
            help=WORDS.help("net_kick", kick_ms=num(DEFAULTS.kick_ms)),
        )
        seed = url_number_input(
            WORDS.label("net_seed"),
            SEED_MIN,
            SEED_MAX,
            DEFAULT_NETWORK_SEED,
            key=SEED_KEY,
            help=WORDS.help("net_seed"),
        )
    params = NetworkParams(
        w_exc_nS=float(w_exc),
        w_inh_nS=float(w_inh),
        ext_rate_hz=float(ext),
        kick_ms=DEFAULTS.kick_ms if kick else 0.0,
    )
    return params, int(seed)


def export_settings(params: NetworkParams, seed: int) -> tuple[Setting, ...]:
    """Every control of the page at this setting, as the exports name and caption them."""
    sliders = (NET_W_EXC_SLIDER, NET_W_INH_SLIDER, NET_EXT_SLIDER)
    return (
        *slider_settings(sliders, (params.w_exc_nS, params.w_inh_nS, params.ext_rate_hz)),
        Setting("net_kick", WORDS.label("net_kick"), params.kick_ms > 0, KICK_DEFAULT),
        Setting(SEED_KEY, WORDS.label(SEED_KEY), seed, DEFAULT_NETWORK_SEED),
    )


def _setting_words(params: NetworkParams, seed: int) -> str:
    kick = WORDS.text("kick_on" if params.kick_ms > 0 else "kick_off")
    return WORDS.text(
        "setting",
        w_exc=num(params.w_exc_nS, 1),
        w_inh=num(params.w_inh_nS),
        ext=num(params.ext_rate_hz),
        kick=kick,
        seed=seed,
    )


@st.fragment
def circuits(view_area=None, answered: bool = False) -> None:
    """The controls, the view (in ``view_area`` if given: presenting, the page puts it first, all of it on the
    projected screen) with its status line, and its numbers.

    ``answered``: the prediction has been run (or revealed), so a note says when the sliders leave the setting
    it was about; until then the page shows the balanced network and no control (the question asks what changing
    it would do: a preset, its caption or a slider would answer it, on a projected screen for the whole class)."""
    if answered:
        params, seed = _controls()
        at_prediction = (params, seed) == (SETTINGS[PREDICTED_SETTING], DEFAULT_NETWORK_SEED)
        parts.away_from_prediction(CIRCUITS.text, at_prediction, CIRCUITS.numbers())
    else:
        params, seed = SETTINGS[STARTING_SETTING], DEFAULT_NETWORK_SEED
        st.info(WORDS.text("controls_after_prediction"), icon=":material/lock:")
    with view_area or st.container():
        status = computing.status_line(SHOWN_STATE)
        name = f"circuits_exc{params.w_exc_nS:g}_inh{params.w_inh_nS:g}_ext{params.ext_rate_hz:g}_seed{seed}"
        before = computing.previous(status)
        note = WORDS.text("computing_first", n=DEFAULTS.n_cells)
        if before is not None:
            note = WORDS.text("computing", n=DEFAULTS.n_cells, setting=before.words)
        computing.computing(status, name, note)
        exported = export_settings(params, seed)
        stats, payload, description = network_view(
            params,
            seed,
            presenter.view_style(),
            reduce_motion(),
            export_name(EXPORT_PAGE, exported),
            export_caption(exported),
            lang=i18n.current(),
        )
        with computing.stale_part("view"):
            animated_view(payload, key=VIEW_KEY)
    with computing.stale_part("numbers"):
        _metrics(stats, params, description)
    setting = _setting_words(params, seed)
    computing.shown(status, computing.Shown(name, setting, WORDS.text("view_shows", setting=setting)))


def _metrics(stats, params: NetworkParams, description: str) -> None:
    m1, m2, m3, m4 = st.columns([1.7, 1, 1, 1])  # the regime's name ("balanced irregular") needs the room
    labels = WORDS.text("regime_labels", E_L=num(params.E_L_mV))
    m1.metric(WORDS.text("metric_regime"), network_regime_name(stats, params), help=labels)
    mean = WORDS.text("metric_rate_help", start=num(stats.start_ms), stop=num(stats.stop_ms), window=num(HIGHLIGHT_ms))
    m2.metric(WORDS.text("metric_exc"), num(stats.exc_rate_hz, 1), help=mean)
    m3.metric(WORDS.text("metric_inh"), num(stats.inh_rate_hz, 1), help=mean)
    m4.metric(
        WORDS.text("metric_cv"),
        WORDS.text("metric_cv_none") if math.isnan(stats.exc_cv) else num(stats.exc_cv, 2),
        help=WORDS.text("metric_cv_help"),
    )
    st.markdown(WORDS.text("figure_shows", description=description))


def _predict() -> str | None:
    """The page's prediction (a vote in class mode).  In the run its *Run the experiment* caused, the sliders
    move to the setting it asks about, so the experiment below shows exactly that."""
    key = CIRCUITS.key(PREDICT)
    choice = parts.predict(CIRCUITS.text, PREDICT, key=key, numbers=CIRCUITS.numbers())
    if choice is not None and st.session_state.get(parts.run_key(key)):
        st.session_state[PRESET_KEY] = predicted_name()
        st.session_state.update(presets()[predicted_name()].values)
        st.session_state[SEED_KEY] = DEFAULT_NETWORK_SEED
    return choice


def regimes(table: RegimeTable, narrow: bool = False) -> str:
    """The table of regimes as Markdown: each preset, its setting and what the network did there; on a narrow
    screen, where five columns do not fit, one line per preset."""
    head = [WORDS.text(f"regimes_{column}") for column in ("preset", "setting", "regime", "exc", "cv")]
    lines = [] if narrow else ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for row in table.rows:
        kick = "" if row.params.kick_ms > 0 else WORDS.text("regimes_no_kick")
        cells = {
            "name": WORDS.preset_name(row.setting),
            "setting": WORDS.text("regimes_inhibition", w_inh=num(row.params.w_inh_nS), kick=kick),
            "regime": network_regime_name(row.stats, row.params),
            "rate": num(row.stats.exc_rate_hz, 1),
            "cv": WORDS.text("metric_cv_none") if math.isnan(row.stats.exc_cv) else num(row.stats.exc_cv, 2),
        }
        lines.append(WORDS.text("regimes_line", **cells) if narrow else "| " + " | ".join(cells.values()) + " |")
    return "\n".join(lines)


@st.fragment(run_every=TABLE_POLL_S)
def _await_table() -> None:
    """Until the table of regimes is computed (once per server, in the background): a note, and the page
    again as soon as it is there."""
    if REGIME_TABLE.ready() is not None:
        st.rerun(scope="app")
    st.caption(WORDS.text("regimes_computing"))


def _regimes_section(answered: bool) -> None:
    """The table of regimes, once the prediction has been run (or revealed): its weak-inhibition row answers it."""
    st.header(WORDS.text("regimes_title"))
    if not answered:
        st.caption(WORDS.text("regimes_after_prediction"))
        return
    table = REGIME_TABLE.ready()
    if table is None:
        _await_table()
        return
    st.markdown(WORDS.text("regimes_intro", seed=table.seed, w_exc=num(SETTINGS["balanced"].w_exc_nS)))
    st.markdown(regimes(table, narrow=viewport.is_narrow()))
    st.caption(WORDS.text("regime_labels", E_L=num(DEFAULTS.E_L_mV)))
    st.markdown(
        WORDS.text(
            "regimes_onset",
            onset=num(table.runaway_below_nS),
            weak=predicted_name(),
            runaway=WORDS.preset_name("runaway"),
        )
    )


def render() -> None:
    st.title(WORDS.text("title"))
    presenter.explain(
        WORDS.text(
            "intro",
            n_exc=DEFAULTS.n_exc,
            n_inh=DEFAULTS.n_inh,
            k_exc=round(DEFAULTS.p_connect * DEFAULTS.n_exc),
            k_inh=round(DEFAULTS.p_connect * DEFAULTS.n_inh),
        )
    )
    with presenter.tuck(WORDS.text("network_cell_label")):  # presenting: the view stays on the first screen
        st.caption(WORDS.text("network_cell", **text_numbers.network_cell()))
    computing.style()
    in_class = classroom.current() is not None
    if not in_class:  # the prediction kept in this browser (a class's votes are the class's)
        answers.sync((x.name, x.text) for x in course.current())
    view_area = st.container() if presenter.is_presenting() else None  # presenting: the view first, then the question
    with answers.questions_container(hold=not in_class):  # a kept prediction never shows unlocked
        with st.container(key=dom.step_key(CIRCUITS.key(PREDICT))):  # a presenter's clicker steps through these
            choice = _predict()
        answered = choice is not None
        with st.container(key=dom.step_key(EXPERIMENT_STEP) if answered else None):
            circuits(view_area, answered=answered)
            if answered:
                parts.prediction_feedback(CIRCUITS.text, PREDICT, choice, circuits_numbers())
        with st.container(key=dom.step_key(REGIMES_STEP) if answered else None):
            _regimes_section(answered=answered)
    with st.expander(WORDS.text("leaves_out_title")):
        st.markdown(WORDS.text("leaves_out", n=DEFAULTS.n_cells))


if __name__ == "__main__":
    render()
