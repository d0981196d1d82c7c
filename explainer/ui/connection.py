"""When the server goes away mid-lesson (a crash, a restart, a laptop lid): say so, and carry on when it is back.

:func:`connection_watch` (called once per run by the shell, before the page) adds two things:

1. **A full rerun on every reconnect.**  On reconnecting, Streamlit 1.67's frontend asks for a script run
   only if it never had a session, a run was in progress, the last run was a fragment run, or some fragment
   has ``run_every`` (``App.handleConnectionStateChanged`` in the bundled ``static/js/index.*.js``; the last
   two cases came with streamlit/streamlit#11890, "request a full rerun if ... the previous script run
   contained fragments").  A full run that merely *contains* a fragment without ``run_every`` is not
   detected: after a server restart, a tab that only opened a link reconnects to a new session that never
   ran its page, and that session drops the fragment's reruns ("The fragment with id ... does not exist
   anymore", ``AppSession.request_rerun``), so the playground's sliders move and the chart does not.
   :func:`_rerun_on_reconnect` is a fragment with a long ``run_every`` that draws nothing: it puts every page
   in the detected case, so every reconnect reruns the page in full, from the widgets' values and the URL.
   The frontend restarts its timer with every full run, so the interval fires (a no-op fragment run) only
   in a tab left without a full run for that long.

2. **A visible, announced notice** while the connection is down.  ``client.toolbarMode = "minimal"`` and
   presenter mode hide Streamlit's own "Connecting" label, and its "Connection error" dialog comes only
   after about 5 s.  A small script of ours (fixed texts, no user data) watches the frontend's connection
   state, the ``data-test-connection-state`` attribute of ``stApp`` (``CONNECTED``, ``PINGING_SERVER``,
   ``CONNECTING``, ``DISCONNECTED_FOREVER``), and half a second after the connection drops shows a
   ``role="status"`` notice at the bottom of the screen, above everything (Streamlit's dialog, near the top,
   stays readable); "Connected again" for a moment when it is back, then nothing.  The notice lives on
   ``document.body``, outside Streamlit's page, so reruns and page changes leave it alone; the script
   installs it once per browser tab.
"""

from __future__ import annotations

import json
from datetime import timedelta

import streamlit as st

NOTICE_ID = "ei-connection-notice"
# Long: the marker fragment exists to be registered, not to run (see the module docstring).
RERUN_MARKER_EVERY = timedelta(hours=12)
WATCH_CLASS = "ei-connection-watch"

NOTICE_DOWN = "Lost the connection to the server: reconnecting…"
NOTICE_DOWN_DETAIL = "Your view is kept in the link; nothing to do."
NOTICE_GONE = "Lost the connection to the server."
NOTICE_GONE_DETAIL = "Reload the page to reconnect; your view is kept in the link."
NOTICE_BACK = "Connected again."

# Hides the element that holds the script below (it shows nothing, but would add a gap before the banner).
# A style-only st.html goes to Streamlit's event container, so it takes no room on the page either.
_HIDE_WATCH_CSS = f'<style>[data-testid="stElementContainer"]:has(.{WATCH_CLASS}) {{ display: none; }}</style>'

_NOTICE_CSS = f"""
#{NOTICE_ID} {{ position: fixed; bottom: 1rem; left: 50%; transform: translateX(-50%); z-index: 2147483000;
  width: max-content; max-width: min(52rem, calc(100vw - 1.5rem)); box-sizing: border-box;
  display: flex; gap: 0.75rem; align-items: center; padding: 0.75rem 1.25rem; border-radius: 0.6rem;
  background: #1A1A1A; color: #FFFFFF; font: inherit; font-size: 1.05rem; line-height: 1.4;
  box-shadow: 0 0.3rem 1.2rem rgba(0, 0, 0, 0.35); border: 0.15rem solid #E69F00; }}
#{NOTICE_ID}:empty {{ display: none; }}
#{NOTICE_ID}[data-state="back"] {{ border-color: #009E73; }}
#{NOTICE_ID} .ei-connection-icon {{ flex: none; width: 1.1rem; height: 1.1rem; border-radius: 50%;
  border: 0.2rem solid #E69F00; border-top-color: transparent; animation: ei-connection-spin 1s linear infinite; }}
#{NOTICE_ID}[data-state="gone"] .ei-connection-icon {{ border-top-color: #E69F00; animation: none; }}
#{NOTICE_ID}[data-state="back"] .ei-connection-icon {{ border-color: #009E73; background: #009E73;
  animation: none; }}
#{NOTICE_ID} strong {{ font-weight: 700; }}
@keyframes ei-connection-spin {{ to {{ transform: rotate(360deg); }} }}
#{NOTICE_ID}[data-calm] .ei-connection-icon {{ animation: none; }}
@media (prefers-reduced-motion: reduce) {{ #{NOTICE_ID} .ei-connection-icon {{ animation: none; }} }}
"""

