// The one set of controls under a view: Play/Pause, speed, time scrubber, sound, copy link, save image.
// Real buttons and a native range input: Tab reaches each, Enter/Space press, arrows/Home/End scrub.

import { fill, num } from './geometry.js';
import { slowdown } from './timing.js';

export const SPEEDS = [0.5, 1, 2];
const SCRUB_STEP_MS = 10;

function button(parent, action, text, extra = {}) {
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.action = action;
  b.textContent = text;
  for (const [k, v] of Object.entries(extra)) b.setAttribute(k, v);
  parent.appendChild(b);
  return b;
}

export class Controls {
  // `signal` removes the controls' listeners (an AbortSignal: the view's, aborted when it goes).
  constructor(parent, handlers, signal) {
    this.handlers = handlers;
    this.box = document.createElement('div');
    this.box.className = 'ei-controls';
    this.box.setAttribute('role', 'group');
    parent.appendChild(this.box);
    this.play = button(this.box, 'play-pause', '');
    this.speedBox = document.createElement('div');
    this.speedBox.className = 'ei-speeds';
    this.speedBox.setAttribute('role', 'group');
    this.speedLabel = document.createElement('span');
    this.speedLabel.className = 'ei-speed-label';
    this.speedBox.appendChild(this.speedLabel);
    this.speedButtons = SPEEDS.map((v) => {
      const b = button(this.speedBox, 'speed', '', { 'aria-pressed': 'false' });
      b.dataset.speed = String(v);
      return b;
    });
    this.box.appendChild(this.speedBox);
    const scrubLabel = document.createElement('label');
    scrubLabel.className = 'ei-scrub';
    this.scrubText = document.createElement('span');
    this.scrub = document.createElement('input');
    this.scrub.type = 'range';
    this.scrub.min = '0';
    this.scrub.step = String(SCRUB_STEP_MS);
    this.scrub.dataset.action = 'scrub';
    this.out = document.createElement('output');
    this.out.setAttribute('aria-hidden', 'true');
    scrubLabel.append(this.scrubText, this.scrub, this.out);
    this.box.appendChild(scrubLabel);
    this.listen = button(this.box, 'listen', '', { 'aria-pressed': 'false' });
    this.copy = button(this.box, 'copy', '');
    this.save = button(this.box, 'save', '');
    this.status = document.createElement('span');
    this.status.className = 'ei-status';
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.box.appendChild(this.status);

    this.box.addEventListener('click', (e) => {
      const b = e.target instanceof Element && e.target.closest('button[data-action]');
      if (!b) return;
      if (b.dataset.action === 'speed') handlers.speed(Number(b.dataset.speed));
      else handlers[b.dataset.action === 'play-pause' ? 'toggle' : b.dataset.action]();
    }, { signal });
    this.scrub.addEventListener('input', () => handlers.seek(Number(this.scrub.value)), { signal });
    this.lastShownMs = null;
  }

  // `playRate`: simulated ms per wall-clock ms at 1x; each speed is named by how much slower than real time it is.
  // `lang`: the page's language, which the numbers are written in.
  setWords(words, durationMs, withSound, playRate, lang) {
    this.words = words;
    this.lang = lang;
    this.box.setAttribute('aria-label', words.group);
    this.speedBox.setAttribute('aria-label', words.speed);
    this.speedLabel.textContent = words.speed;
    this.speedButtons.forEach((b) => {
      const times = slowdown(playRate, Number(b.dataset.speed));
      const slow = num(times, Number.isInteger(times) ? 0 : 1, lang);
      b.textContent = fill(words.speed_option, { slow });
      b.setAttribute('aria-label', fill(words.speed_aria, { slow }));
    });
    this.scrubText.textContent = words.time;
    this.scrub.setAttribute('aria-label', words.time_aria);
    this.scrub.max = String(durationMs);
    this.listen.textContent = words.listen;
    this.listen.setAttribute('aria-label', words.listen_aria);
    this.listen.hidden = !withSound;
    this.copy.textContent = words.copy;
    if (this.linkField) this.linkField.hidden = true; // new settings: a new link
    this.copy.setAttribute('aria-label', words.copy_aria);
    this.save.textContent = words.save;
    this.save.setAttribute('aria-label', words.save_aria);
    this.lastShownMs = null;
  }

  showState(playing, ended) {
    const w = this.words;
    this.play.textContent = playing ? w.pause : ended ? w.replay : w.play;
    this.play.setAttribute('aria-label', this.play.textContent);
    this.play.dataset.state = playing ? 'playing' : ended ? 'ended' : 'paused';
  }

  showSpeed(speed) {
    this.speedButtons.forEach((b) => b.setAttribute('aria-pressed', String(Number(b.dataset.speed) === speed)));
  }

  showSound(on) {
    this.listen.setAttribute('aria-pressed', String(on));
  }

  // Follow playback: the scrubber moves in SCRUB_STEP_MS steps, the printed time by the millisecond.
  showTime(tMs) {
    const shown = Math.round(tMs);
    if (shown === this.lastShownMs) return;
    this.lastShownMs = shown;
    const text = fill(this.words.time_value, { t: num(shown, 0, this.lang) });
    if (document.activeElement !== this.scrub || !this.scrub.matches(':active')) {
      this.scrub.value = String(Math.round(tMs / SCRUB_STEP_MS) * SCRUB_STEP_MS);
    }
    this.scrub.setAttribute('aria-valuetext', text);
    this.out.textContent = text;
  }

  say(text) {
    this.status.textContent = text;
  }

  // Where the clipboard cannot be written (an http address on a school network has no clipboard API): the link
  // in a read-only field right by the button, focused, selected for Ctrl+C and scrolled into view, where the
  // status line alone could fall below a projected screen.
  offerLink(url) {
    if (!this.linkField) {
      this.linkField = document.createElement('input');
      this.linkField.type = 'text';
      this.linkField.readOnly = true;
      this.linkField.className = 'ei-link';
      this.copy.after(this.linkField);
    }
    this.linkField.setAttribute('aria-label', this.words.link_field_aria);
    this.linkField.value = url;
    this.linkField.hidden = false;
    this.linkField.focus();
    this.linkField.select();
    this.linkField.scrollIntoView({ block: 'nearest' });
  }
}
