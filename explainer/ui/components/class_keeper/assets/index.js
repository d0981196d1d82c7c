// Class mode (explainer/ui/components/class_keeper): keeps the teacher's token in this tab's sessionStorage
// (never in the address bar, never a cookie), so that a reload, or a new server session after a restart, gives
// the teacher the controls back; and a student's seat per class in localStorage, so that a second tab of the
// same browser (the QR code scanned again) is the same student in the same seat.  It adds no listener.
//
// The teacher link carries the token after "#" (`/classroom#teach=CODE.TOKEN`): a fragment never reaches a
// server, a proxy's log or the page's HTML.  The keeper takes it out of the address bar at once (the history
// entry is replaced, so Back never returns to it) and hands it to Python, which checks it with the store.
//
// A kept seat expires: it is forgotten `lifetime_ms` after it was kept (a class's whole lifetime), and every
// mount clears the expired ones.

/**
 * A teacher's class and token.
 * @typedef {Object} KeptTeacher
 * @property {string} code
 * @property {string} token
 */

/**
 * A student's seat in a class.
 * @typedef {Object} KeptSeat
 * @property {string} code
 * @property {string} seat
 * @property {number} lifetime_ms - how long the browser keeps it
 */

/**
 * One request per run (explainer/ui/components/class_keeper/__init__.py, ClassKeeperData).
 * @typedef {Object} ClassKeeperData
 * @property {KeptTeacher} [keep] - this tab is the teacher's: remember it (for this tab only)
 * @property {boolean} [forget] - the class ended or the tab left it: forget it
 * @property {boolean} [ask] - this tab is in no class: send back a teacher link's token or what it remembers
 *   (state "kept")
 * @property {KeptSeat} [seat] - a student's seat: keep the first one this browser had in the class, and send
 *   it back if this tab got another (state "kept_seat"); offered once per tab, then this tab's seat wins
 * @property {string} [link_key] - the fragment's key of a teacher link ("teach"), on every request
 */

const TEACHER = 'ei-class-teacher';
const SEAT_PREFIX = 'ei-class-seat-';
const OFFERED_PREFIX = 'ei-class-offered-';

/** The teacher link's code and token from the address bar's fragment, taken out of it; or null. */
export function takeTeacherLink(linkKey, location, history) {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const value = params.get(linkKey);
  if (!value) return null;
  history.replaceState(history.state, '', location.pathname + location.search);
  const dot = value.indexOf('.');
  return dot > 0 ? { code: value.slice(0, dot), token: value.slice(dot + 1) } : null;
}

/** The seat kept for a class, or null if none (or it expired: then it is removed). */
export function keptSeat(storage, code, nowMs) {
  const raw = storage.getItem(SEAT_PREFIX + code);
  if (!raw) return null;
  try {
    const kept = JSON.parse(raw);
    if (kept && typeof kept.seat === 'string' && kept.expires_ms > nowMs) return kept.seat;
  } catch {
    // a seat kept by an older version (a bare string) has no expiry: it goes
  }
  storage.removeItem(SEAT_PREFIX + code);
  return null;
}

/** Remove every expired kept seat. */
export function clearExpiredSeats(storage, nowMs) {
  const keys = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key && key.startsWith(SEAT_PREFIX)) keys.push(key.slice(SEAT_PREFIX.length));
  }
  keys.forEach((code) => keptSeat(storage, code, nowMs));
}

function keepSeat(d, setStateValue) {
  const local = window.localStorage;
  const now = Date.now();
  const kept = keptSeat(local, d.code, now);
  const store = () => local.setItem(SEAT_PREFIX + d.code, JSON.stringify({ seat: d.seat, expires_ms: now + d.lifetime_ms }));
  if (!kept) {
    store();
  } else if (kept !== d.seat) {
    const offered = OFFERED_PREFIX + d.code;
    if (window.sessionStorage.getItem(offered) === kept) {
      store(); // offered once and not taken (the teacher removed it): this tab's seat is the browser's now
    } else {
      window.sessionStorage.setItem(offered, kept);
      setStateValue('kept_seat', kept);
    }
  }
}

/** @param {{data: ClassKeeperData, setStateValue: function(string, string): void}} component */
export default function classKeeper(component) {
  const { data, setStateValue } = component;
  const d = data || {};
  try {
    clearExpiredSeats(window.localStorage, Date.now());
    if (d.keep) {
      window.sessionStorage.setItem(TEACHER, JSON.stringify(d.keep));
    } else if (d.forget) {
      window.sessionStorage.removeItem(TEACHER);
    } else if (d.seat) {
      keepSeat(d.seat, setStateValue);
    } else if (d.ask) {
      const linked = takeTeacherLink(d.link_key, window.location, window.history);
      // kept at once, for this tab's reloads: the link is gone from the address bar (the store checks it anyway)
      if (linked) window.sessionStorage.setItem(TEACHER, JSON.stringify(linked));
      const kept = window.sessionStorage.getItem(TEACHER);
      if (kept) setStateValue('kept', kept);
    }
  } catch {
    // storage refused (private mode with storage off): the teacher link still works as it is
  }
  return () => {};
}
