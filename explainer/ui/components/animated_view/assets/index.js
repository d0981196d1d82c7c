// The animated-view component (st.components.v2): one view that Streamlit calls again with new data
// whenever a slider or preset changes, so the same DOM node updates in place, keeping play state,
// speed, time and scroll position.  Python sends bytes (explainer/figures/view_codec.py); this file
// decodes them, hands them to the view of their kind (neuron.js, network.js) and runs the controls,
// the playback clock (player.js), the sound (sound.js) and the image export (export.js).

// Every module is named here, so that the browser fetches them all at once (no second round of imports).
import './axes.js';
import './colour.js';
import './layout.js';
import './parts.js';
import './timing.js';
import { decode } from './codec.js';
import { Controls } from './controls.js';
import { saveImage } from './export.js';
import { fill } from './geometry.js';
import { NetworkView } from './network.js';
import { NeuronView } from './neuron.js';
import { Player } from './player.js';
import { Clicker } from './sound.js';
import { SVG_NS } from './svg.js';

const VIEWS = { neuron: NeuronView, network: NetworkView };
const FRAME_LOG = 600;

function prefersReducedMotion() {
  return Boolean(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
}

// Distance from the top of the page's scrolling content to `node` (0 if it cannot be told).
function offsetInPage(node) {
  let host = node;
  while (host && !(host instanceof Element && getComputedStyle(host).overflowY.match(/auto|scroll/))) {
    host = host.parentNode || host.host || null;
  }
  const top = node.getBoundingClientRect().top;
  if (!host || !(host instanceof Element)) return top + window.scrollY;
  return top - host.getBoundingClientRect().top + host.scrollTop;
}

class Controller {
  constructor(parent) {
    this.listening = new AbortController(); // aborted on destroy: every listener this view added goes
    this.root = document.createElement('div');
    this.root.className = 'ei-view';
    this.figure = document.createElement('div');
    this.figure.className = 'ei-figure';
    this.figure.setAttribute('role', 'figure');
    this.svg = document.createElementNS(SVG_NS, 'svg');
    this.svg.setAttribute('class', 'ei-svg');
    this.svg.setAttribute('aria-hidden', 'true');
    this.svg.setAttribute('focusable', 'false');
    this.figure.appendChild(this.svg);
    this.root.appendChild(this.figure);
    parent.appendChild(this.root);
    this.player = new Player((t, now) => this.onFrame(t, now), () => this.onState());
    this.clicker = new Clicker();
    this.player.onResync = () => this.clicker.cancel(this.player.t);
    this.controls = new Controls(this.root, this.handlers(), this.listening.signal);
    this.frames = [];
    this.stats = { frames: 0, renderMs: 0, draws: 0 };
    this.width = 0;
    this.resize = new ResizeObserver(() => {
      const w = Math.floor(this.root.clientWidth);
      if (this.view && w > 0 && w !== this.width) this.layoutAndDraw();
    });
    this.resize.observe(this.root);
    window.addEventListener('resize', () => this.view && this.layoutAndDraw(), { signal: this.listening.signal });
    // for the browser tests and benchmarks: what was shown when, and the clicks scheduled
    this.root.eiDebug = () => ({
      frames: this.frames.slice(),
      clicks: this.clicker.log.slice(),
      stats: { ...this.stats },
      audio: this.clicker.ctx ? this.clicker.ctx.state : 'none',
      audioLatencyMs: this.clicker.latencyMs,
      pausedAt: this.pausedAt,
      spikes: this.view ? Array.from(this.view.spikeTimes || []) : [],
    });
  }

  handlers() {
    return {
      toggle: () => (this.player.playing ? this.player.pause() : this.player.play()),
      speed: (v) => {
        this.clicker.cancel(this.player.t);
        this.player.setSpeed(v);
      },
      seek: (ms) => {
        this.clicker.cancel(ms);
        this.player.seek(ms);
      },
      listen: () => this.toggleSound(),
      copy: () => this.copyLink(),
      save: () => this.save(),
    };
  }

  update(bytes) {
    const data = decode(bytes);
    const h = data.header;
    const signature = `${h.id}|${h.calm}|${h.profile}|${h.lang}|${bytes.byteLength}`;
    if (signature === this.signature) return;
    this.signature = signature;
    const first = !this.view;
    if (first || this.view.kind !== h.kind) this.view = new VIEWS[h.kind](this.svg);
    this.view.setData(data, h.sizes);
    this.data = data;
    this.header = h;
    const p = h.palette;
    for (const [name, color] of Object.entries({ focus: p.focus, text: p.text, border: p.axis, bg: p.background })) {
      this.root.style.setProperty(`--ei-${name}`, color);
    }
    this.root.dataset.kind = h.kind;
    this.root.dataset.profile = h.profile;
    this.figure.setAttribute('aria-label', h.alt);
    this.controls.setWords(h.words, h.duration_ms, Boolean(this.view.spikeTimes), h.play_rate, h.lang);
    this.player.configure(h.duration_ms, h.play_rate);
    this.clicker.cancel(this.player.t);
    this.layoutAndDraw();
    const calm = h.calm || prefersReducedMotion();
    if (calm) {
      // Reduced motion: the final state, still; Play still plays it.
      this.player.stop();
      this.player.t = h.duration_ms;
      this.player.ended = false;
      this.render(this.player.t, performance.now());
      this.onState();
    } else if (first || this.player.ended || this.wasCalm) {
      this.player.t = 0;
      this.player.play();
    } else {
      this.render(this.player.t, performance.now());
      this.onState();
    }
    this.wasCalm = calm;
    this.root.dataset.viewId = h.id;
  }

  layoutAndDraw() {
    const t0 = performance.now();
    const W = Math.max(280, Math.floor(this.root.clientWidth) || 700);
    this.width = W;
    const vh = window.innerHeight || 800;
    const controlsH = this.controls.box.offsetHeight || 48;
    let maxH = vh - controlsH - 16;
    if (this.header.profile === 'projector') {
      // A projected screen shows the whole view at once, from where it starts on the first screen.
      const top = Math.max(0, Math.min(offsetInPage(this.root), vh * 0.45));
      maxH = vh - top - controlsH - 12;
    }
    const H = this.view.layout(W, maxH);
    this.svg.setAttribute('width', W);
    this.svg.setAttribute('height', H);
    this.svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    this.view.draw();
    this.render(this.player.t, performance.now());
    this.stats.draws += 1;
    this.stats.lastDrawMs = performance.now() - t0;
  }

  render(t, now) {
    const t0 = performance.now();
    this.view.frame(t, this.player.pace);
    this.controls.showTime(t);
    this.root.dataset.tMs = String(Math.round(t));
    this.frames.push([now, t]);
    if (this.frames.length > FRAME_LOG) this.frames.shift();
    this.stats.frames += 1;
    this.stats.renderMs += performance.now() - t0;
  }

  onFrame(t, now) {
    this.render(t, now);
    if (this.player.playing && this.view.spikeTimes) this.clicker.schedule(this.view.spikeTimes, t, this.player.pace, now);
  }

  onState() {
    const pl = this.player;
    this.controls.showState(pl.playing, pl.ended);
    this.controls.showSpeed(pl.speed);
    this.root.dataset.state = pl.playing ? 'playing' : pl.ended ? 'ended' : 'paused';
    this.root.dataset.speed = String(pl.speed);
    if (!pl.playing) {
      this.clicker.cancel(pl.t);
      this.pausedAt = performance.now();
    }
  }

  async toggleSound() {
    const w = this.header.words;
    if (this.clicker.on) {
      this.clicker.disable();
      this.controls.say(w.status_sound_off);
    } else if (await this.clicker.enable()) {
      this.clicker.cancel(this.player.t);
      this.controls.say(w.status_sound_on);
    } else {
      this.controls.say(w.status_no_sound);
    }
    this.controls.showSound(this.clicker.on);
  }

  copyLink() {
    const w = this.header.words;
    const link = new URL(window.location.href);
    (this.header.link_private || []).forEach((param) => link.searchParams.delete(param)); // never a seat
    // the page's language, wherever it came from (the link, the session, the browser): the link opens in it
    Object.entries(this.header.link_params || {}).forEach(([param, value]) => link.searchParams.set(param, value));
    const url = link.toString();
    const fallback = () => {
      this.controls.offerLink(url);
      this.controls.say(fill(w.status_copy_this, { url }));
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(() => this.controls.say(fill(w.status_copied, { url })), fallback);
    } else {
      fallback();
    }
  }

  async save() {
    const name = await saveImage(VIEWS[this.header.kind], this.data, this.player.t, this.player.pace);
    this.controls.say(fill(this.header.words.status_saved, { name }));
  }

  destroy() {
    this.player.stop();
    this.clicker.close();
    this.resize.disconnect();
    this.listening.abort();
    this.root.remove();
  }
}

// One controller per element Streamlit mounts the component in (its parentElement, a shadow root).
const controllers = new WeakMap();

/** @param {{data: Uint8Array, parentElement: ShadowRoot}} component */
export default function animatedView(component) {
  const { data, parentElement } = component;
  let controller = controllers.get(parentElement);
  if (!controller) {
    controller = new Controller(parentElement);
    controllers.set(parentElement, controller);
  }
  if (data) controller.update(data);
  return () => {
    // A run that newer data overtook is cleaned up at once, while its element stays on the page and the newer
    // run draws into the same controller: only an element that left the page takes its view along.
    if (parentElement.isConnected || controllers.get(parentElement) !== controller) return;
    controllers.delete(parentElement);
    controller.destroy();
  };
}
