// Page-wide keys (explainer/ui/components/page_keys), installed once per tab while the component is mounted.
//
// 1. Presenter mode: a presentation clicker runs the page, whatever has the focus (a slider, the animation's
//    time scrubber, a toggle in the folded sidebar).  The listener sits on window in the capture phase, before
//    any widget sees the key.  PageDown / PageUp step through the page's sequence (steps.js: each question, each
//    experiment on the page, brought to the top of the screen), then press the page's own next / previous
//    buttons.  "." or "b" (what clickers send for "blank screen") press the next action of the step at the top
//    of the screen (Run the experiment; a teacher's class-mode buttons), unless the focus is in a text field.
//    A page PageUp opens is held at its last step while it draws and settles (so a clicker walks a lesson
//    backwards: the previous page's last question, not its top); PageDown's page opens at its top
//    (anchor_keeper).  Any key, scroll or click lets go of the page at once.
//    Presenter mode switched on folds an open sidebar away, and leaving it opens what it folded: Streamlit's
//    initial_sidebar_state gives way to the reader's own last choice, which the browser keeps, so a teacher who
//    had once opened the sidebar by hand kept it open over the projected page.
//
// 2. Keyboard access to every static chart's toolbar (Plotly's "modebar": save as PNG, and the like).
//    Plotly draws the toolbar's buttons as <a> elements without href or tabindex, shown only while the mouse
//    is over the chart, so a keyboard cannot reach "Download plot as a png".  This gives each button
//    tabindex="0", role="button" and a name (style.css shows the toolbar while one of its buttons has focus),
//    and presses the button on Enter or Space.  New charts are picked up as they appear.  (The animated views
//    have their own keyboard controls.)
//
// 3. The keyboard focus survives a rerun that removes the focused element: the lesson's "Run the experiment"
//    button goes once pressed, and the focus would drop to the page's top (Tab would start over from the
//    sidebar).  It moves to the nearest part of the page around it that is still there (the prediction's box),
//    so the next Tab reaches the experiment below.
//
// 4. The menu's sections are lists a screen reader can read: Streamlit 1.67 draws a sectioned menu as one <ul>
//    holding the first page's <li> and, per section, a <div> with its heading and its <li>s, which is no list
//    at all (axe: "list", "listitem").  Each section becomes a list named by its heading, the pages above the
//    first section stand on their own, and the outer <ul> is only a frame.  Only ARIA roles are set; the
//    elements stay Streamlit's.
//
// Which elements are the page's buttons, steps and actions comes from Python as data (explainer/ui/dom.py).

import { performAction, stepBack, stepForward, toLastStep } from './steps.js';

/**
 * The component's data (explainer/ui/components/page_keys/__init__.py, PageKeysData).
 * @typedef {Object} PageKeysData
 * @property {boolean} presenting - the clicker's keys step through the page and turn it
 * @property {string} focus - the focus ring's colour
 * @property {string} chart_tool - the name of a chart toolbar's button that has none
 * @property {string} next_class - the class of the next-page button's element
 * @property {string} prev_class - the class of the previous-page button's element
 * @property {string} step_class - the start of the class of every step's container
 * @property {string} action_class - the start of the class of every step's next-action button
 * @property {number} settle_ms - how long a page opened backwards (PageUp) is held at its last step while it settles
 */

const TOOL = '.js-plotly-plot .modebar-btn';
const ACTION_KEYS = new Set(['.', 'b']); // what clickers send for "blank screen"
const APP = "[data-testid='stApp']";
const TURN_MS = 60000; // a page turn that has not changed the address by then never will (a busy server: 60 s)
const HOLD_MAX_MS = 30000; // the longest a page is held at its end, however long its script keeps running
const READER_MOVES = ['wheel', 'touchstart', 'pointerdown'];
const SIDEBAR = "[data-testid='stSidebar']";
const COLLAPSE = "[data-testid='stSidebarCollapseButton'] button";
const EXPAND = "[data-testid='stExpandSidebarButton']"; // in the header, hidden (not gone) in presenter mode

/** @type {PageKeysData | null} */
let settings = null; // the latest data: every mounted instance is the same page's
const mounts = new Set(); // the parentElements of the mounted instances
let installed = null; // what install() set up, for uninstall()

let folded = false; // presenter mode folded the sidebar away: leaving it opens it again

// Streamlit's own controls, clicked as a reader would (each toggles the sidebar, so only from the state it undoes).
function fitSidebar(presenting) {
  const sidebar = document.querySelector(SIDEBAR);
  if (!sidebar) return;
  const open = sidebar.getAttribute('data-collapsed') === 'false';
  if (presenting && open) {
    const collapse = document.querySelector(COLLAPSE);
    if (collapse) {
      collapse.click();
      folded = true;
    }
  } else if (!presenting && folded) {
    folded = false;
    const expand = document.querySelector(EXPAND);
    if (!open && expand) (expand.matches('button') ? expand : expand.querySelector('button') || expand).click();
  }
}

function enable() {
  document.querySelectorAll(`${TOOL}:not([tabindex])`).forEach((a) => {
    a.setAttribute('tabindex', '0');
    a.setAttribute('role', 'button');
    if (!a.getAttribute('aria-label')) a.setAttribute('aria-label', a.getAttribute('data-title') || settings.chart_tool);
  });
}

// A key typed into a text field is the field's ("." in a number, "b" in a word).
function typing(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && !['radio', 'checkbox', 'range', 'button', 'submit'].includes(target.type);
}

// PageUp turned the page back: {from, since, opened, frame} until the page it opened has settled at its last step.
let backwards = null;

function letGo() {
  if (!backwards) return;
  cancelAnimationFrame(backwards.frame);
  READER_MOVES.forEach((type) => window.removeEventListener(type, letGo, true));
  backwards = null;
}

