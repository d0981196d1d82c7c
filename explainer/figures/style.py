"""Palette, fonts, symbols and the presenter-mode scale: the only place that defines colours.

Colours are the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable with
the common colour-vision deficiencies; every colour is paired with a marker shape, a label or a line
style so that colour is never the only cue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from explainer.content.format import plotly_separators
from explainer.content.i18n import current, link_params

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}


@dataclass(frozen=True)
class ProfileColor:
    """One named colour, its laptop and its projector value side by side (as PhET's ``ProfileColorProperty``).
    Projectors wash out light greys and pale colours, so neutrals are darker there; the hues that carry
    meaning (glutamate vermillion, GABA blue, NMDA purple) are the same in both, so the colour key in the text
    holds in both."""

    laptop: str
    projector: str


def _same(value: str) -> ProfileColor:
    return ProfileColor(value, value)


# THE colour table: every colour the app draws with, once.  Charts read it through ``FigureStyle.palette``,
# the animated views get their colours in the view's header (:func:`view_header`), and style sheets get
# theirs as CSS custom properties (:func:`css_colors`).
COLORS: Mapping[str, ProfileColor] = MappingProxyType(
    {
        # what the colour key names: the same in both profiles
        "glutamate": _same(OKABE_ITO["vermillion"]),
        "gaba": _same(OKABE_ITO["blue"]),
        "nmda": _same(OKABE_ITO["reddish_purple"]),
        "spike": _same(OKABE_ITO["yellow"]),
        "depolarised": _same(OKABE_ITO["orange"]),  # a cell held depolarised (beside the resting cell's V)
        "focus": _same(OKABE_ITO["blue"]),  # the keyboard focus ring, everywhere (WCAG 2.4.7)
        "gaba_window": _same("rgba(0,114,178,0.10)"),  # GABA's blue at 10 % opacity: while GABA is on
        # neutrals, darker on a projector (the threshold green darkened within its hue: 3.3:1 -> 5.3:1 on white)
        "text": ProfileColor("#1A1A1A", "#000000"),
        "muted_text": ProfileColor("#444444", "#000000"),
        "v": ProfileColor("#1A1A1A", "#000000"),  # the membrane potential
        "threshold": ProfileColor(OKABE_ITO["bluish_green"], "#00775A"),
        "grid": ProfileColor("#E3E3E3", "#A0A0A0"),
        "axis": ProfileColor("#6B6B6B", "#000000"),
        "cursor": ProfileColor("#555555", "#000000"),
        "membrane": ProfileColor("#6B6B6B", "#3D3D3D"),
        "external": ProfileColor("#777777", "#3D3D3D"),  # the network's external input
        "outline": _same(OKABE_ITO["black"]),
        "background": _same("#FFFFFF"),
        "cytoplasm": _same("#F4EFE6"),  # also the fill of the rate map's "your sliders" marker
        "node_text": _same("#FFFFFF"),
        "label_background": _same("rgba(255,255,255,0.85)"),  # behind a label drawn over a plot
        # the soma's shading by V: hyperpolarised -> rest -> threshold (SOMA_STOPS_mV)
        "soma_hyperpolarised": _same(OKABE_ITO["blue"]),
        "soma_rest": _same("#E8E4DA"),
        "soma_threshold": _same(OKABE_ITO["orange"]),
        # the page's own chrome: the connection notice
        "notice_background": _same("#1A1A1A"),
        "notice_text": _same("#FFFFFF"),
        "notice_warn": _same(OKABE_ITO["orange"]),
        "notice_ok": _same(OKABE_ITO["bluish_green"]),
        "notice_shadow": _same("rgba(0, 0, 0, 0.35)"),
    }
)
PROFILES = ("laptop", "projector")


class Palette(Mapping[str, str]):
    """One profile's colours by name, as ``palette.glutamate`` or ``palette["glutamate"]``."""

    def __init__(self, profile: str) -> None:
        if profile not in PROFILES:
            raise ValueError(f"no colour profile {profile!r}; there are {PROFILES}")
        self.profile = profile
        self._colors = {name: getattr(color, profile) for name, color in COLORS.items()}

    def __getitem__(self, name: str) -> str:
        return self._colors[name]

    def __getattr__(self, name: str) -> str:
        try:
            return self.__dict__["_colors"][name]
        except KeyError:
            raise AttributeError(f"the colour table has no colour {name!r}") from None

    def __iter__(self):
        return iter(self._colors)

    def __len__(self) -> int:
        return len(self._colors)


LAPTOP_PALETTE = Palette("laptop")
PROJECTOR_PALETTE = Palette("projector")


def css_colors(palette: Palette, names: Mapping[str, str]) -> dict[str, str]:
    """Colours for a style sheet: ``{css property name: colour name}`` -> ``{css property name: value}`` (the
    sheet reads ``var(--ei-<property name>)``)."""
    return {prop: palette[name] for prop, name in names.items()}


# Marker shapes: the textbook convention (excitatory synapse = triangle, inhibitory = round).
GLUTAMATE_SYMBOL = "triangle-up"
GABA_SYMBOL = "circle"

GLUTAMATE_DASH = "solid"
GABA_DASH = "dash"
NMDA_DASH = "dot"

# Soma shading by membrane potential (the colours: COLORS' soma_*), interpolated in the browser.
SOMA_STOPS_mV = ((-85.0, "soma_hyperpolarised"), (-70.0, "soma_rest"), (-50.0, "soma_threshold"))

# Fonts every machine has from the start (the animated views use the same list): Plotly measures text
# when it first draws, so a web font arriving later would make labels outgrow the room measured for them.
# Every name must be valid CSS: an unquoted name starting with a digit (such as Source Sans 3) voids the
# whole list, and the browser then draws Plotly's default font while the labels are spaced for another.
FONT_FAMILY = "DejaVu Sans, Arial, Helvetica, sans-serif"
BASE_FONT_PX = 14

# The smallest type of any label in a presenter-mode figure or view (CSS px), on a 1280 x 720 projector: the back
# row of a classroom reads 20 px there, not the 17 px that the small type scaled by 1.45 would give.  No label is
# shrunk below it; where a label would not fit at this size, the layout makes room (wraps, fewer ticks, a shorter
# word, stacks).  The animated views get it in their header (``sizes.min_label_px``).
PRESENTER_MIN_LABEL_PX = 20


@dataclass(frozen=True)
class FigureStyle:
    """Sizes and contrast for one viewing situation.

    Presenter mode (a projector at the back of a room) uses ``scale`` > 1 and ``high_contrast``, which
    chooses :data:`PROJECTOR_PALETTE` when a figure is built (and no line thinner than 2 px: see
    :func:`finish`).  ``narrow`` (a phone, ~360 px of chart width) stacks side-by-side panels.
    """

    scale: float = 1.0
    high_contrast: bool = False
    narrow: bool = False  # a phone in portrait: figures stack their panels instead of side by side
    # The reader's language (the page's, when the style is made): a figure's words and numbers are written in it,
    # and every cache keyed on the style keeps one language's figures from another's readers.
    lang: str = field(default_factory=current)

    @property
    def min_label_px(self) -> int:
        """The smallest label this profile draws: :data:`PRESENTER_MIN_LABEL_PX` on a projector, none on a laptop."""
        return PRESENTER_MIN_LABEL_PX if self.high_contrast else 0

    @property
    def font_px(self) -> int:
        return max(round(BASE_FONT_PX * self.scale), self.min_label_px)

    @property
    def small_font_px(self) -> int:
        return max(round((BASE_FONT_PX - 2) * self.scale), self.min_label_px)

    @property
    def line_px(self) -> float:
        return 2.0 * self.scale

    def marker_px(self, size: float) -> float:
        return size * self.scale

    @property
    def palette(self) -> Palette:
        """This profile's neutral colours, chosen once, when a figure is built."""
        return PROJECTOR_PALETTE if self.high_contrast else LAPTOP_PALETTE


def base_layout(style: FigureStyle, height_px: int) -> dict:
    """Layout shared by every figure: fonts, white background, margins, no third-party fonts, and the numbers
    (ticks, hover texts) written the page's language's way."""
    return {
        "separators": plotly_separators(),
        "height": round(height_px * max(1.0, style.scale * 0.85)),
        "font": {"family": FONT_FAMILY, "size": style.font_px, "color": style.palette.text},
        "paper_bgcolor": style.palette.background,
        "plot_bgcolor": "rgba(0,0,0,0)",  # transparent: overlaid panels must not hide each other
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "hoverlabel": {"font": {"size": style.small_font_px}},
        "legend": {"font": {"size": style.small_font_px}},
    }


# The one breakpoint of every figure: below this width (CSS px) static charts stack their panels (the viewport
# component measures the page) and the animated views put the cell above its traces (the view measures itself).
WIDE_MIN_PX = 700

# Axis labels that stand clear of each other (checked in Chromium at laptop, projector and phone size by
# tests/e2e/test_static_charts.py).
AXIS_TITLE_STANDOFF_PX = 12
Y_TICK_LABEL_STANDOFF_PX = 6  # y tick labels kept off the axis: "0" on y never meets "0" on x at the corner
NARROW_X_TITLE_MAX_CHARS = 30  # a phone's chart is ~300 px wide: longer x titles go on two lines


def _two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "<br>" + text[cut + 1 :]


def tidy_axes(layout: dict, style: FigureStyle) -> None:
    """In place, on every axis: the profile's grid colour (unless one is set), room for the tick labels
    (automargin), y tick labels standing off the axis, the title clear of its tick labels, and on a phone a
    long x title on two lines instead of running past the chart's edge.

    Works on every ``xaxis*`` / ``yaxis*`` in ``layout``; a larger ``standoff`` already set is kept.
    """
    for name, axis in layout.items():
        if not (isinstance(axis, dict) and name[:5] in ("xaxis", "yaxis")):
            continue
        axis["automargin"] = True
        axis.setdefault("gridcolor", style.palette.grid)
        vertical = name.startswith("yaxis")
        if vertical:
            axis.setdefault("ticklabelstandoff", round(Y_TICK_LABEL_STANDOFF_PX * style.scale))
        title = axis.get("title")
        if isinstance(title, str):
            title = axis["title"] = {"text": title}
        if not title or not title.get("text"):
            continue
        text = title["text"]
        if style.narrow and not vertical and "<br>" not in text and len(text) > NARROW_X_TITLE_MAX_CHARS:
            title["text"] = _two_lines(text)
        title["standoff"] = max(AXIS_TITLE_STANDOFF_PX, title.get("standoff", 0))


PROJECTOR_MIN_LINE_PX = 2.0


def thick_lines(spec: dict) -> dict:
    """A copy of a figure spec in which no drawn line is thinner than PROJECTOR_MIN_LINE_PX; arrays are shared."""

    def walk(node, key=None):
        if isinstance(node, dict):
            out = {k: walk(v, k) for k, v in node.items()}
            width = out.get("width") if key == "line" else None
            # width 0 means "no line" (a shaded window's border): it stays invisible
            if isinstance(width, (int, float)) and 0 < width < PROJECTOR_MIN_LINE_PX:
                out["width"] = PROJECTOR_MIN_LINE_PX
            return out
        if isinstance(node, list):
            if node and not isinstance(node[0], (dict, list, str)):
                return node  # numbers (or None): nothing to change
            return [walk(v, key) for v in node]
        return node

    return walk(spec)


def finish(spec: dict, style: FigureStyle) -> dict:
    """The last step of every figure builder: no hairlines on a projector (its colours were chosen by
    ``style.palette`` as the figure was built)."""
    return thick_lines(spec) if style.high_contrast else spec


PROJECTOR_PNG = {"width": 1920, "height": 1080, "scale": 1}


def chart_config(filename: str) -> dict:
    """Plotly config: no logo, no scroll zoom, and a camera button that saves a projector-sized PNG (for a chart
    drawn at settings, ``ui/components/chart_export`` saves it instead, with the settings drawn under it)."""
    return {
        "displaylogo": False,
        "scrollZoom": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, **PROJECTOR_PNG},
    }


