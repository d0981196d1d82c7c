// Scroll the page to an element, or open another page, once per request (explainer/ui/components/scroll_to): a phone
// that followed its teacher lands on the question asked, and stays on it while the page above it settles.
//
// While mounted on a following phone's page it also watches for a page the app's frontend has dropped: Streamlit
// 1.67's frontend throws away its whole page when an update does not fit it ("Bad delta path index", seen once in
// about 84 page follows on a phone that had just joined), which leaves the phone blank until someone reloads it.
// A page whose app is gone for two checks in a row is loaded again (its address keeps the class and the seat), at
// most once per `reload_gap_ms` in this tab, and never while the page is being replaced by an `open_url`.

/**
 * The component's data (explainer/ui/components/scroll_to/__init__.py, ScrollToData).
 * @typedef {Object} ScrollToData
 * @property {string} target_class - the class of the element to bring into view ("" for none)
 * @property {number} nonce - one scroll per number
 * @property {number} settle_ms - how long to look for the element and hold the page at it
 * @property {string} open_url - a relative address to load instead ("" for none)
 * @property {number} reload_gap_ms - the least time between two reloads of a dropped page in this tab
 */

const HEADER = "header[data-testid='stHeader']";
const APP = "[data-testid='stApp']"; // gone from the document when the frontend has dropped the page
const POLL_MS = 100;
const WATCH_MS = 1000; // how often the watch looks for the app
const LEAVING_MS = 10000; // an open_url's page load that has not replaced this document by then was stopped
const RELOADED = 'ei-follow-reloaded'; // sessionStorage: when this tab last reloaded a dropped page
let done = null; // the last nonce served, for this tab (module scope: it outlives page changes)
let leavingSince = 0; // when this document asked for another page (open_url)
let watch = null; // {timer, missing}: the watch while installed
const mounts = new Set(); // the parentElements of the mounted instances

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

function reloadDropped(gapMs) {
  try {
    const last = Number(window.sessionStorage.getItem(RELOADED) || 0);
    if (Date.now() - last < gapMs) return;
    window.sessionStorage.setItem(RELOADED, String(Date.now()));
  } catch {
    // storage refused: reload anyway (the page is blank), the gap is then not kept
  }
  leavingSince = performance.now();
  window.location.reload();
}

function look(gapMs) {
  const leaving = leavingSince && performance.now() - leavingSince < LEAVING_MS;
  watch.missing = !leaving && !document.querySelector(APP) ? watch.missing + 1 : 0;
  if (watch.missing >= 2) reloadDropped(gapMs);
}

function keepWatch(gapMs) {
  if (watch) return;
  watch = { missing: 0 };
  watch.timer = setInterval(() => look(gapMs), WATCH_MS);
}

function scrollOnce(d) {
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
}

/** Serve a request once per nonce: open the address, or scroll to the element. */
function serve(d) {
  if (!d || (!d.target_class && !d.open_url) || d.nonce === done) return;
  done = d.nonce;
  if (d.open_url) {
    leavingSince = performance.now();
    window.location.assign(new URL(d.open_url, document.baseURI).href); // a new page load, as a link would
    return;
  }
  scrollOnce(d);
}

/** @param {{data: ScrollToData, parentElement: Element}} component */
export default function scrollTo(component) {
  const { data, parentElement } = component;
  mounts.add(parentElement);
  if (data) keepWatch(data.reload_gap_ms);
  serve(data);
  return () => {
    // A run that newer data overtook is cleaned up while its element stays on the page: keep watching.
    if (parentElement.isConnected) return;
    mounts.delete(parentElement);
    // the app itself gone (the frontend dropped the page): the watch stays, to load the page again
    if (mounts.size > 0 || !watch || !document.querySelector(APP)) return;
    clearInterval(watch.timer);
    watch = null;
  };
}
