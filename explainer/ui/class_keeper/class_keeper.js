// Class mode: keeps the teacher's token in this tab's sessionStorage (never in the address bar, never a
// cookie), so that a reload, or a new server session after a restart, gives the teacher the controls back.
//
// data.keep   {code, token}: this tab is the teacher's: remember it (for this tab only).
// data.forget true: the class ended or the tab left it: forget it.
// data.ask    true: this tab is in no class: send back what it remembers, if anything (state "kept").
// data.seat   {code, seat}: a student's seat.  The browser keeps the first seat it had in this class
//             (localStorage, per class code) and sends it back if this tab got another (state "kept_seat"):
//             a second tab, or the QR code scanned again, is the same student in the same seat.

const KEY = 'ei-class-teacher';

export default function classKeeper(component) {
  const { data, setStateValue } = component;
  const d = data || {};
  try {
    if (d.keep) {
      window.sessionStorage.setItem(KEY, JSON.stringify(d.keep));
    } else if (d.forget) {
      window.sessionStorage.removeItem(KEY);
    } else if (d.seat) {
      const key = `ei-class-seat-${d.seat.code}`;
      const kept = window.localStorage.getItem(key);
      if (!kept) window.localStorage.setItem(key, d.seat.seat);
      else if (kept !== d.seat.seat) setStateValue('kept_seat', kept);
    } else if (d.ask) {
      const kept = window.sessionStorage.getItem(KEY);
      if (kept) setStateValue('kept', kept);
    }
  } catch (e) {
    // sessionStorage refused (private mode with storage off): the teacher link still works as it is
  }
}
