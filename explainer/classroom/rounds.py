"""A question in class mode runs as peer instruction: what state it is in, what the teacher may do next, and what
the class and the projector see.  Pure: the store keeps the state, the pages show it.

The sequence (Crouch & Mazur 2001, "Peer Instruction: Ten years of experience and results", Am. J. Phys. 69,
970-977): students vote on their own (round 1); the projector shows **how many** have voted, not how; the
teacher may **show** the distribution; after pair discussion the teacher may open a **second round** (round 1 is
kept and shown beside round 2 later); then the teacher **reveals**: the experiment and the feedback reach every
phone, and no vote counts after it (the store refuses one).  A round may have a **countdown**: votes after it
are refused.

Nobody's single choice is ever shown: a distribution appears only once at least :data:`MIN_SHOWN_VOTES` votes
are in (otherwise a student voting alone, or one by one, would be seen).  The clicker's "next action" ("." or
"b") follows the usual rule of peer instruction: after showing round 1, a class that mostly chose the right
answer (at least :data:`CONSENSUS_SHARE`) goes straight to the reveal, otherwise to a second round (the paper
cites 35-70 % correct as the range where discussion helps most).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

MIN_SHOWN_VOTES = 3
CONSENSUS_SHARE = 0.7
ROUNDS = (1, 2)
COUNTDOWN_CHOICES_S = (30, 60, 90, 120)

Action = Literal["show", "second_round", "reveal", "countdown"]


@dataclass(frozen=True)
class QuestionState:
    """Where a question stands in a class.  ``closes_s`` is the end of the current round's countdown (seconds
    since the epoch), None without one."""

    round: int = 1
    shown: bool = False
    revealed: bool = False
    closes_s: float | None = None

    def open_at(self, now_s: float) -> bool:
        """Whether a vote now counts."""
        return not self.revealed and (self.closes_s is None or now_s < self.closes_s)

    def seconds_left(self, now_s: float) -> int | None:
        """The countdown's whole seconds left (0 once closed), or None without a countdown."""
        if self.closes_s is None or self.revealed:
            return None
        return max(0, int(-(-(self.closes_s - now_s) // 1)))


def allowed(state: QuestionState, action: Action) -> bool:
    """Whether the teacher may do ``action`` now: nothing after the reveal, one second round, show once a round."""
    if state.revealed:
        return False
    if action == "show":
        return not state.shown
    if action == "second_round":
        return state.round == 1
    return True


def after(state: QuestionState, action: Action, now_s: float, countdown_s: float | None = None) -> QuestionState:
    """The state once ``action`` is done (the store writes it).  An action not :func:`allowed` is refused."""
    if not allowed(state, action):
        raise ValueError(f"{action} is not possible now")
    if action == "show":
        return QuestionState(state.round, True, False, state.closes_s)
    if action == "second_round":
        return QuestionState(2, False, False, None)
    if action == "countdown":
        if countdown_s is None or not 0 < countdown_s <= max(COUNTDOWN_CHOICES_S):
            raise ValueError("a countdown needs its length")
        return QuestionState(state.round, state.shown, False, now_s + countdown_s)
    return QuestionState(state.round, True, True, state.closes_s)


def showable(counts: Sequence[int]) -> bool:
    """Whether a distribution of these counts may be shown: enough votes that no single choice is seen."""
    return sum(counts) >= MIN_SHOWN_VOTES


def next_action(state: QuestionState, counts: Sequence[int], right: int | None) -> Action | None:
    """What the clicker's "." does now: show the votes (once there are enough: before, nothing, so that a press
    too early never reveals), then a second round or the reveal after round 1 (by the share that chose ``right``;
    without a right answer, the reveal), the reveal after round 2; None when revealed."""
    if state.revealed:
        return None
    if not state.shown:
        return "show" if showable(counts) else None
    if state.round == 1 and right is not None and sum(counts):
        return "reveal" if counts[right] / sum(counts) >= CONSENSUS_SHARE else "second_round"
    return "reveal"
