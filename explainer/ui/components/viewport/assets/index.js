// Measures the page's main column and tells the server whether it is narrow (state "narrow"), so that the
// static charts stack their panels on a narrow screen whatever the device (explainer/ui/components/viewport).
// It shows nothing.  One observer per tab, while the component is mounted.
//
// Once the server lays out for the width measured, <html data-ei-layout="narrow|wide"> says so (the browser
// tests wait for it before they measure the charts).

/**
 * @typedef {Object} ViewportData
 * @property {boolean} narrow - what the server lays out for now
 * @property {number} narrow_below_px - the width below which the main column counts as narrow
 */

const MAIN = "[data-testid='stMainBlockContainer']";

let latest = null; // {data, setStateValue} of the latest run: every mounted instance is the same page's
let sent = null; // the last value the server has been sent, or laid out for
let observer = null;
const mounts = new Set(); // the parentElements of the mounted instances

function check(width) {
  const narrow = width > 0 && width < latest.data.narrow_below_px;
  if (narrow !== sent) {
    sent = narrow;
    latest.setStateValue('narrow', narrow);
  }
  const root = document.documentElement;
  if (narrow === latest.data.narrow) root.dataset.eiLayout = narrow ? 'narrow' : 'wide';
  else delete root.dataset.eiLayout;
}

/** @param {{data: ViewportData, parentElement: Element, setStateValue: Function}} component */
export default function viewport(component) {
  const { data, parentElement, setStateValue } = component;
  latest = { data, setStateValue };
  sent = data.narrow;
  mounts.add(parentElement);
  const main = document.querySelector(MAIN);
  if (main && !observer) {
    observer = new ResizeObserver((entries) => check(entries[entries.length - 1].contentRect.width));
    observer.observe(main);
  }
  if (main) check(main.getBoundingClientRect().width);
  return () => {
    // A run that newer data overtook is cleaned up while its element stays on the page: keep measuring.
    if (parentElement.isConnected) return;
    mounts.delete(parentElement);
    if (mounts.size === 0 && observer) {
      observer.disconnect();
      observer = null;
      delete document.documentElement.dataset.eiLayout;
    }
  };
}
