"""Start a Plotly animation in the browser once its figure is on screen.

Streamlit has no autoplay option for Plotly charts, so a few lines of our own JavaScript (no user data
in it) press the figure's own Play button once the chart showing ``animation_id`` has rendered.  Users
who ask their system for reduced motion get the still first frame instead.
"""

from __future__ import annotations

import json
import re

import streamlit as st

_SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

_SCRIPT = """
<script>
(function () {
  const key = %(key)s, wanted = %(animation_id)s;
  if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  let tries = 0;
  function attempt() {
    const gd = document.querySelector('.st-key-' + key + ' .js-plotly-plot');
    const ready = gd && gd.layout && gd.layout.meta && gd.layout.meta.animation_id === wanted;
    const button = ready && gd.querySelector('.updatemenu-button');
    if (button) {
      if (gd.dataset.autoplayed === wanted) return;
      gd.dataset.autoplayed = wanted;
      button.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    } else if (++tries < 100) {
      setTimeout(attempt, 100);
    }
  }
  attempt();
})();
</script>
"""


def autoplay(chart_key: str, animation_id: str) -> None:
    """Play the chart with ``key=chart_key`` once the figure tagged ``animation_id`` is rendered."""
    if not (_SAFE_ID.match(chart_key) and _SAFE_ID.match(animation_id)):
        raise ValueError("chart_key and animation_id must be short identifiers")
    st.html(
        _SCRIPT % {"key": json.dumps(chart_key), "animation_id": json.dumps(animation_id)},
        unsafe_allow_javascript=True,
    )
