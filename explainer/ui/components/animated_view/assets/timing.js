// Time in the views (pure): the playback clock's step, when a click must sound for a spike, which spikes and
// rates a moment shows.  Simulated time in ms; `pace` = simulated ms per wall-clock ms (play rate x speed).

import { bisect } from './geometry.js';

export const RESUME_AFTER_MS = 250; // a longer gap between frames is a hidden tab or a stall, not playback
export const FRAME_MS = 1000 / 60;
export const LOOKAHEAD_MS = 150; // how far ahead (wall clock) clicks are scheduled
export const LATE_LIMIT_S = 0.02; // a click may sound at most this late (about a frame) rather than not at all
export const SPIKE_FLASH_MS = 60; // a spike stays on screen at least this long (wall clock), whatever the speed

// How much slower than real time a view plays at `speed` (its "1x" plays `playRate` simulated ms per wall-clock
// ms: 0.1 is ten times slower), rounded as shown: a whole number, or one decimal below 10 when not whole.
export function slowdown(playRate, speed) {
  const slow = 1 / (playRate * speed);
  const whole = Math.round(slow);
  return Math.abs(slow - whole) < 0.05 || slow >= 10 ? whole : Math.round(slow * 10) / 10;
}

// One frame of playback: the simulated time `elapsedMs` of wall clock after `tMs`.  A gap longer than
// RESUME_AFTER_MS counts as one frame (a hidden tab resumes where it was; `resync` tells the sound, whose
// clicks were scheduled for a clock that ran on); the run ends at `durationMs`.
export function advance(tMs, elapsedMs, pace, durationMs) {
  let dt = Math.max(0, elapsedMs);
  const resync = dt > RESUME_AFTER_MS;
  if (resync) dt = FRAME_MS;
  const t = tMs + dt * pace;
  return t >= durationMs ? { t: durationMs, ended: true, resync } : { t, ended: false, resync };
}

// How many of the sorted `times` are at or before t.
export function countUpTo(times, t) {
  return bisect(times.length, (i) => times[i] > t);
}

// The sorted `times` in (after, until].
export function timesIn(times, after, until) {
  const out = [];
  for (let i = countUpTo(times, after); i < times.length && times[i] <= until; i++) out.push(times[i]);
  return out;
}

// Is a spike on show at t?  The last spike at or before t stays for SPIKE_FLASH_MS of wall clock (2 ms at least).
export function spikeShown(spikes, t, pace) {
  const n = countUpTo(spikes, t);
  return n > 0 && t - spikes[n - 1] <= Math.max(2, SPIKE_FLASH_MS * pace);
}

// Mean of the binned `rates` over (t - windowMs, t].
export function meanRate(rates, binMs, windowMs, t) {
  let sum = 0;
  let n = 0;
  for (let i = Math.max(0, Math.floor((t - windowMs) / binMs)); i < rates.length && i * binMs < t; i++) {
    sum += rates[i];
    n++;
  }
  return n ? sum / n : 0;
}

// When the click for a spike at `spikeMs` sounds, for a view at simulated time `tMs` at wall-clock time
// `clock.nowWall`: {wall (ms, performance.now()), audio (s, the audio clock)}, from one reading of both clocks
// ({audioNow, wallNow}: the audio output's timestamp) and the audio clock's present `audioCurrent`.  A click
// due a moment ago (a speed change or a jump rescheduled it) sounds now; one more than LATE_LIMIT_S late, never.
export function clickTime(spikeMs, tMs, pace, clock) {
  let wall = clock.nowWall + (spikeMs - tMs) / pace;
  let audio = clock.audioNow + (wall - clock.wallNow) / 1000;
  const late = clock.audioCurrent - audio;
  if (late > LATE_LIMIT_S) return null;
  if (late > 0) {
    audio = clock.audioCurrent;
    wall = clock.wallNow + (audio - clock.audioNow) * 1000;
  }
  return { wall, audio };
}
