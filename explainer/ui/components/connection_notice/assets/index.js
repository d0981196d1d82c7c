// The notice shown while the server cannot be reached, and "Connected again" when it is back
// (explainer/ui/components/connection_notice).  One per browser tab, on document.body outside Streamlit's page:
// its state is this module's, whichever mounted instance of the component last sent data.

/**
 * The notice's words (fixed texts, no user data).
 * @typedef {Object} NoticeTexts
 * @property {string} down
 * @property {string} down_detail
 * @property {string} gone
 * @property {string} gone_detail
 * @property {string} back
 */

/**
 * The component's data (explainer/ui/components/connection_notice/__init__.py, ConnectionNoticeData).
 * @typedef {Object} ConnectionNoticeData
 * @property {string} id - the notice element's id
 * @property {NoticeTexts} texts
 * @property {Object<string, string>} colours - set as --ei-<name> on the notice
 * @property {string} calm_param - in the link as <calm_param>=true: the spinner stands still
 */

const SHOW_AFTER_MS = 500; // a blip shorter than this (the websocket reconnecting at once) shows nothing
const BACK_FOR_MS = 2500; // "Connected again" stays this long
const STATE = 'data-test-connection-state'; // Streamlit's own attribute on its app element

const mounts = new Set(); // the parentElements of the mounted instances
let notice = null; // {box, app, observer, data, down, showTimer, hideTimer} while any instance is mounted

function say(n, state, title, detail) {
  const box = n.box;
  box.dataset.state = state;
  // The spinner stands still under "Reduce motion" (kept in the link) as under the system's setting.
  box.classList.toggle('ei-still', new URLSearchParams(window.location.search).get(n.data.calm_param) === 'true');
  const icon = document.createElement('span');
  icon.className = 'ei-connection-icon';
  icon.setAttribute('aria-hidden', 'true');
  const text = document.createElement('span');
  const strong = document.createElement('strong');
  strong.textContent = title;
  text.append(strong);
  if (detail) text.append(' ' + detail);
  box.replaceChildren(icon, text);
}

function stopTimers(n) {
  clearTimeout(n.showTimer);
  clearTimeout(n.hideTimer);
  n.showTimer = null;
  n.hideTimer = null;
}

function update(n) {
  const state = n.app.getAttribute(STATE);
  const texts = n.data.texts;
  if (state === 'CONNECTED') {
    stopTimers(n);
    if (n.down) {
      n.down = false;
      say(n, 'back', texts.back, '');
    }
    if (n.box.dataset.state === 'back') {
      n.hideTimer = setTimeout(() => {
        n.box.dataset.state = '';
        n.box.replaceChildren();
      }, BACK_FOR_MS);
    }
  } else if (state === 'DISCONNECTED_FOREVER') {
    stopTimers(n);
    n.down = true;
    say(n, 'gone', texts.gone, texts.gone_detail);
  } else if (state === 'PINGING_SERVER' || state === 'CONNECTING') {
    clearTimeout(n.hideTimer);
    if (!n.down && n.showTimer === null) {
      n.showTimer = setTimeout(() => {
        n.showTimer = null;
        n.down = true;
        say(n, 'down', texts.down, texts.down_detail);
      }, SHOW_AFTER_MS);
    }
  }
}

function configure(n, data) {
  n.data = data;
  n.box.id = data.id;
  for (const [name, value] of Object.entries(data.colours)) n.box.style.setProperty(`--ei-${name}`, value);
}

function install(app, data) {
  // The live region exists (empty) from the start, so screen readers announce what is put into it.
  const box = document.createElement('div');
  box.className = 'ei-notice';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.setAttribute('aria-atomic', 'true');
  document.body.appendChild(box);
  const n = { box, app, data, down: false, showTimer: null, hideTimer: null };
  configure(n, data);
  n.observer = new MutationObserver(() => update(n));
  n.observer.observe(app, { attributes: true, attributeFilter: [STATE] });
  update(n);
  return n;
}

function uninstall(n) {
  n.observer.disconnect();
  stopTimers(n);
  n.box.remove();
}

/** @param {{data: ConnectionNoticeData, parentElement: Element}} component */
export default function connectionNotice(component) {
  const { data, parentElement } = component;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return () => {};
  mounts.add(parentElement);
  if (notice) configure(notice, data);
  else notice = install(app, data);
  return () => {
    // A run that newer data overtook is cleaned up while its element stays on the page: keep the notice.
    if (parentElement.isConnected) return;
    mounts.delete(parentElement);
    if (mounts.size === 0 && notice) {
      uninstall(notice);
      notice = null;
    }
  };
}