_NOTICE_JS = """<span class="%(watch_class)s" hidden></span>
<script>
(function () {
  // Once per browser tab: reruns and page changes may mount this element again.
  if (window.eiConnectionNotice) return;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return;
  window.eiConnectionNotice = true;
  const texts = %(texts)s;
  const style = document.createElement('style');
  style.textContent = %(css)s;
  document.head.appendChild(style);
  // The live region exists (empty) from the start, so screen readers announce what is put into it.
  const box = document.createElement('div');
  box.id = %(notice_id)s;
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.setAttribute('aria-atomic', 'true');
  document.body.appendChild(box);
  const say = (state, title, detail) => {
    box.dataset.state = state;
    // The spinner stands still under "Reduce motion" (kept in the link as calm=true) as under the system's.
    box.toggleAttribute('data-calm', new URLSearchParams(window.location.search).get('calm') === 'true');
    box.replaceChildren();
    const icon = document.createElement('span');
    icon.className = 'ei-connection-icon';
    icon.setAttribute('aria-hidden', 'true');
    const text = document.createElement('span');
    const strong = document.createElement('strong');
    strong.textContent = title;
    text.append(strong);
    if (detail) text.append(' ' + detail);
    box.append(icon, text);
  };
  const clear = () => { box.dataset.state = ''; box.replaceChildren(); };
  let down = false, showTimer = null, hideTimer = null;
  const stopTimers = () => { clearTimeout(showTimer); clearTimeout(hideTimer); showTimer = hideTimer = null; };
  const update = () => {
    const state = app.getAttribute('data-test-connection-state');
    if (state === 'CONNECTED') {
      stopTimers();
      if (down) {
        down = false;
        say('back', texts.back, '');
      }
      if (box.dataset.state === 'back') hideTimer = setTimeout(clear, 2500);
    } else if (state === 'DISCONNECTED_FOREVER') {
      stopTimers();
      down = true;
      say('gone', texts.gone, texts.goneDetail);
    } else if (state === 'PINGING_SERVER' || state === 'CONNECTING') {
      clearTimeout(hideTimer);
      // A blip shorter than half a second (the websocket reconnecting at once) shows nothing.
      if (!down && showTimer === null) {
        showTimer = setTimeout(() => {
          showTimer = null;
          down = true;
          say('down', texts.down, texts.downDetail);
        }, 500);
      }
    }
  };
  new MutationObserver(update).observe(app, {attributes: true, attributeFilter: ['data-test-connection-state']});
  update();
})();
</script>"""


@st.fragment(run_every=RERUN_MARKER_EVERY)
def _rerun_on_reconnect() -> None:
    """Draws nothing (an empty fragment takes no room): its ``run_every`` makes every reconnect a full rerun."""


def notice_html() -> str:
    """The notice's script (fixed texts, no user data)."""
    texts = {
        "down": NOTICE_DOWN,
        "downDetail": NOTICE_DOWN_DETAIL,
        "gone": NOTICE_GONE,
        "goneDetail": NOTICE_GONE_DETAIL,
        "back": NOTICE_BACK,
    }
    return _NOTICE_JS % {
        "texts": json.dumps(texts, ensure_ascii=False),
        "css": json.dumps(_NOTICE_CSS),
        "notice_id": json.dumps(NOTICE_ID),
        "watch_class": WATCH_CLASS,
    }


def connection_watch() -> None:
    """Rerun in full on every reconnect, and show a notice while the server cannot be reached."""
    _rerun_on_reconnect()
    st.html(_HIDE_WATCH_CSS)
    st.html(notice_html(), unsafe_allow_javascript=True)
