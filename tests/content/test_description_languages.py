"""The live and lesson descriptions speak the page's language: every sentence comes from the catalogue (none is
left in Python, so a translator can reach each one), and every number is written the language's way.

A pseudo language wraps every text the catalogue gives in ⟦ ⟧: a description rendered in it must be nothing but
wrapped texts, so an English sentence, or a fragment glued on in Python, shows as what is left outside them.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import replace

import pytest

from explainer.content import i18n
from explainer.content.format import num
from explainer.content.lesson_descriptions import (
    describe_chloride,
    describe_current_step,
    describe_ipsp,
    describe_nmda_block,
    describe_rate_map,
    describe_regularity,
    describe_shunting,
    describe_single_epsp,
    describe_summation,
)
from explainer.content.live_descriptions import describe_network_run, describe_neuron_run
from explainer.model import NeuronParams
from explainer.model.experiments import excitability, inhibition, synapses
from explainer.model.experiments.balance import (
    TUG_OF_WAR_PRESETS,
    TugOfWarSettings,
    compares_without_gaba,
    rate_map,
    rate_without_gaba,
    regularity_comparison,
    run_tug_of_war,
)
from explainer.model.experiments.circuits import run_network
from explainer.model.network import NetworkParams

LANG = "de"  # a language Babel knows (its numbers: 6,7 and 12.345), registered here with the catalogue we give it
P = NeuronParams()


class Pseudo(gettext.NullTranslations):
    """Every text wrapped in ⟦ ⟧, the form chosen by English's rule."""

    def pgettext(self, context, message):
        return f"⟦{message}⟧"

    def npgettext(self, context, msgid1, msgid2, n):
        return f"⟦{msgid1 if n == 1 else msgid2}⟧"


@pytest.fixture
def speak(monkeypatch):
    """Switch ``LANG`` on with the given catalogue for every text (i18n.catalogue is looked up per call)."""

    def register(catalogue: gettext.NullTranslations) -> None:
        monkeypatch.setitem(i18n.LANGUAGES, LANG, "Deutsch")
        monkeypatch.setattr(i18n, "catalogue", lambda lang: catalogue)

    return register


def _neuron(settings: TugOfWarSettings, compare: bool = True) -> str:
    run, inp = run_tug_of_war(settings)
    without = rate_without_gaba(settings, inp) if compare and compares_without_gaba(settings, run) else None
    return describe_neuron_run(run, inp, without)


# Settings that between them take nearly every branch of describe_neuron_run (no input, silent for each reason, each
# way of being mean- or fluctuation-driven or balanced, GABA above rest compared or not, shunting), and of the
# network's and the lessons' descriptions: the branches no slider setting was found to reach are left out.
NEURON_CASES = [
    TugOfWarSettings(glutamate_rate_hz=0.0, gaba_rate_hz=0.0),
    TugOfWarSettings(glutamate_rate_hz=1000.0, gaba_rate_hz=0.0),
    TugOfWarSettings(glutamate_rate_hz=1000.0, gaba_rate_hz=1000.0, E_gaba_mV=-45.0),
    TUG_OF_WAR_PRESETS["inhibition_wins"],
    TUG_OF_WAR_PRESETS["both_strong"],
    TugOfWarSettings(),
    TugOfWarSettings(glutamate_rate_hz=6000.0, gaba_rate_hz=1500.0),
    TugOfWarSettings(glutamate_rate_hz=4500.0, gaba_rate_hz=1500.0),
    TugOfWarSettings(glutamate_rate_hz=0.0, gaba_rate_hz=6000.0, gaba_weight_nS=5.0, E_gaba_mV=-40.0),
    *(TugOfWarSettings(E_gaba_mV=e) for e in (-60.0, -54.0, -52.0, -40.0)),
    TugOfWarSettings(glutamate_rate_hz=0.0, gaba_rate_hz=1000.0, E_gaba_mV=-55.0),
    TugOfWarSettings(glutamate_rate_hz=0.0, glutamate_weight_nS=1.5, gaba_weight_nS=2.5, E_gaba_mV=-40.0),
    TugOfWarSettings(glutamate_rate_hz=2500.0, glutamate_weight_nS=3.0, gaba_weight_nS=5.0),
    TugOfWarSettings(glutamate_rate_hz=2500.0, gaba_rate_hz=2500.0, E_gaba_mV=-55.0),
    TugOfWarSettings(glutamate_rate_hz=2500.0, gaba_rate_hz=2500.0, glutamate_weight_nS=3.0, gaba_weight_nS=5.0),
    TugOfWarSettings(glutamate_rate_hz=6000.0, gaba_rate_hz=6000.0),
]
NETWORK_CASES = [
    NetworkParams(),
    NetworkParams(kick_ms=0.0),
    NetworkParams(kick_ms=0.0, ext_rate_hz=500.0),
    NetworkParams(w_inh_nS=0.0),
    NetworkParams(w_exc_nS=3.0, w_inh_nS=30.0),
    NetworkParams(w_exc_nS=12.0, w_inh_nS=30.0),
    NetworkParams(e_to_i_scale=0.6),
]


