"""Lesson 3, GABA: IPSPs, chloride and the reversal potential, shunting, depolarising GABA, and where E_GABA
comes from (the chloride gradient)."""

from explainer.ui.course import Lesson

from .experiments import CHLORIDE, GABA_GATES
from .numbers import numbers

LESSON = Lesson(
    package=__name__,
    icon=":material/do_not_disturb_on:",
    minutes=10,
    numbers=numbers,
    experiments={"gaba_gates": GABA_GATES, "chloride": CHLORIDE},
)
