// Scroll the page to an element, or open another page, once per request (explainer/ui/components/scroll_to): a phone that followed its
// teacher to a question lands on it, and stays on it while the page above it settles.

/**
 * The component's data (explainer/ui/components/scroll_to/__init__.py, ScrollToData).
 * @typedef {Object} ScrollToData
 * @property {string} target_class - the class of the element to bring into view
 * @property {number} nonce - one scroll per number
 * @property {number} settle_ms - how long to look for the element and hold the page at it
 * @property {string} open_url - a relative address to load instead ("" for none)
 */

const HEADER = "header[data-testid='stHeader']";
const POLL_MS = 100;
let done = null; // the last nonce served, for this tab (module scope: it outlives page changes)

/** How far below the viewport's top an element should sit: under Streamlit's header. */
function headerHeight() {
  const header = document.querySelector(HEADER);
  return header ? header.getBoundingClientRect().height : 0;
}

/** The element that scrolls around ``el`` (Streamlit scrolls its main area, not the document). */
function scrollParent(el) {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return document.scrollingElement || document.documentElement;
}

/** @param {{data: ScrollToData}} component */
export default function scrollTo(component) {
  const d = component.data;
  if (!d || d.nonce === done) return () => {};
  done = d.nonce;
  if (d.open_url) {
    window.location.assign(new URL(d.open_url, document.baseURI).href); // a new page load, as a link would
    return () => {};
  }
  const started = performance.now();
  let stopped = false;
  const stop = () => { stopped = true; };
  const options = { once: true, capture: true };
  ['wheel', 'touchstart', 'keydown', 'pointerdown'].forEach((type) => window.addEventListener(type, stop, options));
  const tick = () => {
    if (stopped || performance.now() - started > d.settle_ms) return;
    const el = document.querySelector(`.${CSS.escape(d.target_class)}`);
    if (el) {
      const top = el.getBoundingClientRect().top - headerHeight();
      if (Math.abs(top) > 2) scrollParent(el).scrollBy({ top, behavior: 'instant' });
    }
    setTimeout(tick, POLL_MS);
  };
  tick();
  return () => {};
}
