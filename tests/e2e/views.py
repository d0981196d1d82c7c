"""Reading and driving the animated-view component (``explainer/ui/components/animated_view``) in a real browser.

The component renders inside an open shadow root; Playwright's CSS locators pierce it.  Its root element
``.ei-view`` carries what it shows as attributes, set as it draws:

- ``data-view-id``: the settings it is drawing (the Python side's view id; a new one once new data is drawn),
- ``data-state``: ``playing``, ``paused`` or ``ended``; ``data-t-ms``: the simulated time on screen;
  ``data-speed``: 0.5, 1 or 2; ``data-kind``: ``neuron`` or ``network``; ``data-profile``: laptop/projector.

``root.eiDebug()`` returns the frame log ``[[performance.now(), t_ms], ...]``, the clicks the sound
scheduled ``{spike_ms, wall_ms, audio_s, cancelled}``, the output spike times and draw/frame counters.
Every label drawn in the SVG has the class ``ei-t``.
"""

from __future__ import annotations

from typing import Any

from .conftest import wait_for_frames

PLAY_WAIT_MS = 5_000
VIEW_READY_MS = 60_000
# A view that keeps its time over this many animation frames is still: playing, it moves at every frame.
STILL_FRAMES = 30


def view(page: Any, key: str) -> Any:
    """The view's root element (a locator)."""
    return page.locator(f".st-key-{key} .ei-view")


def control(page: Any, key: str, action: str) -> Any:
    """One of the view's controls: play-pause, speed (add ``speed``), scrub, listen, copy, save."""
    return page.locator(f".st-key-{key} .ei-controls [data-action='{action}']")


def speed_button(page: Any, key: str, speed: float) -> Any:
    return page.locator(f".st-key-{key} .ei-controls [data-action='speed'][data-speed='{speed:g}']")


_STATE = """(root) => root ? ({
  id: root.dataset.viewId || null, state: root.dataset.state || null, t: Number(root.dataset.tMs),
  speed: Number(root.dataset.speed), kind: root.dataset.kind, profile: root.dataset.profile,
  readout: (root.querySelector('svg .ei-readout-time') || {}).textContent || null,
}) : null"""


def view_state(page: Any, key: str) -> dict:
    return view(page, key).evaluate(_STATE)


def wait_for_view(
    page: Any, key: str, *, other_than: str | None = None, wanted: str | None = None, timeout_ms: int = VIEW_READY_MS
) -> dict:
    """Wait until the view has drawn some data (other than the view id ``other_than`` / exactly ``wanted``)."""
    root = view(page, key)
    root.wait_for(state="attached", timeout=timeout_ms)
    page.wait_for_function(
        """([root, prev, wanted]) => {
          const id = root.dataset.viewId;
          return Boolean(id && id !== prev && (!wanted || id === wanted) && root.dataset.state);
        }""",
        arg=[root.element_handle(), other_than, wanted],
        timeout=timeout_ms,
    )
    return view_state(page, key)


def wait_for_time_past(page: Any, key: str, t_ms: float, timeout_ms: int = PLAY_WAIT_MS) -> float:
    """Wait until the view shows a time later than ``t_ms``; return it."""
    root = view(page, key).element_handle()
    page.wait_for_function("([root, t]) => Number(root.dataset.tMs) > t", arg=[root, t_ms], timeout=timeout_ms)
    return float(root.get_attribute("data-t-ms"))


def assert_stays_still(page: Any, key: str, when: str = "") -> float:
    """The view's time does not move over ``STILL_FRAMES`` animation frames; return that time."""
    before = view_state(page, key)["t"]
    wait_for_frames(page, STILL_FRAMES)
    after = view_state(page, key)["t"]
    assert after == before, (
        f"the animation moved from {before} to {after} ms over {STILL_FRAMES} frames {when}".rstrip()
    )
    return after


def debug(page: Any, key: str) -> dict:
    return view(page, key).evaluate("(root) => root.eiDebug()")


# Every label of the view: its text and box (CSS px), and the SVG's box.
_TEXT_BOXES = """(root) => {
  const svg = root.querySelector('svg');
  const s = svg.getBoundingClientRect();
  const boxes = [...svg.querySelectorAll('.ei-t')]
    .filter((t) => t.textContent.trim() && getComputedStyle(t).display !== 'none')
    .map((t) => { const r = t.getBoundingClientRect();
                  return {text: t.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom}; });
  return {svg: {left: s.left, top: s.top, right: s.right, bottom: s.bottom}, boxes};
}"""


def text_boxes(page: Any, key: str) -> dict:
    return view(page, key).evaluate(_TEXT_BOXES)


def layout_problems(measured: dict, tolerance_px: float = 0.5) -> list[str]:
    """Pairs of labels that overlap, and labels cut off by the edge of the view."""
    problems = []
    svg = measured["svg"]
    boxes = measured["boxes"]
    for b in boxes:
        if (
            b["left"] < svg["left"] - tolerance_px
            or b["right"] > svg["right"] + tolerance_px
            or b["top"] < svg["top"] - tolerance_px
            or b["bottom"] > svg["bottom"] + tolerance_px
        ):
            problems.append(f"cut off by the view's edge: {b['text']!r} {_fmt(b)} (view {_fmt(svg)})")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            w = min(a["right"], b["right"]) - max(a["left"], b["left"])
            h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if w > tolerance_px and h > tolerance_px:
                problems.append(f"overlap: {a['text']!r} {_fmt(a)} and {b['text']!r} {_fmt(b)}")
    return problems


def _fmt(b: dict) -> str:
    return f"[{b['left']:.0f},{b['top']:.0f} - {b['right']:.0f},{b['bottom']:.0f}]"


def wait_for_all_views(page: Any, timeout_ms: int = VIEW_READY_MS) -> int:
    """Wait until every animated view on the page has drawn its data; return how many there are."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('*')].filter((e) => e.shadowRoot)
                 .map((e) => e.shadowRoot.querySelector('.ei-view')).filter(Boolean)
                 .every((root) => root.dataset.viewId)""",
        timeout=timeout_ms,
    )
    return page.locator(".ei-view").count()
