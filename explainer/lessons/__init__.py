"""The lessons, in course order: the ONE list that navigation, class mode, the worksheets and the educator
guide read.

Each lesson is a package here, named once (its folder, its words file, its URL with hyphens, the prefix of its
questions' ids): ``lesson.md`` (the blocks, in teaching order), ``words.toml`` (its controls, presets and texts),
``numbers.py`` (every number its text quotes, computed from the model) and ``experiments.py`` (the sliders,
presets and figures of each ``## experiment`` block).  Adding a lesson is one folder and one line below
(``docs/architecture.md``, "Add a lesson").
"""

from explainer.lessons import balance, gaba, glutamate, meet_the_neuron
from explainer.ui.course import Lesson

LESSONS: tuple[Lesson, ...] = (
    meet_the_neuron.LESSON,
    glutamate.LESSON,
    gaba.LESSON,
    balance.LESSON,
)
