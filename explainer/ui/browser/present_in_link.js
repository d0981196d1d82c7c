// Write presenter mode into the address bar as present=true or present=false (a link may say 1, yes, on...),
// so that a copied link says plainly what it does.  Called by explainer/ui/presenter.py.
window.eiPresentInLink = function (value) {
  const url = new URL(window.location.href);
  url.searchParams.set('present', value);
  window.history.replaceState(window.history.state, '', url.toString());
};
