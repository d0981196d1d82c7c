// The notice shown while the server cannot be reached, and "Connected again" when it is back
// (explainer/ui/connection.py passes the texts, the style sheet's text, the notice's id and its colours).
(function () {
  // Arguments: the JSON data element explainer/ui/browser/__init__.py puts just before this script.
  const data = document.currentScript ? document.currentScript.previousElementSibling : null;
  const args = data && data.type === 'application/json' ? JSON.parse(data.textContent) : null;
  if (!Array.isArray(args)) return;
  const [texts, css, noticeId, colours] = args;
  // Once per browser tab: reruns and page changes may mount this element again.
  if (window.eiConnectionNoticeShown) return;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return;
  window.eiConnectionNoticeShown = true;
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
  // The live region exists (empty) from the start, so screen readers announce what is put into it.
  const box = document.createElement('div');
  box.id = noticeId;
  for (const [name, value] of Object.entries(colours)) box.style.setProperty(`--ei-${name}`, value);
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
