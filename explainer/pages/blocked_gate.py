"""The blocked gate: what the article says, what the science says, and disinhibition as a hypothesis."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from explainer import content
from explainer.content import i18n
from explainer.content import numbers as text_numbers
from explainer.content.format import fewest_decimals, fill, num
from explainer.content.words import words
from explainer.figures.export import export_caption, export_name
from explainer.figures.network import build_disinhibition_chart
from explainer.model.experiments.circuits import DEFAULT_NETWORK_SEED, DISINHIBITION_SCALES
from explainer.model.network import NetworkParams
from explainer.model.neuron import mg_block
from explainer.model.spikes import RUNAWAY_ABOVE_HZ
from explainer.ui import presenter
from explainer.ui.charts import chart
from explainer.ui.components.animated_view import animated_view
from explainer.ui.motion import reduce_motion
from explainer.ui.network_views import disinhibition_curve, network_view
from explainer.ui.readouts import change_between
from explainer.ui.widgets import Slider

WORDS = words("blocked_gate")  # every word this page shows: content/words/blocked_gate.toml
VIEW_KEY = "blocked_gate_view"
DEMO_MARKER = "<!-- demo -->"


EXPORT_PAGE = "blocked-gate"  # the exports' names begin with it
BG_SCALE_SLIDER = Slider(WORDS, "bg_scale", lo=min(DISINHIBITION_SCALES), hi=1.0, default=1.0, step=0.1)


def page_text() -> tuple[str, str]:
    """The page's Markdown before and after the interactive demo, with model numbers filled in."""
    text = fill(
        content.load("blocked_gate"),
        {
            "block_rest": f"{float(mg_block(-70.0)):.0%}",
            "block_depol": f"{float(mg_block(-40.0)):.0%}",
            "lowest": f"{min(DISINHIBITION_SCALES):g}",
            "runaway_above": num(RUNAWAY_ABOVE_HZ),
        },
    )
    before, after = text.split(DEMO_MARKER)
    return before, after


@st.fragment
def demo() -> None:
    scale = BG_SCALE_SLIDER.show()
    params = replace(NetworkParams(), e_to_i_scale=float(scale))
    exported = (BG_SCALE_SLIDER.setting(scale),)
    with st.spinner(WORDS.text("simulating", n=params.n_cells)):
        stats, payload, description = network_view(
            params,
            DEFAULT_NETWORK_SEED,
            presenter.view_style(),
            reduce_motion(),
            export_name(EXPORT_PAGE, exported),
            export_caption(exported),
            lang=i18n.current(),
        )
        scales, e_rates, i_rates = disinhibition_curve(DEFAULT_NETWORK_SEED)
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        curve = build_disinhibition_chart(
            scales,
            e_rates,
            i_rates,
            (float(scale), stats.exc_rate_hz, stats.inh_rate_hz),
            figure_style=presenter.figure_style(),
        )
        chart(
            curve,
            "disinhibition_curve",
            WORDS.text(
                "chart_alt",
                lowest=num(min(DISINHIBITION_SCALES), fewest_decimals(min(DISINHIBITION_SCALES))),
                e_rates=", ".join(num(r) for r in e_rates),
                i_rates=", ".join(num(r) for r in i_rates),
            ),
            filename="disinhibition",
            settings=exported,
        )
    with right:
        # the badge is the difference of the two numbers as shown (format.change), so it always adds up
        for label, now, intact in (("metric_exc", stats.exc_rate_hz, e_rates[0]),
                                   ("metric_inh", stats.inh_rate_hz, i_rates[0])):  # fmt: skip
            moved = change_between(float(intact), now, 1)
            # neutral colour: more firing is not "good" here
            st.metric(
                WORDS.text(label),
                WORDS.text("metric_value", rate=num(now, 1)),
                WORDS.text("metric_change", change=moved.text) if moved.moved else WORDS.text("metric_same"),
                delta_color="off",
                delta_arrow=moved.arrow,
            )
    animated_view(payload, key=VIEW_KEY)
    st.markdown(WORDS.text("figure_shows", description=description))


def render() -> None:
    st.title(WORDS.text("title"))
    before, after = page_text()
    presenter.explain(before, WORDS.text("part_before"))
    with presenter.tuck(WORDS.text("network_cell_label")):  # presenting: the view stays on the first screen
        st.caption(WORDS.text("network_cell", **text_numbers.network_cell()))
    demo()
    presenter.explain(after, WORDS.text("part_after"))
    references = content.load("blocked_gate_references")
    presenter.explain(f"{WORDS.text('references_heading')}\n\n{references}", WORDS.text("references"))


if __name__ == "__main__":
    render()
