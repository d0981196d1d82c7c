// Page-wide keys, installed once per tab.
//
// 1. Presenter mode: PageDown / PageUp (what a presentation clicker sends) turn the page, whatever has the
//    focus: a slider, the animation's time scrubber, a toggle in the folded sidebar.  The listener sits on
//    window in the capture phase, before any widget sees the key, and presses the page's own
//    next / previous buttons (keys step_next, step_prev).
//
//    A teacher presenting a class steps through the page's questions first (see questionToShow).
//
// 2. Keyboard access to every static chart's toolbar (Plotly's "modebar": save as PNG, and the like).
//
// Plotly draws the toolbar's buttons as <a> elements without href or tabindex, shown only while the mouse
// is over the chart, so a keyboard cannot reach "Download plot as a png".  Installed once per tab, this
// gives each button tabindex="0", role="button" and a name (page_keys.css shows the toolbar while one
// of its buttons has focus), and presses the button on Enter or Space.  New charts are picked up as they
// appear.  (The animated views have their own keyboard controls: explainer/ui/animated_view.)

let chartTool = ''; // the fallback name of a toolbar button (content/words/ui.toml, sent as data)

function enable() {
  document.querySelectorAll('.js-plotly-plot .modebar-btn:not([tabindex])').forEach((a) => {
    a.setAttribute('tabindex', '0');
    a.setAttribute('role', 'button');
    if (!a.getAttribute('aria-label')) a.setAttribute('aria-label', a.getAttribute('data-title') || chartTool);
  });
}

// A teacher presenting a class: the clicker first steps through the page's questions (each one's tally and
// Reveal button brought to the top of the screen), and turns the page after the last one.
const QUESTION = "[class*='st-key-ei_q_']";
const MARGIN_PX = 8;
const IN_VIEW_FRACTION = 0.5; // a question starting in the upper half of the screen is in view

function questionToShow(forward) {
  const tops = [...document.querySelectorAll(QUESTION)].map((el) => [el, el.getBoundingClientRect().top]);
  if (forward) {
    // the next question that starts below the upper part of the screen (one already up there is in view)
    const next = tops.find(([, top]) => top > window.innerHeight * IN_VIEW_FRACTION);
    return next && next[0];
  }
  const before = tops.filter(([, top]) => top < -MARGIN_PX);
  return before.length ? before[before.length - 1][0] : null;
}

function onClickerKey(e) {
  if (!window.eiPresenting || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  if (e.key !== 'PageDown' && e.key !== 'PageUp') return;
  const question = window.eiClassTeacher && questionToShow(e.key === 'PageDown');
  if (question) {
    e.preventDefault();
    e.stopImmediatePropagation();
    question.scrollIntoView({ block: 'start' });
    return;
  }
  const button = document.querySelector(`.st-key-${e.key === 'PageDown' ? 'step_next' : 'step_prev'} button`);
  if (!button || button.disabled) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  button.click();
}

function install() {
  window.addEventListener('keydown', onClickerKey, true);
  document.addEventListener('keydown', (e) => {
    const button = e.target instanceof Element && e.target.closest('.js-plotly-plot .modebar-btn');
    if (!button || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
  let pending = false; // at most one pass per animation frame, however much the page changes
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      enable();
    });
  }).observe(document.body, { childList: true, subtree: true });
  enable();
}

export default function pageKeys(component) {
  const data = (component && component.data) || {};
  window.eiPresenting = Boolean(data.presenting);
  window.eiClassTeacher = Boolean(data.class_teacher);
  chartTool = String(data.chart_tool || '');
  if (data.focus) document.documentElement.style.setProperty('--ei-focus', data.focus);
  if (!window.eiPageKeys) {
    window.eiPageKeys = true;
    install();
  }
}