# ---- the animated views' colours: the palette's, by the names the browser draws with ----
VIEW_COLOR_NAMES = (
    "glutamate", "gaba", "spike", "v", "threshold", "cursor", "membrane", "cytoplasm", "text", "muted_text", "grid",
    "axis", "background", "outline", "focus", "external", "node_text",
)  # fmt: skip


def view_palette(style: FigureStyle) -> dict[str, str]:
    """The animated views' colours in this profile."""
    return {name: style.palette[name] for name in VIEW_COLOR_NAMES}


def soma_color_stops(style: FigureStyle) -> list[list]:
    """The soma's shading by V as [[mV, colour], ...] in this profile (colour.js draws between the stops)."""
    return [[v, style.palette[name]] for v, name in SOMA_STOPS_mV]


def view_sizes(style: FigureStyle) -> dict[str, float]:
    """Font and line sizes of the animated views (px) for this profile."""
    return {
        "font_px": style.font_px,
        "small_font_px": style.small_font_px,
        "line_px": max(style.line_px * 0.75, PROJECTOR_MIN_LINE_PX if style.high_contrast else 1.5),
        "scale": style.scale,
        "min_label_px": style.min_label_px,
    }


def view_header(style: FigureStyle) -> dict:
    """What every animated view's header says of its look: palette, sizes on screen and in the PNG, profile; and
    of its reader: the language its numbers are written in and the link parameters "Copy link" sets."""
    return {
        "lang": style.lang,
        "link_params": link_params(style.lang),
        "palette": view_palette(style),
        "sizes": view_sizes(style),
        "export_sizes": view_sizes(export_style(style)),
        "profile": "projector" if style.high_contrast else "laptop",
        "wide_min_px": WIDE_MIN_PX,
    }


EXPORT_SCALE = 1.6  # type in the 1920 x 1080 image: laptop sizes x 1.6 (22 px), readable when projected


def export_style(style: FigureStyle) -> FigureStyle:
    """The style of the projector-sized PNG export: larger type, the same colours as on screen."""
    return FigureStyle(scale=EXPORT_SCALE, high_contrast=style.high_contrast, lang=style.lang)
