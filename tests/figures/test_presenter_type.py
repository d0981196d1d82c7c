"""Readable from the back row: every static figure built for presenter mode, side by side or stacked, sets no
type smaller than ``style.PRESENTER_MIN_LABEL_PX`` (the layout's font, which axes, ticks and legends inherit,
and every font it names: axis titles, tick labels, legends, annotations, point labels); and the animated views
are told the same minimum in their header.  The browser test (tests/e2e/test_presenter_legibility.py) measures
what is drawn."""

from __future__ import annotations

import numpy as np
import pytest

from explainer.figures import style
from explainer.figures.network import build_disinhibition_chart
from explainer.lessons import LESSONS
from explainer.ui.presenter import PRESENTER_FIGURE_SCALE

PRESENTING = {
    "side by side": style.FigureStyle(scale=PRESENTER_FIGURE_SCALE, high_contrast=True),
    "stacked": style.FigureStyle(scale=PRESENTER_FIGURE_SCALE, high_contrast=True, narrow=True),
}


def _presenter_figures(s: style.FigureStyle) -> dict[str, dict]:
    specs = {f"{lesson.name} #{i}": chart.fig.spec for lesson in LESSONS for i, chart in enumerate(lesson.charts(s))}
    specs["blocked gate"] = build_disinhibition_chart(
        np.array([1.0, 0.7, 0.4]), np.array([5.0, 20.0, 170.0]), np.array([10.0, 25.0, 40.0]), (1.0, 5.0, 10.0),
        figure_style=s,
    ).spec  # fmt: skip
    return specs


def font_sizes(node, where: str = "") -> list[tuple[str, float]]:
    """Every ``size`` of a font the spec names (``font``, ``tickfont``, ``textfont``, a title's ``font``...),
    with where it is."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{where}.{key}" if where else key
            if key.endswith("font") and isinstance(value, dict) and "size" in value:
                sizes = value["size"] if isinstance(value["size"], list) else [value["size"]]
                found += [(here, float(size)) for size in sizes]
            found += font_sizes(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += font_sizes(value, f"{where}[{i}]")
    return found


@pytest.mark.parametrize("layout", list(PRESENTING))
def test_no_presenter_figure_names_type_under_the_minimum(layout):
    figures = _presenter_figures(PRESENTING[layout])
    assert len(figures) >= 10, "every lesson's charts and the blocked gate's"
    small = []
    for name, spec in figures.items():
        assert spec["layout"]["font"]["size"] >= style.PRESENTER_MIN_LABEL_PX, f"{name}: the layout's font"
        sizes = font_sizes(spec)
        small += [f"{name}: {where} = {px:g} px" for where, px in sizes if px < style.PRESENTER_MIN_LABEL_PX]
    assert not small, "type under the presenter minimum:\n  " + "\n  ".join(small)


def test_the_minimum_is_the_projector_profiles_and_reaches_the_views():
    presenting, laptop = PRESENTING["side by side"], style.FigureStyle()
    assert presenting.small_font_px == presenting.min_label_px == style.PRESENTER_MIN_LABEL_PX
    assert laptop.min_label_px == 0 and laptop.small_font_px == style.BASE_FONT_PX - 2, "laptop sizes unchanged"
    assert style.view_header(presenting)["sizes"]["min_label_px"] == style.PRESENTER_MIN_LABEL_PX
    assert style.view_header(presenting)["export_sizes"]["min_label_px"] == style.PRESENTER_MIN_LABEL_PX
    assert style.view_header(laptop)["sizes"]["min_label_px"] == 0


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #RRGGBB colours."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("profile", style.PROFILES)
def test_the_focus_ring_stands_out_from_the_page_by_3_to_1(profile):
    """WCAG 2.2 focus appearance: the ring (presenter.css, PRESENTER_FOCUS_RING_PX wide) against the page."""
    from explainer.ui.presenter import PAGE_COLORS, PRESENTER_FOCUS_RING_PX

    palette = style.Palette(profile)
    assert PAGE_COLORS["present-focus"] == "focus" and PRESENTER_FOCUS_RING_PX >= 3
    assert contrast(palette.focus, palette.background) >= 3.0
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
