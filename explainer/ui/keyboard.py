"""Keyboard access to every chart's toolbar (Plotly's "modebar": save as PNG, and the like).

Plotly draws the toolbar's buttons as ``<a>`` elements without ``href`` or ``tabindex``, shown only while
the mouse is over the chart, so a keyboard cannot reach "Download plot as a png".  A small script of ours
(fixed text, no user data), installed once per browser tab, gives each button ``tabindex="0"``,
``role="button"`` and a name, shows the toolbar while one of its buttons has focus, and presses the
button on Enter or Space.  New charts are picked up as they appear.
"""

from __future__ import annotations

import streamlit as st

WATCH_CLASS = "ei-keyboard-charts"

# The element holding the script shows nothing; hide its container so it adds no gap on the page.
_HIDE_CSS = f'<style>[data-testid="stElementContainer"]:has(.{WATCH_CLASS}) {{ display: none; }}</style>'

_SCRIPT = f"""<div class="{WATCH_CLASS}" hidden></div>
<script>
(function () {{
  if (window.eiKeyboardCharts) return;
  window.eiKeyboardCharts = true;
  const style = document.createElement('style');
  style.textContent =
    '.js-plotly-plot .plotly .modebar:focus-within {{ opacity: 1 !important; }}' +
    '.js-plotly-plot .modebar-btn:focus-visible {{ outline: 3px solid #0072B2; outline-offset: 1px; }}';
  document.head.appendChild(style);
  const enable = () => document.querySelectorAll('.js-plotly-plot .modebar-btn:not([tabindex])').forEach((a) => {{
    a.setAttribute('tabindex', '0');
    a.setAttribute('role', 'button');
    if (!a.getAttribute('aria-label')) a.setAttribute('aria-label', a.getAttribute('data-title') || 'Chart tool');
  }});
  document.addEventListener('keydown', (e) => {{
    const button = e.target instanceof Element && e.target.closest('.js-plotly-plot .modebar-btn');
    if (!button || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    button.dispatchEvent(new MouseEvent('click', {{bubbles: true}}));
  }});
  let pending = false;  // at most one pass per animation frame, however much the page changes
  new MutationObserver(() => {{
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {{ pending = false; enable(); }});
  }}).observe(document.body, {{childList: true, subtree: true}});
  enable();
}})();
</script>"""


def keyboard_chart_tools() -> None:
    """Install the script (once per tab; later runs find it installed and do nothing)."""
    st.html(_HIDE_CSS)
    st.html(_SCRIPT, unsafe_allow_javascript=True)
