"""Printable worksheet: one lesson's questions, tick boxes, ruled space and figures; ``?answers=true`` is the
teacher's answer sheet.  Print it from the browser (the print style sheet leaves the app's chrome out)."""

from __future__ import annotations

from explainer.ui.worksheet import worksheet


def render() -> None:
    worksheet()


if __name__ == "__main__":
    render()
