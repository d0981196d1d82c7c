"""Palette, fonts, symbols and the presenter-mode scale: the only place that defines colours.

Colours are the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable with
the common colour-vision deficiencies; every colour is paired with a marker shape, a label or a line
style so that colour is never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass

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

GLUTAMATE_COLOR = OKABE_ITO["vermillion"]
GABA_COLOR = OKABE_ITO["blue"]
FOCUS_COLOR = OKABE_ITO["blue"]  # the keyboard focus ring, everywhere (WCAG 2.4.7)
NMDA_COLOR = OKABE_ITO["reddish_purple"]
SPIKE_COLOR = OKABE_ITO["yellow"]
V_COLOR = "#1A1A1A"
THRESHOLD_COLOR = OKABE_ITO["bluish_green"]
CURSOR_COLOR = "#555555"
MEMBRANE_COLOR = "#6B6B6B"
CYTOPLASM_COLOR = "#F4EFE6"
TEXT_COLOR = "#1A1A1A"
GRID_COLOR = "#E3E3E3"
LABEL_BACKGROUND = "rgba(255,255,255,0.85)"  # behind a label drawn over a chart's plot area
GABA_WINDOW_FILL = "rgba(0,114,178,0.10)"  # GABA_COLOR (Okabe-Ito blue) at 10 % opacity: when GABA is on

# Marker shapes: the textbook convention (excitatory synapse = triangle, inhibitory = round).
GLUTAMATE_SYMBOL = "triangle-up"
GABA_SYMBOL = "circle"
CATION_SYMBOL = "cross"  # Na+ / Ca2+ drawn as "+"
ANION_SYMBOL = "line-ew"  # Cl- drawn as "-"
SPIKE_SYMBOL = "star"

GLUTAMATE_DASH = "solid"
GABA_DASH = "dash"
NMDA_DASH = "dot"

# Soma shading by membrane potential: blue (hyperpolarised) -> pale (rest) -> orange (threshold).
SOMA_COLOR_STOPS_mV = ((-85.0, "#0072B2"), (-70.0, "#E8E4DA"), (-50.0, "#E69F00"))

# Fonts every machine has from the start (the animated views use the same list): Plotly measures text
# when it first draws, so a web font arriving later would make labels outgrow the room measured for them.
# Every name must be valid CSS: an unquoted name starting with a digit (the earlier "Source Sans 3")
# voids the whole list, and Plotly's own default font was drawn while spacing came from another.
FONT_FAMILY = "DejaVu Sans, Arial, Helvetica, sans-serif"
BASE_FONT_PX = 14


@dataclass(frozen=True)
class Palette:
    """The neutral colours of one viewing profile.  The hues that carry meaning (glutamate vermillion, GABA
    blue, NMDA purple) are the same in every profile, so the colour key in the text holds in both."""

    text: str
    v: str  # the membrane potential
    grid: str
    cursor: str
    membrane: str
    threshold: str


LAPTOP_PALETTE = Palette(
    text=TEXT_COLOR, v=V_COLOR, grid=GRID_COLOR, cursor=CURSOR_COLOR, membrane=MEMBRANE_COLOR, threshold=THRESHOLD_COLOR
)
# Projectors wash out light greys and pale colours: text and the membrane potential black, grid lines
# mid-grey, and the threshold green darkened within its hue (contrast on white 3.3:1 -> 5.3:1).
PROJECTOR_PALETTE = Palette(
    text="#000000", v="#000000", grid="#A0A0A0", cursor="#000000", membrane="#3D3D3D", threshold="#00775A"
)


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

    @property
    def font_px(self) -> int:
        return round(BASE_FONT_PX * self.scale)

    @property
    def small_font_px(self) -> int:
        return round((BASE_FONT_PX - 2) * self.scale)

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
    """Layout shared by every figure: fonts, white background, margins, no third-party fonts."""
    return {
        "height": round(height_px * max(1.0, style.scale * 0.85)),
        "font": {"family": FONT_FAMILY, "size": style.font_px, "color": style.palette.text},
        "paper_bgcolor": "#FFFFFF",
        "plot_bgcolor": "rgba(0,0,0,0)",  # transparent: overlaid panels must not hide each other
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "hoverlabel": {"font": {"size": style.small_font_px}},
        "legend": {"font": {"size": style.small_font_px}},
    }


# The page's own chrome, outside the figures: the connection notice (ui/components/connection_notice) and
# presenter mode's page text (ui/presenter.py).  Names are CSS custom properties (--ei-<name>) of their style
# sheets (ui/styles/presenter.css, the notice's assets/style.css).
NOTICE_COLORS = {
    "notice-bg": TEXT_COLOR,
    "notice-text": "#FFFFFF",
    "notice-warn": OKABE_ITO["orange"],
    "notice-ok": OKABE_ITO["bluish_green"],
    "notice-shadow": "rgba(0, 0, 0, 0.35)",
}
PRESENTER_PAGE_COLORS = {"present-text": "#000000", "present-border": MEMBRANE_COLOR}


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
    """Plotly config: no logo, no scroll zoom, and a camera button that saves a projector-sized PNG."""
    return {
        "displaylogo": False,
        "scrollZoom": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, **PROJECTOR_PNG},
    }


# ---- the animated views' palette (one per profile; the browser draws with exactly these) ----
VIEW_PALETTE_LAPTOP = {
    "glutamate": GLUTAMATE_COLOR,
    "gaba": GABA_COLOR,
    "spike": SPIKE_COLOR,
    "v": V_COLOR,
    "threshold": THRESHOLD_COLOR,
    "cursor": CURSOR_COLOR,
    "membrane": MEMBRANE_COLOR,
    "cytoplasm": CYTOPLASM_COLOR,
    "text": TEXT_COLOR,
    "muted_text": "#444444",
    "grid": GRID_COLOR,
    "axis": "#6B6B6B",
    "background": "#FFFFFF",
    "outline": "#000000",
    "panel_key_bg": "rgba(255,255,255,0.85)",
    "focus": FOCUS_COLOR,
    "external": "#777777",
    "node_text": "#FFFFFF",
}


def view_palette(style: FigureStyle) -> dict[str, str]:
    """Named colours of the animated views for this profile: the laptop's, or with the projector palette's
    neutrals (:data:`PROJECTOR_PALETTE`) and darker muted greys."""
    palette = dict(VIEW_PALETTE_LAPTOP)
    if style.high_contrast:
        pro = PROJECTOR_PALETTE
        palette.update(
            v=pro.v, threshold=pro.threshold, cursor=pro.cursor, membrane=pro.membrane, text=pro.text, grid=pro.grid
        )
        palette["muted_text"] = "#000000"
        palette["axis"] = "#000000"
        palette["external"] = "#3D3D3D"
    return palette


def soma_color_stops() -> list[list]:
    """The soma's shading by V as [[mV, colour], ...] for the browser (colour.js draws between the stops)."""
    return [[v, c] for v, c in SOMA_COLOR_STOPS_mV]


def view_sizes(style: FigureStyle) -> dict[str, float]:
    """Font and line sizes of the animated views (px) for this profile."""
    return {
        "font_px": style.font_px,
        "small_font_px": style.small_font_px,
        "line_px": max(style.line_px * 0.75, PROJECTOR_MIN_LINE_PX if style.high_contrast else 1.5),
        "scale": style.scale,
    }


def view_header(style: FigureStyle) -> dict:
    """What every animated view's header says of its look: palette, sizes on screen and in the PNG, profile."""
    return {
        "palette": view_palette(style),
        "sizes": view_sizes(style),
        "export_sizes": view_sizes(export_style(style)),
        "profile": "projector" if style.high_contrast else "laptop",
    }


EXPORT_SCALE = 1.6  # type in the 1920 x 1080 image: laptop sizes x 1.6 (22 px), readable when projected


def export_style(style: FigureStyle) -> FigureStyle:
    """The style of the projector-sized PNG export: larger type, the same colours as on screen."""
    return FigureStyle(scale=EXPORT_SCALE, high_contrast=style.high_contrast)
