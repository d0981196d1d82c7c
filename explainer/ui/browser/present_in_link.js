// Write presenter mode into the address bar as present=true or present=false (a link may say 1, yes, on...),
// so that a copied link says plainly what it does.  Called by explainer/ui/presenter.py.
(function () {
  // Arguments: the JSON data element explainer/ui/browser/__init__.py puts just before this script.
  const data = document.currentScript ? document.currentScript.previousElementSibling : null;
  const args = data && data.type === 'application/json' ? JSON.parse(data.textContent) : null;
  if (!Array.isArray(args)) return;
  const [value] = args;
  const url = new URL(window.location.href);
  url.searchParams.set('present', value);
  window.history.replaceState(window.history.state, '', url.toString());
})();
