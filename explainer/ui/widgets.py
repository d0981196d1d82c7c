"""Widgets whose values live in the URL, with hand-edited links made harmless.

Streamlit's own binding (``bind="query-params"``) keeps each value in the address bar and silently drops
values it cannot use.  These helpers look at the link first: a number outside the widget's range is
clamped to the nearest end, anything unusable falls back to the default, and in both cases a short
note says so.  URL text is never rendered as HTML or Markdown: only a sanitised excerpt is quoted.

The address bar then shows what the page uses, so a copied link carries it.  Streamlit removes an unusable
value from the URL itself (the widget shows its default, which a link leaves out), but it drops a clamped
one too and writes a bound widget's value only when the user changes it.  So a clamped value goes into the
session state (the widget uses it in this run) and the link writer component puts it into the address bar
once the run has finished.  (Writing ``st.query_params`` and calling ``st.rerun`` from inside the page's
fragment instead makes the page fail now and then with "Bad delta path index".)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import streamlit as st

from explainer.content import i18n
from explainer.content.format import fewest_decimals, num
from explainer.content.words import Words, words
from explainer.figures.export import Setting
from explainer.ui.components.link_writer import write_link_param

W = words("ui")  # the words: content/words/ui.toml
_SAFE = re.compile(r"[^0-9A-Za-z.+\-_ ]")
MAX_QUOTED_CHARS = 16


def quote_url_value(raw: object) -> str:
    """A short, inert excerpt of a URL value for a message (no markup survives)."""
    text = _SAFE.sub("", str(raw))[:MAX_QUOTED_CHARS]
    return text if text else W.text("link_unreadable_value")


def _raw_param(key: str) -> str | None:
    """The link's value for ``key`` on the first run of this widget in this session, else None."""
    if key in st.session_state:
        return None
    values = st.query_params.get_all(key)
    return values[-1] if values else None


def _note(text: str) -> None:
    """A note beside the widget, and a toast, which is seen even when the widget sits in a closed expander."""
    st.warning(text, icon=":material/link_off:")
    st.toast(text, icon=":material/link_off:")


