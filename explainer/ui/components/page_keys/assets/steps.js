// The steps of a page's sequence, for a presenter's clicker (explainer/ui/components/page_keys).
//
// A step is a container whose class starts with `step_class` (explainer/ui/dom.py, step_key): each question,
// each experiment on the page.  Forward brings the next step below the top of the screen up to it (its top, with
// its heading, just under Streamlit's header if one shows), backward the one above; a step still held back is
// not on the page and so never reached.  A step taller than the screen is shown to its end before the next one.
// When no step is left the caller turns the page; a page turned backwards opens at its last step (toLastStep).
//
// The step at the top of the screen has a next action: the first enabled button inside it whose element's class
// starts with `action_class` (dom.py, action_key): "Run the experiment", or a teacher's class-mode buttons.

const MARGIN_PX = 8; // the space kept above a step brought to the top
const SLACK_PX = 4; // a step this close to the top line is at the top
const OVERLAP_PX = 48; // what a step's next screen keeps of the one before, so the reader keeps their place
const HEADER = "[data-testid='stHeader']";
const MAIN = "[data-testid='stMain']";

// The step the clicker last brought up, and where: near the page's end it stops short of the top; while it
// stays there (the reader has not scrolled), the next press goes on to the step after it.  Known by its classes:
// a rerun may draw the same step in a new element.
let shown = { name: '', top: 0 };

// Where a step's top goes: under Streamlit's header when the header shows (presenter mode hides it).
function topLine() {
  const header = document.querySelector(HEADER);
  const shown = header && getComputedStyle(header).display !== 'none';
  return (shown ? Math.max(0, header.getBoundingClientRect().bottom) : 0) + MARGIN_PX;
}

/** The steps drawn on the page (not hidden), in page order, with their names (their key's class) and boxes. */
function stepsOnPage(stepClass) {
  return [...document.querySelectorAll(`[class*='${stepClass}']`)]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => ({ el, name: [...el.classList].find((c) => c.startsWith(stepClass)), box: el.getBoundingClientRect() }));
}

function bringToTop({ el, name }, line) {
  el.style.scrollMarginTop = `${line}px`;
  el.scrollIntoView({ block: 'start' });
  shown = { name, top: el.getBoundingClientRect().top };
}

function stillShown({ name, box }) {
  return name === shown.name && Math.abs(box.top - shown.top) < 2;
}

function scroller() {
  return document.querySelector(MAIN) || document.scrollingElement;
}

/** The step at the top of the screen: the one across the top line, else the first one on the screen. */
export function currentStep(stepClass) {
  const line = topLine();
  const steps = stepsOnPage(stepClass);
  const across = steps.find(({ box }) => box.top <= line + SLACK_PX && box.bottom > line + SLACK_PX);
  if (across) return across.el;
  const shown = steps.find(({ box }) => box.top > line && box.top < window.innerHeight);
  return shown ? shown.el : null;
}

/** Show the rest of the step across the top line if it goes on below the screen; true if the page moved. */
function restOfStep(steps, line) {
  const across = steps.find(({ box }) => box.top <= line + SLACK_PX && box.bottom > line + SLACK_PX);
  if (!across || across.box.bottom <= window.innerHeight + SLACK_PX) return false;
  const next = steps.find(({ box }) => box.top > line + SLACK_PX);
  const page = window.innerHeight - line - OVERLAP_PX;
  const by = Math.min(page, across.box.bottom - window.innerHeight + MARGIN_PX, next ? next.box.top - line : page);
  const main = scroller();
  const before = main.scrollTop;
  main.scrollBy({ top: by });
  return main.scrollTop !== before;
}

/** Bring the next step to the top; false when none is left below (or the page cannot scroll to it). */
export function stepForward(stepClass) {
  const line = topLine();
  const steps = stepsOnPage(stepClass);
  if (restOfStep(steps, line)) return true;
  const next = steps.find((step) => step.box.top > line + SLACK_PX && !stillShown(step));
  if (!next) return false;
  bringToTop(next, line);
  // at the page's end every step below is on the screen already: the page cannot bring this one up
  return next.el.getBoundingClientRect().top < next.box.top - 1;
}

/** Bring the previous step to the top, or the page's top above the first; false when already there. */
export function stepBack(stepClass) {
  const line = topLine();
  const above = stepsOnPage(stepClass).filter(({ box }) => box.top < line - SLACK_PX);
  if (above.length) {
    bringToTop(above[above.length - 1], line);
    return true;
  }
  const main = scroller();
  if (main.scrollTop <= 0) return false;
  main.scrollTo({ top: 0 });
  return true;
}

/** Bring the page's last step drawn to the top (as far as the page scrolls); false if there is none or it is
 * there already. */
export function toLastStep(stepClass) {
  const steps = stepsOnPage(stepClass);
  if (!steps.length) return false;
  const line = topLine();
  const last = steps[steps.length - 1];
  if (Math.abs(last.box.top - line) <= SLACK_PX) return false;
  bringToTop(last, line);
  return true;
}

/** Press the current step's next action; false if it has none (then nothing happens). */
export function performAction(stepClass, actionClass) {
  const step = currentStep(stepClass);
  if (!step) return false;
  const button = [...step.querySelectorAll(`[class*='${actionClass}'] button`)].find(
    (b) => !b.disabled && b.getClientRects().length > 0,
  );
  if (!button) return false;
  button.click();
  return true;
}
