"""A read-out's change (``st.metric``'s delta) from the two numbers it stands between, as they are shown.

The change is the difference of the shown, rounded numbers (``content/format.change``: 141 -> 123 is −18,
never −17), written with a typographic minus.  Streamlit points a metric's arrow down only for a delta that
starts with a hyphen, so the arrow is given explicitly, from the same shown numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from explainer.content.format import change, shown


@dataclass(frozen=True)
class Change:
    """A metric's delta: its text (``"−18"``, ``"+35"``, ``"0"``) and ``st.metric``'s ``delta_arrow``."""

    text: str
    arrow: str  # "down", "up" or "off"

    @property
    def moved(self) -> bool:
        return self.arrow != "off"


def change_between(before: float, after: float, decimals: int = 0) -> Change:
    """The change from ``before`` to ``after`` as a reader checks it against the numbers beside it."""
    difference = shown(after, decimals) - shown(before, decimals)
    arrow = "off" if difference == 0 else "down" if difference < 0 else "up"
    return Change(change(before, after, decimals), arrow)
