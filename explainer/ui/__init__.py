"""Streamlit helpers shared by pages: banner, presets, URL state, presenter mode."""
