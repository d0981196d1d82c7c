"""The class mode: codes, tokens and seats; the store and its rules; the Streamlit side."""