// Once a frame: the previous page, once the address names it, is brought to its last step (again as its parts
// draw), for `settle_ms` after it opened and as long as its script runs (at most HOLD_MAX_MS).
function holdAtEnd() {
  const b = backwards;
  const now = performance.now();
  if (window.location.pathname === b.from) {
    if (now - b.since > TURN_MS) return letGo();
  } else {
    if (!b.opened) b.opened = now;
    const running = document.querySelector(APP)?.getAttribute('data-test-script-state') === 'running';
    if (now - b.opened > HOLD_MAX_MS || (!running && now - b.opened > settings.settle_ms)) return letGo();
    toLastStep(settings.step_class);
  }
  b.frame = requestAnimationFrame(holdAtEnd);
  return undefined;
}

function openAtEnd() {
  letGo();
  backwards = { from: window.location.pathname, since: performance.now(), opened: 0, frame: 0 };
  READER_MOVES.forEach((type) => window.addEventListener(type, letGo, { capture: true, passive: true }));
  backwards.frame = requestAnimationFrame(holdAtEnd);
}

function pageTurn(forward) {
  if (forward ? stepForward(settings.step_class) : stepBack(settings.step_class)) return true;
  const button = document.querySelector(`.${forward ? settings.next_class : settings.prev_class} button`);
  if (!button || button.disabled) return false;
  if (!forward) openAtEnd();
  button.click();
  return true;
}

function onClickerKey(e) {
  letGo(); // a key of the reader's: the page they are on stays where it is
  if (!settings.presenting || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  let done = false;
  if (e.key === 'PageDown' || e.key === 'PageUp') done = pageTurn(e.key === 'PageDown');
  else if (ACTION_KEYS.has(e.key) && !typing(e.target)) done = performAction(settings.step_class, settings.action_class);
  if (!done) return;
  e.preventDefault();
  e.stopImmediatePropagation();
}

// The focused element and its ancestors, innermost first, while it has the focus (reruns may remove it).
let focusTrail = [];

function onFocusIn(e) {
  const trail = [];
  for (let el = e.target instanceof Element ? e.target : null; el && el !== document.body; el = el.parentElement) {
    trail.push(el);
  }
  focusTrail = trail;
}

// A click elsewhere moves the reader on: nothing to keep.  (A blur alone does not: a button a rerun disables
// loses the focus first, and goes only when the run ends.)
function onPointerDown(e) {
  if (focusTrail.length && !(e.target instanceof Node && focusTrail[0].contains(e.target))) focusTrail = [];
}

// After the page changed: if the focused element is gone and the focus with it, focus what is left around it.
function keepFocus() {
  if (!focusTrail.length || focusTrail[0].isConnected) return;
  const trail = focusTrail;
  focusTrail = [];
  if (document.activeElement && document.activeElement !== document.body) return;
  const kept = trail.find((el) => el.isConnected);
  if (!kept) return;
  if (!kept.hasAttribute('tabindex')) kept.setAttribute('tabindex', '-1');
  kept.focus({ preventScroll: true });
}

const NAV_ITEMS = "[data-testid='stSidebarNavItems']";
const NAV_HEADING = "[data-testid='stNavSectionHeader']";

function menuRoles() {
  const items = document.querySelector(NAV_ITEMS);
  if (!items || !items.querySelector(':scope > div')) return; // no sections: Streamlit's list is a list
  items.setAttribute('role', 'none');
  for (const child of items.children) {
    const heading = child.querySelector(`:scope > ${NAV_HEADING}`);
    if (child.tagName === 'LI' || !heading) {
      child.setAttribute('role', 'none');
      continue;
    }
    child.setAttribute('role', 'list');
    const title = heading.querySelector("[data-testid='stMarkdownContainer']") || heading; // not its icon's name
    child.setAttribute('aria-label', title.textContent.trim());
    heading.setAttribute('role', 'none');
  }
}

function onToolKey(e) {
  const button = e.target instanceof Element && e.target.closest(TOOL);
  if (!button || (e.key !== 'Enter' && e.key !== ' ')) return;
  e.preventDefault();
  button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
}

function install() {
  const listening = new AbortController();
  window.addEventListener('keydown', onClickerKey, { capture: true, signal: listening.signal });
  document.addEventListener('keydown', onToolKey, { signal: listening.signal });
  document.addEventListener('focusin', onFocusIn, { signal: listening.signal });
  document.addEventListener('pointerdown', onPointerDown, { capture: true, signal: listening.signal });
  const state = { listening, frame: 0 };
  // at most one pass per animation frame, however much the page changes
  state.observer = new MutationObserver(() => {
    if (state.frame) return;
    state.frame = requestAnimationFrame(() => {
      state.frame = 0;
      enable();
      keepFocus();
      menuRoles();
    });
  });
  state.observer.observe(document.body, { childList: true, subtree: true });
  enable();
  menuRoles();
  return state;
}

function uninstall(state) {
  letGo();
  state.listening.abort();
  focusTrail = [];
  state.observer.disconnect();
  cancelAnimationFrame(state.frame);
}

/** @param {{data: PageKeysData, parentElement: Element}} component */
export default function pageKeys(component) {
  const { data, parentElement } = component;
  settings = data;
  fitSidebar(data.presenting);
  if (data.focus) document.documentElement.style.setProperty('--ei-focus', data.focus);
  mounts.add(parentElement);
  if (!installed) installed = install();
  return () => {
    // A run that newer data overtook is cleaned up while its element stays on the page: keep the keys.
    if (parentElement.isConnected) return;
    mounts.delete(parentElement);
    if (mounts.size === 0 && installed) {
      uninstall(installed);
      installed = null;
    }
  };
}
