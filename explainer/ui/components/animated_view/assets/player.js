// The playback clock: simulated time advances at `rate` simulated ms per wall-clock ms, times `speed`.
// One requestAnimationFrame loop while playing; it stops by itself at the end of the run (timing.js: advance).

import { advance } from './timing.js';

export class Player {
  constructor(onFrame, onState) {
    this.onFrame = onFrame;
    this.onState = onState;
    this.t = 0;
    this.duration = 1;
    this.rate = 0.1;
    this.speed = 1;
    this.playing = false;
    this.ended = false;
    this.raf = 0;
    this.last = 0;
    this.tick = this.tick.bind(this);
  }

  configure(durationMs, rate) {
    this.duration = durationMs;
    this.rate = rate;
    if (this.t > durationMs) this.t = durationMs;
  }

  play() {
    if (this.t >= this.duration) this.t = 0;
    this.playing = true;
    this.ended = false;
    this.last = performance.now();
    cancelAnimationFrame(this.raf);
    this.raf = requestAnimationFrame(this.tick);
    this.onState();
  }

  pause() {
    this.playing = false;
    cancelAnimationFrame(this.raf);
    this.onState();
  }

  seek(tMs) {
    this.t = Math.min(this.duration, Math.max(0, tMs));
    this.ended = this.t >= this.duration && !this.playing;
    this.onFrame(this.t, performance.now());
    this.onState();
  }

  setSpeed(speed) {
    this.speed = speed;
    this.onState();
  }

  // Simulated ms per wall-clock ms right now.
  get pace() {
    return this.rate * this.speed;
  }

  tick(now) {
    if (!this.playing) return;
    // A hidden tab gets no frames: on return, continue where it was instead of jumping ahead.  A busy moment
    // (a slow frame) is caught up instead, so that picture and sound stay together.
    const step = advance(this.t, now - this.last, this.pace, this.duration);
    this.last = now;
    if (step.resync && this.onResync) this.onResync();
    this.t = step.t;
    if (step.ended) {
      this.playing = false;
      this.ended = true;
    }
    this.onFrame(this.t, now);
    if (this.playing) this.raf = requestAnimationFrame(this.tick);
    else this.onState();
  }

  stop() {
    this.playing = false;
    cancelAnimationFrame(this.raf);
  }
}