def _lesson_descriptions() -> list[str]:
    fi = excitability.fi_curve(P)
    driven = inhibition.shunting_experiment
    return [
        *(describe_current_step(excitability.current_step_run(P, i), fi) for i in (150.0, P.rheobase_pA, 400.0)),
        describe_single_epsp(synapses.single_epsp(P)),
        *(describe_nmda_block(synapses.nmda_coincidence(P, hold), 1.0) for hold in (-40.0, -80.0)),
        describe_summation(synapses.summation(P, n_synapses=1, n_volleys=1), 5.0),
        describe_summation(synapses.summation(P, n_synapses=50, n_volleys=1), 5.0),
        describe_summation(synapses.summation(P, n_synapses=15, n_volleys=4, interval_ms=5.0), 5.0),
        describe_ipsp(inhibition.single_ipsp(P)),
        *(describe_ipsp(inhibition.single_ipsp(replace(P, E_gaba_mV=e))) for e in (-80.0, -69.0, -55.0, -54.0)),
        describe_shunting(driven(P)),
        describe_shunting(driven(replace(P, E_gaba_mV=-40.0))),
        describe_shunting(driven(replace(P, E_gaba_mV=-54.0), g_gaba_nS=0.0)),
        *(describe_chloride(inhibition.chloride_experiment(110.0, cl_in, P)) for cl_in in (4, 7, 12, 30, 60)),
        describe_chloride(inhibition.chloride_experiment(100.0, 13, P)),
        describe_rate_map(rate_map(), (2500.0, 1000.0)),
        describe_rate_map(rate_map(), None),
        describe_regularity(regularity_comparison(), 500.0),
    ]


def _outside_the_catalogue(text: str) -> str:
    """What is left of ``text`` once every wrapped text (innermost first: a regime's name inside its sentence)
    is taken out."""
    while True:
        stripped = re.sub(r"⟦[^⟦⟧]*⟧", "", text)
        if stripped == text:
            return stripped
        text = stripped


def test_every_sentence_of_every_description_comes_from_the_catalogue(speak):
    speak(Pseudo())
    with i18n.using(LANG):
        texts = [_neuron(s) for s in NEURON_CASES]
        texts += [_neuron(TugOfWarSettings(E_gaba_mV=e), compare=False) for e in (-55.0, -85.0)]
        texts += [describe_network_run(stats, p) for p in NETWORK_CASES for stats in [run_network(p, 1)[1]]]
        texts += _lesson_descriptions()
    for text in texts:
        assert text.startswith("⟦") and "{{" not in text, text
        left = _outside_the_catalogue(text)
        assert not left.strip(), f"words outside the catalogue: {left.strip()!r} in {text}"


def test_a_description_with_an_english_sentence_left_in_python_is_caught():
    assert _outside_the_catalogue("⟦Regime: ⟦silent⟧.⟧ ⟦It fired 3 times.⟧") == " "
    assert _outside_the_catalogue("⟦It fired 3⟧ times.").strip() == "times."


def test_numbers_follow_the_language_with_a_decimal_comma(speak):
    """German's numbers with an empty catalogue (the English sentences): 6,7 and −70, 2.502 for thousands."""
    speak(gettext.NullTranslations())
    run, inp = run_tug_of_war(TugOfWarSettings())
    with i18n.using(LANG):
        text = describe_neuron_run(run, inp)
        network = describe_network_run(run_network(NetworkParams(), 1)[1], NetworkParams())
        nmda = describe_nmda_block(synapses.nmda_coincidence(P, -40.0), 1.0)
        expected_glutamate = num(inp.glutamate_times_ms.size)
    assert "(rest −70 mV, threshold −50 mV)" in text
    assert re.search(r"the membrane potential averaged −\d+,\d mV", text), text
    assert re.search(r"V would settle at −\d+,\d mV", text) and re.search(r"\(CV \d,\d\d\)", text), text
    assert re.fullmatch(r"\d\.\d{3}", expected_glutamate) and f"received {expected_glutamate} glutamate" in text
    assert re.search(r"fired on average \d+,\d spikes per second", network), network
    assert "With 1,0 mM Mg²⁺" in nmda and re.search(r"are free of magnesium at −\d+ mV", nmda), nmda
    assert not re.search(r"\d\.\d(?!\d\d)", text + network + nmda), "no decimal point left in German"