def _url_text(value: float) -> str:
    """A number as Streamlit writes it in the URL (``6000.0`` -> ``6000``)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _correct_link(key: str, value: float, note: str) -> None:
    """Use ``value`` for ``key`` (session state), note it, and put it in the address bar from the browser."""
    st.session_state[key] = value
    _note(note)
    write_link_param(key, _url_text(value))


def _reconcile_number(key: str, label: str, lo: float, hi: float, is_int: bool) -> None:
    raw = _raw_param(key)
    if raw is None:
        return
    try:
        value = float(raw)
    except ValueError:
        _note(W.text("link_not_a_number", name=label, value=quote_url_value(raw)))
        return
    if not math.isfinite(value):
        _note(W.text("link_not_finite", name=label, value=quote_url_value(raw)))
        return
    if value < lo or value > hi:
        clamped = min(max(value, lo), hi)
        # as the control shows them (no group separator), with the language's decimal sign
        lo_text, hi_text, used = (num(x, fewest_decimals(x), grouped=False) for x in (lo, hi, clamped))
        note = W.text("link_out_of_range", name=label, value=quote_url_value(raw), lo=lo_text, hi=hi_text, used=used)
        _correct_link(key, int(clamped) if is_int else float(clamped), note)


@dataclass(frozen=True)
class Slider:
    """One URL-bound slider: the words it is labelled from, its key (also its name in the link and in the
    words' ``[controls.<key>]`` table) and its bounds (units in the names)."""

    words: Words
    key: str
    lo: float
    hi: float
    default: float
    step: float

    @property
    def label(self) -> str:
        return self.words.label(self.key)

    @property
    def help(self) -> str:
        return self.words.help(self.key)

    def show(self, **kwargs) -> float:
        return url_slider(self.label, self.lo, self.hi, self.default, self.step, key=self.key, help=self.help, **kwargs)

    def setting(self, value: float) -> Setting:
        """This slider at ``value``, as an export names it (``figures.export.export_name``)."""
        return Setting(self.key, self.label, value, self.default, step_decimals(self.step))


def slider_settings(sliders: Sequence[Slider], values: Sequence[float]) -> tuple[Setting, ...]:
    """Sliders at their values, as exports name them."""
    return tuple(s.setting(v) for s, v in zip(sliders, values, strict=True))


def url_slider(label: str, lo: float, hi: float, default: float, step: float, *, key: str, **kwargs) -> float:
    """``st.slider`` bound to the URL under ``key``; out-of-range link values are clamped with a note.

    A float slider shows as many decimals as its step has (Streamlit's default, two, writes −70.00 mV), with a
    decimal point in English; in another language, its decimal sign as the *browser's* language writes it
    (:func:`float_format`)."""
    is_int = all(isinstance(v, int) and not isinstance(v, bool) for v in (lo, hi, default, step))
    _reconcile_number(key, label, lo, hi, is_int)
    if not is_int:
        kwargs.setdefault("format", float_format(step, i18n.current()))
    return st.slider(label, lo, hi, default, step, key=key, bind="query-params", **kwargs)


LOCALIZED = "localized"  # st.slider's predefined format: Intl.NumberFormat(navigator.languages)


def float_format(step: float, lang: str) -> str:
    """A float slider's ``format`` in ``lang``.  Streamlit 1.67's slider writes its values with a printf format
    (sprintf.js: a decimal point, always) or a predefined one; its ``"localized"`` format is
    ``Intl.NumberFormat(navigator.languages)``: the browser's languages, not the page's, with up to three decimals
    and no trailing zeros (7, 6,5).  So English keeps the printf format (exactly the step's decimals), and another
    language takes ``"localized"``, right whenever the browser speaks the page's language (the page's language
    comes from it unless a link or the picker chose another): 6,5 in Spanish, French and German."""
    return f"%.{step_decimals(step)}f" if lang == i18n.SOURCE else LOCALIZED


def step_decimals(step: float) -> int:
    """The decimals a slider's step needs: 1.0 -> 0, 0.5 -> 1, 0.25 -> 2."""
    return 0 if float(step).is_integer() else len(f"{step:g}".split(".")[1])


def url_number_input(label: str, lo: int, hi: int, default: int, *, key: str, **kwargs) -> int:
    """Integer ``st.number_input`` bound to the URL, clamped like :func:`url_slider`."""
    _reconcile_number(key, label, lo, hi, True)
    return st.number_input(label, lo, hi, default, 1, key=key, bind="query-params", **kwargs)


def url_choice(
    label: str,
    options: Sequence[str],
    *,
    key: str,
    format_func: Callable[[str], str] = str,
    aliases: Mapping[str, str] | None = None,
    **kwargs,
) -> str | None:
    """``st.segmented_control`` bound to the URL; an unknown option in the link gets a note.

    The URL holds the option as shown (``format_func(option)``), which is what Streamlit's binding writes.
    ``aliases`` maps other names a link may carry to an option (a preset's name in another language: a link
    copied from a Spanish page opened on a German one) and chooses it, without a note.
    """
    raw = _raw_param(key)
    shown = {format_func(o) for o in options}
    alias = (aliases or {}).get(raw) if raw is not None and raw not in shown else None
    if alias in options and key not in st.session_state:
        st.session_state[key] = alias
    elif raw is not None and raw not in shown:
        _note(W.text("link_not_a_choice", name=label, value=quote_url_value(raw)))
    return st.segmented_control(
        label, options=list(options), format_func=format_func, key=key, bind="query-params", **kwargs
    )


def url_toggle(label: str, default: bool, *, key: str, **kwargs) -> bool:
    """``st.toggle`` bound to the URL; a link value other than true/false gets a note."""
    raw = _raw_param(key)
    if raw is not None and raw.lower() not in ("true", "false"):
        _note(W.text("link_not_on_off", name=label, value=quote_url_value(raw)))
    return st.toggle(label, default, key=key, bind="query-params", **kwargs)
