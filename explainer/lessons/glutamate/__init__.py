"""Lesson 2, glutamate: key and gate, AMPA fast and NMDA slow, the Mg2+ block, summation."""

from explainer.ui.course import Lesson

from .experiments import MG_BLOCK, ONE_SPIKE, SUMMATION
from .numbers import numbers

LESSON = Lesson(
    package=__name__,
    icon=":material/key:",
    minutes=10,
    numbers=numbers,
    experiments={"one_spike": ONE_SPIKE, "mg_block": MG_BLOCK, "summation": SUMMATION},
)
