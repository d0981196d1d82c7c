"""Exports: their names and captions from a page's settings, and the traces a figure shows as CSV a spreadsheet
reads as it is.

Every export (the view's image, a chart's image, the traces) is named by :func:`export_name`: the page, then every
setting that differs from its default, so two different settings never get the same name; the image carries
:func:`export_caption`, every setting, drawn into it.

The CSV's first line is the column names (units in them); the last two columns, ``setting`` and ``value``, hold
a small table of what produced the run (the model, the settings, the seed) in their first rows and are
empty below, so nothing free-text comes before the header.  :func:`spreadsheet_bytes` adds the UTF-8 byte order
mark that Excel needs to read "−70" as UTF-8 rather than as mojibake.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from explainer.content.format import num
from explainer.content.words import words
from explainer.model.neuron import NeuronRun

WORDS = words("figures")

CAPTION_SEPARATOR = " · "


@dataclass(frozen=True)
class Setting:
    """One setting of a page as its exports name it: ``key`` is its name in the link (``glu_rate``), ``label``
    what the page calls it (its slider's label), ``decimals`` how many its control shows."""

    key: str
    label: str
    value: float | int | bool
    default: float | int | bool
    decimals: int = 0

    @property
    def changed(self) -> bool:
        if isinstance(self.value, bool) or isinstance(self.default, bool):
            return bool(self.value) != bool(self.default)
        return round(float(self.value), self.decimals) != round(float(self.default), self.decimals)

    def file_value(self) -> str:
        """The value in a file name: ASCII, no trailing zeros (``-70``, ``0.5``, ``on``/``off``)."""
        if isinstance(self.value, bool):
            return "on" if self.value else "off"
        return f"{round(float(self.value), self.decimals):g}"

    def shown_value(self) -> str:
        """The value as the page shows it (a true minus sign; ``on``/``off`` in the words)."""
        if isinstance(self.value, bool):
            return WORDS.text("export_on" if self.value else "export_off")
        return num(self.value, self.decimals)


_UNSAFE = re.compile(r"[^A-Za-z0-9._=-]+")


def export_name(page: str, settings: Sequence[Setting]) -> str:
    """The file name (without extension) of an export of ``page`` at ``settings``: the page, then each setting
    that differs from its default as ``key=value`` (``tug-of-war_glu_rate=3500_e_gaba=-60``); only characters every
    file system and browser keeps."""
    parts = [page, *(f"{s.key}={s.file_value()}" for s in settings if s.changed)]
    return _UNSAFE.sub("-", "_".join(parts))


def export_caption(settings: Sequence[Setting]) -> str:
    """Every setting with its label, as the image's caption (``Glutamate input (spikes/s) 3,500 · ...``)."""
    return CAPTION_SEPARATOR.join(WORDS.text("export_setting", label=s.label, value=s.shown_value()) for s in settings)


def spreadsheet_bytes(text: str) -> bytes:
    """A CSV's text as the bytes of a download: UTF-8 with a byte order mark, which Excel needs to read it as UTF-8
    (without it, Excel on Windows shows "−70" as mojibake)."""
    return text.encode("utf-8-sig")


def neuron_csv_header() -> tuple[str, ...]:
    """The CSV's column names in the page's language (units kept after ``_``)."""
    return (
        WORDS.text("csv_time"),
        WORDS.text("csv_v"),
        WORDS.text("csv_g_ampa"),
        WORDS.text("csv_g_nmda"),
        WORDS.text("csv_g_gaba"),
        WORDS.text("csv_output_spike"),
        WORDS.text("csv_setting"),
        WORDS.text("csv_value"),
    )


def model_note() -> str:
    """The CSV's first setting: what made the numbers (an educational model, not advice)."""
    return WORDS.text("csv_model_note")


def neuron_traces_csv(run: NeuronRun, settings: Mapping[str, object] | None = None) -> str:
    """One row per time step: time, membrane potential, the three conductances, 1 where the cell spiked;
    beside the first rows, the settings as (setting, value) pairs (a setting by its name in the model, its value
    as the model reads it: a spreadsheet's numbers, with a decimal point in every language)."""
    spike = np.zeros(run.t_ms.size, dtype=np.int64)
    idx = np.rint(run.spike_times_ms / run.dt_ms).astype(np.int64)
    spike[idx[(idx >= 0) & (idx < spike.size)]] = 1
    pairs = [(WORDS.text("csv_model"), model_note()), *((str(k), str(v)) for k, v in (settings or {}).items())]
    columns = (
        np.char.mod("%.4f", run.t_ms),
        np.char.mod("%.6f", run.v_mV),
        np.char.mod("%.6f", run.g_ampa_nS),
        np.char.mod("%.6f", run.g_nmda_nS),
        np.char.mod("%.6f", run.g_gaba_nS),
        spike.astype(str),
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(neuron_csv_header())
    for i, row in enumerate(zip(*columns, strict=True)):
        extra = pairs[i] if i < len(pairs) else ("", "")
        writer.writerow((*row, *extra))
    return buffer.getvalue()
