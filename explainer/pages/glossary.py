"""Glossary: every term the lessons use; the lessons link to its entries (``glossary#term``)."""

from __future__ import annotations

import streamlit as st

from explainer.model.neuron import NeuronParams
from explainer.ui import lesson

GLOSSARY = "glossary"


@st.cache_data(show_spinner=False)
def numbers() -> dict[str, str]:
    p = NeuronParams()
    n = lesson.num
    return {
        "E_L": n(p.E_L_mV),
        "V_th": n(p.V_th_mV),
        "t_ref": n(p.t_ref_ms),
        "tau_m": n(p.tau_m_ms),
        "g_L": n(p.g_L_nS),
        "th_minus_rest": n(p.V_th_mV - p.E_L_mV),
        "rheobase": n(p.rheobase_pA),
    }


def render() -> None:
    doc = lesson.load_entries(GLOSSARY)
    st.title(doc.title)
    st.markdown(doc.intro)
    query = st.text_input(
        "Find a term",
        key="glossary_search",
        placeholder="for example: threshold, chloride, NMDA",
        help="Shows only the entries whose term or text contains these letters.",
    )
    wanted = query.strip().lower()
    shown = [e for e in doc.entries if not wanted or wanted in e.title.lower() or wanted in e.body.lower()]
    if wanted and not shown:
        st.info("No entry contains that. Try a shorter word.", icon=":material/search_off:")
    lesson.show_entries(doc, numbers(), only=shown)


if __name__ == "__main__":
    render()
