"""Shared animation controls for Plotly figures: play/pause/speed buttons, and reduce motion's last frame.

Playback runs entirely in the browser (Plotly's ``animate``); ``redraw: False`` keeps frames cheap.  The
time scrubber is the page's own HTML range input (:mod:`explainer.ui.animation`), not a Plotly slider: a
keyboard can reach it, and the browser does not draw 101 slider steps with every new figure.
"""

from __future__ import annotations

from explainer.figures import style as st_

PLAY_SPEEDS = (("0.5×", 2.0), ("1×", 1.0), ("2×", 0.5))


def play_menu(frame_duration_ms: int, s: st_.FigureStyle, *, x: float, y: float) -> dict:
    """Play, pause and speed buttons (Plotly updatemenu), anchored at the bottom-left corner (x, y) in paper units."""
    buttons = [
        {
            "label": "▶ Play",
            "method": "animate",
            "args": [
                None,
                {
                    "frame": {"duration": frame_duration_ms, "redraw": False},
                    "fromcurrent": True,
                    "transition": {"duration": 0},
                    "mode": "immediate",
                },
            ],
        },
        {
            "label": "❚❚ Pause",
            "method": "animate",
            "args": [
                [None],
                {
                    "frame": {"duration": 0, "redraw": False},
                    "mode": "immediate",
                    "transition": {"duration": 0},
                },
            ],
        },
    ]
    for label, factor in PLAY_SPEEDS:
        buttons.append(
            {
                "label": label,
                "method": "animate",
                "args": [
                    None,
                    {
                        "frame": {"duration": round(frame_duration_ms * factor), "redraw": False},
                        "fromcurrent": True,
                        "transition": {"duration": 0},
                        "mode": "immediate",
                    },
                ],
            }
        )
    return {
        "type": "buttons",
        "direction": "right",
        "showactive": False,
        "x": x,
        "y": y,
        "xanchor": "left",
        "yanchor": "bottom",
        "pad": {"r": 6, "t": 0},
        "font": {"size": s.small_font_px},
        "buttons": buttons,
    }


def start_at_last_frame(spec: dict) -> dict:
    """Return ``spec`` with its animated traces showing the last frame (for "reduce motion").

    Each frame names the traces it updates and their new values (keys may be dotted paths such as
    ``marker.size``); applying the last frame to the base traces shows the final state still, and the
    page's time scrubber starts at the end too.  ``spec`` itself is not modified.
    """
    import copy

    if not spec.get("frames"):
        return spec
    out = copy.deepcopy(spec)
    last = out["frames"][-1]
    for index, update in zip(last["traces"], last["data"], strict=True):
        trace = out["data"][index]
        for path, value in update.items():
            node = trace
            *parents, leaf = path.split(".")
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = value
    return out
