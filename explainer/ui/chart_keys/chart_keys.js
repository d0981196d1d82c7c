// Keyboard access to every static chart's toolbar (Plotly's "modebar": save as PNG, and the like).
//
// Plotly draws the toolbar's buttons as <a> elements without href or tabindex, shown only while the mouse
// is over the chart, so a keyboard cannot reach "Download plot as a png".  Installed once per tab, this
// gives each button tabindex="0", role="button" and a name (chart_keys.css shows the toolbar while one
// of its buttons has focus), and presses the button on Enter or Space.  New charts are picked up as they
// appear.  (The animated views have their own keyboard controls: explainer/ui/animated_view.)

function enable() {
  document.querySelectorAll('.js-plotly-plot .modebar-btn:not([tabindex])').forEach((a) => {
    a.setAttribute('tabindex', '0');
    a.setAttribute('role', 'button');
    if (!a.getAttribute('aria-label')) a.setAttribute('aria-label', a.getAttribute('data-title') || 'Chart tool');
  });
}

function install() {
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

export default function chartKeys() {
  if (!window.eiChartKeys) {
    window.eiChartKeys = true;
    install();
  }
}
