"""Every number a page shows: a true minus sign, sensible decimals, and changes that add up.

Each page is opened with every prediction and quick check answered (so every figure and read-out shows), and
every text it shows is read: markdown, captions, metrics (label, value and change), notes, and the labels
and help of its widgets.  A change beside two read-outs is the difference of the two numbers as shown
(``content/format.change``): 141 -> 123 spikes/s is −18, never −17.
"""

from __future__ import annotations

import re

import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto

from explainer.content.format import change, num, shown
from explainer.ui.readouts import change_between
from tests.app.conftest import PAGE_IDS, assert_clean, open_page
from tests.app.test_pages import _answer_every_question

# A hyphen-minus written as a minus sign: before a digit, and not inside a word, a range ("0-2000") or a link.
MATH = re.compile(r"\$\$.*?\$\$|\$[^$]*\$", re.S)
HYPHEN_MINUS = re.compile(r"(?<![\w\-–/.=&?`])-(?=\d)")
# A slider whose step is a whole number shows no decimals; one stepping by tenths shows one.
DECIMALS = re.compile(r"^-?\d+(?:\.(\d+))?$")


def _texts(at) -> list[str]:
    """Every text the page shows (not the banner's, which has no number)."""
    texts = [str(e.value) for kind in ("markdown", "caption", "info", "warning", "success") for e in at.get(kind)]
    texts += [str(t.value) for t in at.title] + [str(h.value) for h in at.header] + [str(s.value) for s in at.subheader]
    for m in at.metric:
        texts += [m.label, m.value]
    for w in (*at.slider, *at.radio, *at.button, *at.toggle, *at.number_input):
        texts += [str(w.label), str(getattr(w, "help", "") or "")]
    texts += [str(o) for r in at.radio for o in r.options]
    texts += [e.label for e in at.expander]
    return texts


def _revealed(page: str, query: dict[str, str] | None = None):
    at = open_page(page, query)
    assert_clean(at)
    _answer_every_question(at)
    return at


@pytest.mark.parametrize("page", PAGE_IDS)
def test_every_number_on_the_page_has_a_true_minus_sign(page):
    at = _revealed(page)
    # formulas ($...$, $$...$$) are typeset by KaTeX, which draws a minus sign for "-"
    bad = sorted({t for t in _texts(at) if HYPHEN_MINUS.search(MATH.sub(" ", t))})
    assert not bad, f"{page}: a hyphen for a minus sign in: {bad}"


@pytest.mark.parametrize("page", PAGE_IDS)
def test_every_change_beside_a_read_out_has_a_true_minus_and_its_arrow(page):
    """Streamlit points a metric's arrow down only for a hyphen: a typographic minus needs the arrow given."""
    at = _revealed(page)
    for m in at.metric:
        delta = m.proto.delta
        assert not delta.startswith("-"), f"{page}: the change {delta!r} of {m.label!r} has a hyphen for its minus"
        if delta.startswith("−"):
            assert m.proto.direction == MetricProto.MetricDirection.DOWN, f"{page}: {m.label}'s arrow for {delta}"


@pytest.mark.parametrize("page", PAGE_IDS)
def test_a_slider_shows_as_many_decimals_as_its_step_needs(page):
    """An E_GABA of −70 mV, not −70.00; a strength of 1.5 nS, not 1.50."""
    at = _revealed(page)
    for s in at.slider:
        step = s.proto.step
        wanted = 0 if float(step).is_integer() else len(f"{step:g}".split(".")[1])
        fmt = s.proto.format
        assert fmt in ("%d", f"%.{wanted}f"), f"{page}: slider {s.key} (step {step:g}) is shown with {fmt!r}"


def test_a_change_is_the_difference_of_the_numbers_shown():
    assert change(141.4, 123.4) == "−18" and change(141.4, 123.6) == "−17"  # 141 -> 123, 141 -> 124
    assert change(140.6, 175.4) == "+34" and change(10.04, 10.0, 1) == "0.0"
    assert shown(-0.04, 1) == 0.0 and num(shown(141.43, 1), 1) == "141.4"
    assert change_between(141.4, 123.4) == change_between(141.0, 123.0)
    assert change_between(141.4, 123.4).arrow == "down" and change_between(1.0, 1.04, 1).arrow == "off"
    assert change_between(140.6, 175.4).arrow == "up"


def _metric_numbers(at) -> dict[str, tuple[float, str]]:
    """Each metric's shown number, by label, and its change as shown."""
    out = {}
    for m in at.metric:
        number = re.match(r"^[−+]?[\d.]+", m.value)
        if number:
            out[m.label] = (float(number.group(0).replace("−", "-")), m.proto.delta)
    return out


def test_the_blocked_gates_changes_add_up_at_every_knob_setting():
    """Each read-out's change against the intact network is its number minus the intact one, as shown."""
    from explainer.pages import blocked_gate
    from explainer.ui.network_views import disinhibition_curve

    at = open_page("blocked_gate.py", timeout=180)
    _, e_rates, i_rates = disinhibition_curve(blocked_gate.DEFAULT_NETWORK_SEED)
    knob = at.slider(key=blocked_gate.BG_SCALE_SLIDER.key)
    for value in sorted(blocked_gate.DISINHIBITION_SCALES)[:3]:
        knob.set_value(value).run()
        assert_clean(at)
        for (label, (rate, delta)), intact in zip(_metric_numbers(at).items(), (e_rates[0], i_rates[0]), strict=True):
            expected = change(intact, rate, 1)
            assert delta.startswith(expected) or (rate == shown(intact, 1) and "intact" in delta), (label, delta)


@pytest.mark.parametrize("e_gaba", ["-60", "-40"])  # the presets where the raw difference rounds otherwise
def test_lesson_3s_change_in_rate_is_the_difference_of_the_two_rates_shown(e_gaba):
    """At E_GABA −60 mV and 10 nS the driven cell fires 140.8 -> 123.5 spikes/s: shown 141 -> 123, so −18
    (the raw difference, −17.4, would round to −17); at −40 mV, 140.8 -> 175.4: 141 -> 175, +34 (not +35)."""
    at = _revealed("gaba", {"l3_egaba": e_gaba, "l3_ggaba": "10"})
    numbers = _metric_numbers(at)
    (without,) = [v for label, v in numbers.items() if label.endswith("without GABA")]
    (with_gaba,) = [v for label, v in numbers.items() if label.endswith("with GABA")]
    assert with_gaba[1].startswith(num(with_gaba[0] - without[0], 0, signed=True)), (without, with_gaba)
