// Put a corrected value in the address bar once the script run has finished (Streamlit drops the link's
// unusable value from the URL while the run is drawn).  Called by explainer/ui/widgets.py with our own key
// and value.
(function () {
  // Arguments: the JSON data element explainer/ui/browser/__init__.py puts just before this script.
  const data = document.currentScript ? document.currentScript.previousElementSibling : null;
  const args = data && data.type === 'application/json' ? JSON.parse(data.textContent) : null;
  if (!Array.isArray(args)) return;
  const [key, value] = args;
  let tries = 0;
  (function put() {
    const app = document.querySelector('[data-testid=stApp]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') {
      if (++tries < 200) setTimeout(put, 50);
      return;
    }
    const url = new URL(window.location.href);
    if (url.searchParams.get(key) === value) return;
    url.searchParams.set(key, value);
    window.history.replaceState(window.history.state, '', url.toString());
  })();
})();
