"""Budget 2 in every language: the rerun of a page in English and in each translation, the same code in one run.

What a language adds to a rerun is its catalogue lookups (a dict lookup through gettext per word) and its
number format; both should be lost in the noise (issue 21: "the catalogue lookup adds no measurable time to a
rerun").  The pages are opened in AppTest in this process, then rerun with nothing changed, the languages
taking turns (round robin, so the machine's load falls on all alike); the CPU median of each language is
printed with its ratio to English's and to the budget of a rerun whose parameters were seen before.
"""

from __future__ import annotations

import statistics

from explainer.content import i18n
from tests.app.conftest import open_page
from tests.benchmarks._bench import BUDGET_RERUN_CACHED_CPU_MS, record, time_once

PAGES = ("gaba", "playground.py", "glossary.py")
ROUNDS = 10
RERUNS_PER_ROUND = 3


def test_a_rerun_costs_the_same_in_every_language() -> None:
    for page in PAGES:
        apps = {}
        for lang in i18n.LANGUAGES:
            with i18n.using(lang):
                apps[lang] = open_page(page, {"lang": lang}, timeout=180)
            assert not apps[lang].exception, (page, lang)
        cpu: dict[str, list[float]] = {lang: [] for lang in apps}
        for _ in range(ROUNDS):
            for lang, at in apps.items():
                for _ in range(RERUNS_PER_ROUND):
                    cpu[lang].append(time_once(at.run)[1])
        english = statistics.median(cpu[i18n.SOURCE])
        for lang, times in cpu.items():
            median = statistics.median(times)
            record(f"rerun {page} in {lang}", median, "ms cpu", BUDGET_RERUN_CACHED_CPU_MS,
                   other=f"{median / english:.2f} x English, n={len(times)}")  # fmt: skip
