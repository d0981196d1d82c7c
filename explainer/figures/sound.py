"""Listen to the neuron: a click at every spike, as in a lab's audio monitor of a recording electrode.

Electrophysiologists have long listened to spikes through a loudspeaker; each action potential is heard
as a click.  Here every output spike becomes one short, decaying tone burst (a "click") in a mono
16-bit WAV made with NumPy; nothing else is in the sound.
"""

from __future__ import annotations

import io
import wave

import numpy as np

SAMPLE_RATE_HZ = 22050
CLICK_ms = 1.5
CLICK_FREQ_HZ = 2500.0
CLICK_AMPLITUDE = 0.8


def click_waveform(sample_rate_hz: int = SAMPLE_RATE_HZ) -> np.ndarray:
    """One click: a tone burst with an exponential decay, CLICK_ms long."""
    n = max(2, round(CLICK_ms * sample_rate_hz / 1000.0))
    t = np.arange(n) / sample_rate_hz
    return CLICK_AMPLITUDE * np.sin(2 * np.pi * CLICK_FREQ_HZ * t) * np.exp(-t / (CLICK_ms / 3000.0))


def spike_click_samples(
    spike_times_ms: np.ndarray, duration_ms: float, sample_rate_hz: int = SAMPLE_RATE_HZ
) -> np.ndarray:
    """Float samples in [-1, 1]: one click starting at each spike time."""
    n_total = max(1, round(duration_ms * sample_rate_hz / 1000.0))
    out = np.zeros(n_total)
    click = click_waveform(sample_rate_hz)
    starts = np.rint(np.asarray(spike_times_ms, dtype=float) * sample_rate_hz / 1000.0).astype(np.int64)
    for start in starts[(starts >= 0) & (starts < n_total)]:
        stop = min(n_total, start + click.size)
        out[start:stop] += click[: stop - start]
    return np.clip(out, -1.0, 1.0)


def spike_clicks_wav(spike_times_ms: np.ndarray, duration_ms: float, sample_rate_hz: int = SAMPLE_RATE_HZ) -> bytes:
    """A WAV file (bytes) of the clicks, 16-bit mono."""
    samples = spike_click_samples(spike_times_ms, duration_ms, sample_rate_hz)
    pcm = np.round(samples * 32767).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate_hz)
        wav.writeframes(pcm.tobytes())
    return buffer.getvalue()
