"""The link writer: puts a corrected value into the address bar, so that a copied link says what the page uses.

Streamlit drops a link's unusable value from the URL while the run is drawn, and writes a bound widget's value
only when the user changes it; so a value the page corrected (a clamped number, ``present=1`` read as
``present=true``) goes into the address bar from the browser, once the script run has finished
(``assets/index.js``, with ``history.replaceState``: no reload, no rerun).  The component shows nothing.
"""

from __future__ import annotations

from typing import TypedDict

from explainer.ui.components import mount_hidden
from explainer.ui.dom import link_writer_key

NAME = "link_writer"


class LinkWriterData(TypedDict):
    param: str  # the link parameter (a widget's key)
    value: str  # its value as the address bar shows it


def write_link_param(param: str, value: str) -> None:
    """Put ``param=value`` into the address bar once this run has finished."""
    data: LinkWriterData = {"param": param, "value": value}
    mount_hidden(NAME, key=link_writer_key(param), data=data)
