// A student's answers in this browser's localStorage (explainer/ui/components/answer_keeper): one item per
// question, its key the prefix and the question ("<lesson>:<block>"), its value the chosen option's text.  It
// writes the session's changes, each once per tab (by its id), and on a session's first run sends back every
// answer kept (state "kept").  It shows nothing and adds no listener.

/**
 * One change the session made (explainer/ui/components/answer_keeper/__init__.py, AnswerWrite).
 * @typedef {Object} AnswerWrite
 * @property {string} id - applied once per tab: a later run sends it again
 * @property {string} question - "<lesson>:<block>"
 * @property {string} choice - the option's text as the lesson file writes it
 */

/**
 * What to do on this run (AnswerKeeperData).
 * @typedef {Object} AnswerKeeperData
 * @property {string} prefix - the start of every key this component keeps
 * @property {AnswerWrite[]} writes - the session's changes, oldest first
 * @property {string} clear - the id of the session's latest "clear my answers" ("" for none)
 * @property {boolean} ask - send back every answer kept (state "kept")
 */

const applied = new Set(); // the ids of the changes this tab has applied (module scope: once per tab)

function keysWith(storage, prefix) {
  const keys = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key !== null && key.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

function applyChanges(storage, data) {
  if (data.clear && !applied.has(data.clear)) {
    applied.add(data.clear);
    for (const key of keysWith(storage, data.prefix)) storage.removeItem(key);
  }
  for (const write of data.writes) {
    if (applied.has(write.id)) continue;
    applied.add(write.id);
    storage.setItem(data.prefix + write.question, write.choice);
  }
}

function keptAnswers(storage, prefix) {
  const kept = {};
  for (const key of keysWith(storage, prefix)) kept[key.slice(prefix.length)] = storage.getItem(key);
  return kept;
}

/** @param {{data: AnswerKeeperData, setStateValue: function(string, Object): void}} component */
export default function answerKeeper(component) {
  const { data, setStateValue } = component;
  let kept = {};
  try {
    const storage = window.localStorage;
    applyChanges(storage, data);
    if (data.ask) kept = keptAnswers(storage, data.prefix);
  } catch {
    // storage refused (private mode with storage off): the answers last as long as this tab's session
  }
  if (data.ask) setStateValue('kept', kept); // even empty: the page waits for this answer
  return () => {};
}
