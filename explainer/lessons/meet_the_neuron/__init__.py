"""Lesson 1, meet the neuron: threshold, all-or-none spikes, the refractory period and the f-I curve."""

from explainer.ui.course import Lesson

from .experiments import CURRENT_STEP
from .numbers import numbers

LESSON = Lesson(
    package=__name__,
    icon=":material/bolt:",
    minutes=8,
    numbers=numbers,
    experiments={"current_step": CURRENT_STEP},
)
