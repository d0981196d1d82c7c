// Where a page opens (explainer/ui/components/anchor_keeper): at its top, or at the heading its link names.
//
// A new page opens at its top.  Streamlit changes pages inside the tab (menu, next-page button, clicker): the
// same scrolling element, stMain, holds the old page and then the new one, and Streamlit never resets its
// scroll, so the new page kept the old one's scroll position whenever the old page was still tall when the new
// one had grown (most tries from a page scrolled down).  So when the address's path changes, the main area goes
// back to its top, at the first change of the page after it (before the new page is drawn).
//
// A link to a heading (glossary#conductance) lands on it and keeps it in view while the page settles.
// Streamlit scrolls the heading into view when it is drawn; the page then goes on changing above it for a
// moment, so this scrolls it back whenever the page's size changes, during the first `settle_ms` after the page
// opened, until the reader scrolls, clicks or types.  Once per tab and link: a rerun changes nothing, and a
// reader who has moved on is never pulled back.

/**
 * The component's data (explainer/ui/components/anchor_keeper/__init__.py, AnchorKeeperData).
 * @typedef {Object} AnchorKeeperData
 * @property {number} settle_ms - how long after the page opened the heading a link names is kept in view
 */

const PAGE = "[data-testid='stMainBlockContainer']";
const MAIN = "[data-testid='stMain']"; // the element Streamlit scrolls
const READER_MOVES = ['wheel', 'touchstart', 'keydown', 'pointerdown'];

let handled = null; // the address whose anchor this tab has kept in view (or is keeping)
let keeping = null; // {observer, stop} while the heading is kept in view
const mounts = new Set(); // the parentElements of the mounted instances
let shownPath = null; // the path of the page this tab shows (kept across instances: a page change remounts them)
let watching = null; // the observer that notices a new page while mounted

// A new page (another path, without a heading to land on): the main area goes back to its top.
function toTopOfNewPage() {
  const path = window.location.pathname;
  if (path === shownPath) return;
  const first = shownPath === null; // the tab's first page: the browser opened it at its top
  shownPath = path;
  if (first || window.location.hash) return;
  const main = document.querySelector(MAIN);
  if (main) main.scrollTop = 0;
}

function stop() {
  if (!keeping) return;
  keeping.observer.disconnect();
  READER_MOVES.forEach((type) => window.removeEventListener(type, stop, true));
  clearTimeout(keeping.timer);
  keeping = null;
}

function bringIntoView(id) {
  const target = document.getElementById(id);
  if (target) target.scrollIntoView({ block: 'start' });
}

function keep(id, page, settleMs) {
  const observer = new ResizeObserver(() => bringIntoView(id));
  observer.observe(page);
  keeping = { observer, timer: setTimeout(stop, settleMs) };
  READER_MOVES.forEach((type) => window.addEventListener(type, stop, { capture: true, passive: true }));
  bringIntoView(id);
}

/** @param {{data: AnchorKeeperData, parentElement: Element}} component */
export default function anchorKeeper(component) {
  const { data, parentElement } = component;
  mounts.add(parentElement);
  toTopOfNewPage();
  if (!watching) {
    watching = new MutationObserver(toTopOfNewPage);
    watching.observe(document.body, { childList: true, subtree: true });
  }
  const id = decodeURIComponent(window.location.hash.slice(1));
  const page = document.querySelector(PAGE);
  const address = window.location.pathname + window.location.hash;
  const sinceOpenedMs = performance.now();
  if (id && page && handled !== address && sinceOpenedMs < data.settle_ms) {
    handled = address;
    keep(id, page, data.settle_ms - sinceOpenedMs);
  }
  return () => {
    // A run that newer data overtook is cleaned up while its element stays on the page: keep going.
    if (parentElement.isConnected) return;
    mounts.delete(parentElement);
    if (mounts.size > 0) return;
    stop();
    watching.disconnect();
    watching = null;
  };
}
