// The link writer (explainer/ui/components/link_writer): puts a corrected value into the address bar once the
// script run has finished (Streamlit drops the link's unusable value from the URL while the run is drawn).
// history.replaceState: no reload, no rerun, no new history entry.

/**
 * The component's data (explainer/ui/components/link_writer/__init__.py, LinkWriterData).
 * @typedef {Object} LinkWriterData
 * @property {string} param - the link parameter (a widget's key)
 * @property {string} value - its value as the address bar shows it
 */

const SCRIPT_STATE = 'data-test-script-state'; // Streamlit's own attribute on its app element
const FINISHED = 'notRunning';

const waiting = new WeakMap(); // parentElement -> the observer of a write still waiting for the run's end

function write(param, value) {
  const url = new URL(window.location.href);
  if (url.searchParams.get(param) === value) return;
  url.searchParams.set(param, value);
  window.history.replaceState(window.history.state, '', url.toString());
}

function stopWaiting(parentElement) {
  const observer = waiting.get(parentElement);
  if (observer) observer.disconnect();
  waiting.delete(parentElement);
}

/** @param {{data: LinkWriterData, parentElement: Element}} component */
export default function linkWriter(component) {
  const { data, parentElement } = component;
  stopWaiting(parentElement); // newer data for the same parameter replaces a write still waiting
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute(SCRIPT_STATE) === FINISHED) {
    write(data.param, data.value);
    return () => {};
  }
  const observer = new MutationObserver(() => {
    if (app.getAttribute(SCRIPT_STATE) !== FINISHED) return;
    stopWaiting(parentElement);
    write(data.param, data.value);
  });
  observer.observe(app, { attributes: true, attributeFilter: [SCRIPT_STATE] });
  waiting.set(parentElement, observer);
  return () => {
    if (waiting.get(parentElement) === observer) stopWaiting(parentElement);
  };
}
