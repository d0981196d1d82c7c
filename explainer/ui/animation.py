"""Browser-side helpers for an animated chart: autoplay, keyboard-usable controls, copy link, reduced motion.

Streamlit has no autoplay option for Plotly charts, and Plotly's own play buttons are SVG that a
keyboard cannot reach.  So under each animated chart we add real HTML controls (Play, Pause, Copy link
to this view, and a time scrubber) with a few lines of our own JavaScript (no user data in it) that
press the figure's own Play / Pause buttons and show one frame with ``Plotly.animate``.  The animation
starts by itself once the chart showing ``animation_id`` has rendered, unless the user chose "Reduce
motion" or asks their system for reduced motion; then the figure shows its final state (see
:func:`explainer.figures.animation_controls.start_at_last_frame`) and waits.
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
<div class="ei-anim-controls" id="ei-controls-%(key_raw)s" role="group" aria-label="Animation controls"
  data-chart="%(key_raw)s" data-anim="%(animation_id_raw)s" data-calm="%(calm)s">
  <button type="button" data-action="play">▶ Play animation</button>
  <button type="button" data-action="pause">❚❚ Pause</button>
  <button type="button" data-action="copy">%(link_icon)s Copy link to this view</button>
  <label class="ei-scrub">Time <input type="range" min="0" max="0" step="1" value="0" data-action="scrub"
    aria-label="Time in the animation" aria-valuetext="0 ms" disabled> <output aria-hidden="true">0 ms</output></label>
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
  const chart = () => document.querySelector('.st-key-' + key + ' .js-plotly-plot');
  // The buttons, for every chart, by delegation (installed once per tab): Streamlit may replace this
  // element's HTML without running its script again, and listeners on one copy would die with it.
  if (!window.eiButtons) {
    window.eiButtons = true;
    document.addEventListener('click', (e) => {
      const button = e.target instanceof Element && e.target.closest('.ei-anim-controls button[data-action]');
      const box = button && button.closest('.ei-anim-controls');
      if (!box) return;
      const status = (text) => { const s = box.querySelector('.ei-status'); if (s) s.textContent = text; };
      const gd = document.querySelector('.st-key-' + box.dataset.chart + ' .js-plotly-plot');
      const press = (index) => {
        const menu = gd ? gd.querySelectorAll('.updatemenu-button') : [];
        if (menu.length > index) menu[index].dispatchEvent(new MouseEvent('click', {bubbles: true}));
      };
      const action = button.dataset.action;
      if (action === 'play') { press(0); status('Playing'); }
      if (action === 'pause') { press(1); status('Paused'); }
      if (action === 'copy') {
        const url = window.location.href;
        const done = () => status('Link copied: ' + url);
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(done, () => status('Copy this link: ' + url));
        } else {
          status('Copy this link: ' + url);
        }
      }
    });
  }
  // The time scrubber: a native range input (keyboard: arrows, Home, End, PageUp/PageDown) that shows one
  // frame, and follows the frames while the animation plays.  It replaces Plotly's own slider, which a
  // keyboard cannot reach and which cost ~40 ms of drawing on every new figure (101 steps).
  // The time scrubbers, wired once per tab for all charts.  Streamlit may replace this element's HTML
  // without running its script again, so nothing here holds on to one copy of a scrubber: input is
  // handled by delegation, new copies are set up as they appear, and frames update whatever copy is there.
  if (!window.eiScrubbers) {
    window.eiScrubbers = true;
    const plotOf = (box) => document.querySelector('.st-key-' + box.dataset.chart + ' .js-plotly-plot');
    const boxesOf = (gd) => Array.from(document.querySelectorAll('.ei-anim-controls'))
      .filter((box) => plotOf(box) === gd);
    const show = (gd, j) => {
      gd.dataset.eiFrame = String(j);
      const text = Math.round(j * Number((gd.layout.meta && gd.layout.meta.frame_ms) || 0)) + ' ms';
      boxesOf(gd).forEach((box) => {
        const scrub = box.querySelector('[data-action=scrub]');
        const out = box.querySelector('.ei-scrub output');
        if (scrub) { scrub.value = String(j); scrub.setAttribute('aria-valuetext', text); }
        if (out) out.textContent = text;
      });
    };
    const setUp = (box) => {
      const gd = plotOf(box);
      const frames = gd && gd._transitionData && gd._transitionData._frames;
      const scrub = box.querySelector('[data-action=scrub]');
      const ready = scrub && frames && frames.length && gd.layout && gd.layout.meta &&
                    gd.layout.meta.animation_id === box.dataset.anim;
      if (!ready || scrub.dataset.ready === box.dataset.anim) return;
      scrub.dataset.ready = box.dataset.anim;
      scrub.max = String(frames.length - 1);
      scrub.disabled = !(window.Plotly && window.Plotly.animate);
      if (gd.dataset.eiScrub !== box.dataset.anim) {  // a new figure: follow its frames while it plays
        gd.dataset.eiScrub = box.dataset.anim;
        gd.dataset.eiFrame = box.dataset.calm === 'true' ? String(frames.length - 1) : '0';
        gd.on('plotly_animatingframe', (e) => { if (e && e.name !== undefined) show(gd, Number(e.name)); });
      }
      show(gd, Number(gd.dataset.eiFrame));
    };
    const setUpAll = () => document.querySelectorAll('.ei-anim-controls').forEach(setUp);
    document.addEventListener('input', (e) => {
      const scrub = e.target instanceof Element && e.target.closest('[data-action=scrub]');
      const box = scrub && scrub.closest('.ei-anim-controls');
      const gd = box && plotOf(box);
      if (!gd || !window.Plotly || !window.Plotly.animate) return;
      show(gd, Number(scrub.value));
      window.Plotly.animate(gd, [scrub.value], {frame: {duration: 0, redraw: false},
                                                transition: {duration: 0}, mode: 'immediate'}).catch(() => {});
    });
    let pending = false;  // at most one set-up pass per animation frame, however much the page changes
    new MutationObserver(() => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; setUpAll(); });
    }).observe(document.body, {childList: true, subtree: true});
    setUpAll();
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
.ei-anim-controls .ei-scrub { display: inline-flex; align-items: center; gap: 0.4rem; flex: 1 1 14rem; }
.ei-anim-controls .ei-scrub input { flex: 1 1 auto; min-width: 8rem; accent-color: #0072B2; }
.ei-anim-controls .ei-scrub input:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.ei-anim-controls .ei-scrub output { min-width: 4.5em; font-variant-numeric: tabular-nums; }
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
    """Keyboard-usable Play / Pause / Copy-link buttons and time scrubber for ``chart_key``; autoplay unless calm."""
    if not (_SAFE_ID.match(chart_key) and _SAFE_ID.match(animation_id)):
        raise ValueError("chart_key and animation_id must be short identifiers")
    st.html(
        _CSS
        + _CONTROLS
        % {
            "key": json.dumps(chart_key),
            "key_raw": chart_key,
            "animation_id": json.dumps(animation_id),
            "animation_id_raw": animation_id,
            "calm": "true" if reduce_motion() else "false",
            "autoplay": "false" if reduce_motion() else "true",
            "link_icon": _LINK_ICON,
        },
        unsafe_allow_javascript=True,
    )
