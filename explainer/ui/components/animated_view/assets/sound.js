// "Listen to the neuron": a click (WebAudio) at the moment each output spike is shown, at every speed.
//
// Clicks are scheduled a little ahead (LOOKAHEAD_MS of wall-clock time) on the audio clock, at the
// wall-clock time the animation will reach the spike; AudioContext.getOutputTimestamp() maps the audio
// clock to performance.now(), output latency included.  Pause, a jump in time, a new speed or new data
// cancel what is scheduled.  The AudioContext is created on the first press of the button: browsers
// allow sound only after a user gesture.  When each click sounds: timing.js (clickTime).

import { LOOKAHEAD_MS, clickTime, timesIn } from './timing.js';

const CLICK_S = 0.004;
const LOG_LIMIT = 400;

export class Clicker {
  constructor() {
    this.ctx = null;
    this.on = false;
    this.pending = [];
    this.horizon = -Infinity; // simulated ms up to which clicks are scheduled
    this.log = []; // {spike_ms, wall_ms, audio_s} of every scheduled click, for the tests
  }

  get available() {
    return typeof window.AudioContext === 'function';
  }

  async enable() {
    if (!this.available) return false;
    if (!this.ctx) {
      this.ctx = new window.AudioContext();
      this.buffer = this.makeClick();
    }
    await this.ctx.resume();
    this.on = true;
    this.horizon = -Infinity;
    return true;
  }

  disable() {
    this.on = false;
    this.cancel();
  }

  makeClick() {
    const rate = this.ctx.sampleRate;
    const n = Math.round(CLICK_S * rate);
    const buffer = this.ctx.createBuffer(1, n, rate);
    const data = buffer.getChannelData(0);
    for (let i = 0; i < n; i++) {
      // a short, decaying 2 kHz blip: audible on laptop speakers, gentle on headphones
      data[i] = 0.6 * Math.sin((2 * Math.PI * 2000 * i) / rate) * Math.exp(-i / (0.25 * n));
    }
    return buffer;
  }

  // Silence what is scheduled and not yet heard (pause, seek, speed, new data).  A click the audio thread
  // has already rendered can still come out of the speakers, within the output's latency (see latencyMs).
  cancel(fromMs = -Infinity) {
    const now = this.ctx ? this.ctx.currentTime : 0;
    for (const p of this.pending) {
      try {
        p.node.stop();
      } catch {
        /* already stopped */
      }
      if (p.audio_s > now) p.entry.cancelled = true;
    }
    this.pending = [];
    this.horizon = fromMs;
  }

  get latencyMs() {
    return this.ctx ? 1000 * ((this.ctx.outputLatency || 0) + (this.ctx.baseLatency || 0)) : 0;
  }

  // Called every frame while playing: schedule the spikes the next LOOKAHEAD_MS will show.
  schedule(spikesMs, tMs, pace, nowWall) {
    if (!this.on || !this.ctx || this.ctx.state !== 'running' || pace <= 0) return;
    const until = tMs + LOOKAHEAD_MS * pace;
    if (this.horizon === -Infinity) this.horizon = tMs;
    const stamp = this.ctx.getOutputTimestamp ? this.ctx.getOutputTimestamp() : null;
    const clock = {
      nowWall,
      audioNow: stamp && stamp.contextTime ? stamp.contextTime : this.ctx.currentTime,
      wallNow: stamp && stamp.performanceTime ? stamp.performanceTime : nowWall,
      audioCurrent: this.ctx.currentTime,
    };
    for (const ts of timesIn(spikesMs, this.horizon, until)) {
      const when = clickTime(ts, tMs, pace, clock);
      if (!when) continue; // shown too long ago to be in step: no click rather than a late one
      const { wall, audio } = when;
      const node = this.ctx.createBufferSource();
      node.buffer = this.buffer;
      node.connect(this.ctx.destination);
      node.start(audio);
      const entry = { spike_ms: ts, wall_ms: wall, audio_s: audio, cancelled: false };
      this.pending.push({ node, audio_s: audio, entry });
      this.log.push(entry);
      if (this.log.length > LOG_LIMIT) this.log.shift();
    }
    this.horizon = Math.max(this.horizon, until);
    const now = this.ctx.currentTime;
    this.pending = this.pending.filter((p) => p.audio_s > now - 0.05);
  }

  close() {
    this.cancel();
    if (this.ctx) this.ctx.close();
    this.ctx = null;
    this.on = false;
  }
}
