"""Browser-side helpers for an animated chart: autoplay, keyboard-usable controls, copy link, reduced motion.

Streamlit has no autoplay option for Plotly charts, and Plotly's own play buttons are SVG that a
keyboard cannot reach.  So under each animated chart we add real HTML buttons (Play, Pause, Copy link
to this view) with a few lines of our own JavaScript (no user data in it) that press the figure's own
Play / Pause buttons.  The animation starts by itself once the chart showing ``animation_id`` has
rendered, unless the user chose "Reduce motion" or asks their system for reduced motion; then the figure
shows its final state (see :func:`explainer.figures.animation_controls.start_at_last_frame`) and waits.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import streamlit as st

from explainer.ui.widgets import url_toggle

_SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
REDUCE_MOTION_KEY = "calm"

_CONTROLS = """
<div class="ei-anim-controls" id="ei-controls-%(key_raw)s" role="group" aria-label="Animation controls">
  <button type="button" data-action="play">▶ Play animation</button>
  <button type="button" data-action="pause">❚❚ Pause</button>
  <button type="button" data-action="copy">%(link_icon)s Copy link to this view</button>
  <span class="ei-status" role="status" aria-live="polite"></span>
</div>
<script>
(function () {
  const key = %(key)s, wanted = %(animation_id)s, autoplay = %(autoplay)s;
  // Plotly rejects the promise of an animation that Pause interrupts with no reason (plotly.js#5613);
  // swallow exactly that, so it does not surface as an uncaught error.
  if (!window.eiRejectionGuard) {
    window.eiRejectionGuard = true;
    window.addEventListener('unhandledrejection', (e) => { if (e.reason === undefined) e.preventDefault(); });
  }
  const box = document.getElementById('ei-controls-' + key);
  const chart = () => document.querySelector('.st-key-' + key + ' .js-plotly-plot');
  const press = (index) => {
    const gd = chart();
    const buttons = gd ? gd.querySelectorAll('.updatemenu-button') : [];
    if (buttons.length > index) buttons[index].dispatchEvent(new MouseEvent('click', {bubbles: true}));
  };
  const status = (text) => { const s = box && box.querySelector('.ei-status'); if (s) s.textContent = text; };
  if (box) {
    box.querySelector('[data-action=play]').addEventListener('click', () => { press(0); status('Playing'); });
    box.querySelector('[data-action=pause]').addEventListener('click', () => { press(1); status('Paused'); });
    box.querySelector('[data-action=copy]').addEventListener('click', () => {
      const url = window.location.href;
      const done = () => status('Link copied: ' + url);
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, () => status('Copy this link: ' + url));
      } else {
        status('Copy this link: ' + url);
      }
    });
  }
  const reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (!autoplay || reduced) return;
  let tries = 0;
  (function attempt() {
    const gd = chart();
    // Wait until Streamlit has sized the chart: pressing Play before that redraw loses the animation queue
    // (Pause then cannot stop it, and a later figure change throws on every frame).
    const ready = gd && gd.layout && gd.layout.width && gd.layout.meta && gd.layout.meta.animation_id === wanted;
    const button = ready && gd.querySelector('.updatemenu-button');
    if (button) {
      if (gd.dataset.autoplayed === wanted) return;
      gd.dataset.autoplayed = wanted;
      button.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    } else if (++tries < 100) {
      setTimeout(attempt, 100);
    }
  })();
})();
</script>
"""

# The "link" icon (Material Icons "link", Apache-2.0) drawn by CSS, not the emoji, which machines without an
# emoji font show as an empty box.  st.html keeps no inline <svg> (its sanitiser allows HTML only), so the
# SVG is a mask over a box in the text colour; decorative (aria-hidden): the button's text names it.
_LINK_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7'
    "c-2.76 0-5 2.24-5 5s2.24 5 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1zM8 13h8v-2H8v2zm9-6h-4v1.9h4c1.71 0 3.1 1.39 "
    '3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4c2.76 0 5-2.24 5-5s-2.24-5-5-5z"/></svg>'
)
_LINK_MASK = f'url("data:image/svg+xml,{quote(_LINK_SVG, safe=" =:/.-")}") center / contain no-repeat'
_LINK_ICON = '<span class="ei-icon ei-icon-link" aria-hidden="true"></span>'

_CSS = """
<style>
.ei-anim-controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.25rem 0; }
.ei-anim-controls button { font: inherit; padding: 0.3rem 0.8rem; border-radius: 0.5rem;
  border: 1px solid #6B6B6B; background: #FFFFFF; color: #1A1A1A; cursor: pointer; }
.ei-anim-controls .ei-icon { display: inline-block; width: 1.1em; height: 1.1em; vertical-align: -0.2em;
  background-color: currentColor; }
.ei-anim-controls .ei-icon-link { -webkit-mask: LINK_MASK; mask: LINK_MASK; }
.ei-anim-controls button:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.ei-anim-controls .ei-status { color: #1A1A1A; font-size: 0.9rem; word-break: break-all; }
</style>
""".replace("LINK_MASK", _LINK_MASK)


def reduce_motion_toggle() -> bool:
    """Sidebar toggle (kept in the URL): show final states instead of animating."""
    with st.sidebar:
        return bool(
            url_toggle(
                "Reduce motion",
                False,
                key=REDUCE_MOTION_KEY,
                help="Figures show their final state instead of playing by themselves; Play still works.",
            )
        )


def reduce_motion() -> bool:
    return bool(st.session_state.get(REDUCE_MOTION_KEY, False))


def animation_controls(chart_key: str, animation_id: str) -> None:
    """Keyboard-usable Play / Pause / Copy-link buttons for the chart ``chart_key``; autoplay unless calm."""
    if not (_SAFE_ID.match(chart_key) and _SAFE_ID.match(animation_id)):
        raise ValueError("chart_key and animation_id must be short identifiers")
    st.html(
        _CSS
        + _CONTROLS
        % {
            "key": json.dumps(chart_key),
            "key_raw": chart_key,
            "animation_id": json.dumps(animation_id),
            "autoplay": "false" if reduce_motion() else "true",
            "link_icon": _LINK_ICON,
        },
        unsafe_allow_javascript=True,
    )
