"""Start here: what the app is and how to use it."""

from __future__ import annotations

import streamlit as st

from explainer import content


def render() -> None:
    st.title("Excitation and inhibition: glutamate versus GABA")
    st.markdown(content.load("home"))
    st.page_link("explainer/pages/playground.py", label="Open the tug of war", icon=":material/arrow_forward:")


if __name__ == "__main__":
    render()
