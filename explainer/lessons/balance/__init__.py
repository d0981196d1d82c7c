"""Lesson 4, balance: excitation against inhibition on one neuron (a tug of war), the rate map, and irregular
firing when the two are balanced."""

from explainer.ui.course import Lesson

from .experiments import EXPLORE, REGULARITY
from .numbers import numbers

LESSON = Lesson(
    package=__name__,
    icon=":material/balance:",
    minutes=8,
    numbers=numbers,
    experiments={"regularity": REGULARITY, "explore": EXPLORE},
)
