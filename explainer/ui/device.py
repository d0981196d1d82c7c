"""What kind of screen asked for the page: phones get figures with stacked panels.

Streamlit cannot tell the server the browser's width, so the page reads the request's User-Agent
(``st.context.headers``): phones say "Mobile" (iPhone Safari, Android Chrome on phones, Firefox for
Android) or "iPhone"; tablets and laptops do not, and keep the side-by-side layout, which fits them.
"""

from __future__ import annotations

import re

import streamlit as st

_PHONE_UA = re.compile(r"Mobile|iPhone|iPod|Windows Phone", re.IGNORECASE)


def is_phone_user_agent(user_agent: str) -> bool:
    """True for a phone's User-Agent string (not a tablet's, not a laptop's)."""
    return bool(_PHONE_UA.search(user_agent or "")) and "iPad" not in (user_agent or "")


def is_phone() -> bool:
    """True if this session's browser is a phone (False when there are no request headers, as in tests)."""
    try:
        user_agent = st.context.headers.get("User-Agent", "")
    except Exception:  # no request context (AppTest, a bare script run)
        return False
    return is_phone_user_agent(user_agent)
