"""What this model leaves out: PhET-style model notes."""

from __future__ import annotations

import streamlit as st

from explainer.model.lessons import DT_ms
from explainer.model.neuron import NeuronParams
from explainer.ui import lesson

NOTES = "model_notes"


@st.cache_data(show_spinner=False)
def numbers() -> dict[str, str]:
    """The model's standard parameters, as the notes quote them."""
    p = NeuronParams()
    n = lesson.num
    return {
        "V_th": n(p.V_th_mV),
        "V_reset": n(p.V_reset_mV),
        "E_exc": n(p.E_exc_mV),
        "E_L": n(p.E_L_mV),
        "c_pF": n(p.c_pF),
        "g_L": n(p.g_L_nS),
        "tau_m": n(p.tau_m_ms),
        "t_ref": n(p.t_ref_ms),
        "dt": f"{DT_ms:g}",
        # exponential Euler holds a decaying conductance at its start-of-step value: charge error dt / (2 tau)
        "ampa_error": n(100.0 * DT_ms / (2.0 * p.tau_ampa_ms), 1),
    }


def render() -> None:
    doc = lesson.load_entries(NOTES)
    st.title(doc.title)
    nums = numbers()
    st.markdown(lesson.fill(doc.intro, nums))
    lesson.show_entries(doc, nums)


if __name__ == "__main__":
    render()
