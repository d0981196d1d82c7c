"""Plotly figure builders (never import streamlit here)."""
