// Measures the page's main column and tells the server whether it is narrow (state "narrow"), so that the
// static charts stack their panels on a narrow screen whatever the device.  It shows nothing.
//
// data.narrow           what the server lays out for now
// data.narrow_below_px  the width below which the column counts as narrow
//
// Once the server lays out for the width measured, <html data-ei-layout="narrow|wide"> says so (tests wait
// for it before they measure the charts).

const MAIN = "[data-testid='stMainBlockContainer']";

let observer = null; // one per tab, on the main column
let sent = null; // the last value sent (or known to the server)
let below = 0;
let send = () => {};

let laidOut = null; // what the server's last run laid out for

function check(width) {
  const narrow = width > 0 && width < below;
  if (narrow !== sent) {
    sent = narrow;
    send(narrow);
  }
  if (narrow === laidOut) document.documentElement.dataset.eiLayout = narrow ? 'narrow' : 'wide';
  else delete document.documentElement.dataset.eiLayout;
}

export default function viewport(component) {
  const { data, setStateValue } = component;
  below = Number(data.narrow_below_px) || 0;
  sent = Boolean(data.narrow);
  laidOut = sent;
  send = (narrow) => setStateValue('narrow', narrow);
  const main = document.querySelector(MAIN);
  if (!main) return undefined;
  if (!observer) {
    observer = new ResizeObserver((entries) => check(entries[entries.length - 1].contentRect.width));
    observer.observe(main);
  }
  check(main.getBoundingClientRect().width);
  return () => {
    if (observer) observer.disconnect();
    observer = null;
  };
}
