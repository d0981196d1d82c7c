"""Phones are told apart from tablets and laptops by their User-Agent; their figures stack."""

from __future__ import annotations

import pytest

from explainer.figures.style import FigureStyle
from explainer.ui.device import is_phone_user_agent

PHONES = [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
    "Mobile Safari/537.36",
    "Mozilla/5.0 (Android 14; Mobile; rv:132.0) Gecko/132.0 Firefox/132.0",
]
NOT_PHONES = [
    "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
    "Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
    "Safari/537.36",  # an Android tablet: no "Mobile"
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
    "",
]


@pytest.mark.parametrize("ua", PHONES)
def test_phones_are_phones(ua):
    assert is_phone_user_agent(ua)


@pytest.mark.parametrize("ua", NOT_PHONES)
def test_tablets_and_laptops_are_not(ua):
    assert not is_phone_user_agent(ua)


def test_the_animated_views_do_not_depend_on_the_device():
    """The views lay themselves out for the width the browser measures; the server sends every device the same
    data, so a phone and a laptop share the cache."""
    from explainer.ui import presenter

    assert presenter.view_style() == FigureStyle()
