// Class mode (explainer/ui/components/class_keeper): keeps the teacher's token in this tab's sessionStorage
// (never in the address bar, never a cookie), so that a reload, or a new server session after a restart, gives
// the teacher the controls back; and a student's seat per class in localStorage, so that a second tab of the
// same browser (the QR code scanned again) is the same student in the same seat.  It adds no listener.

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
 */

/**
 * One request per run (explainer/ui/components/class_keeper/__init__.py, ClassKeeperData).
 * @typedef {Object} ClassKeeperData
 * @property {KeptTeacher} [keep] - this tab is the teacher's: remember it (for this tab only)
 * @property {boolean} [forget] - the class ended or the tab left it: forget it
 * @property {boolean} [ask] - this tab is in no class: send back what it remembers (state "kept")
 * @property {KeptSeat} [seat] - a student's seat: keep the first one this browser had in the class, and send
 *   it back if this tab got another (state "kept_seat")
 */

const TEACHER = 'ei-class-teacher';
const SEAT_PREFIX = 'ei-class-seat-';

/** @param {{data: ClassKeeperData, setStateValue: function(string, string): void}} component */
export default function classKeeper(component) {
  const { data, setStateValue } = component;
  const d = data || {};
  try {
    if (d.keep) {
      window.sessionStorage.setItem(TEACHER, JSON.stringify(d.keep));
    } else if (d.forget) {
      window.sessionStorage.removeItem(TEACHER);
    } else if (d.seat) {
      const key = SEAT_PREFIX + d.seat.code;
      const kept = window.localStorage.getItem(key);
      if (!kept) window.localStorage.setItem(key, d.seat.seat);
      else if (kept !== d.seat.seat) setStateValue('kept_seat', kept);
    } else if (d.ask) {
      const kept = window.sessionStorage.getItem(TEACHER);
      if (kept) setStateValue('kept', kept);
    }
  } catch {
    // storage refused (private mode with storage off): the teacher link still works as it is
  }
  return () => {};
}
