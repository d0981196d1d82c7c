"""The unit tests of the browser components' pure modules (tests/js, ``node --test``), with real payloads.

This writes the animated views' payloads, as the Python builders make them, into a folder (with what
``view_codec.unpack`` reads back from each, as JSON) and runs Node's test runner on tests/js with that folder in
``EI_VIEW_FIXTURES``, so that the JavaScript is tested on the data it gets in the app.  Without Node the test is
skipped, and fails under ``CI=true``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from explainer.content import i18n
from explainer.content.format import num
from explainer.figures import style
from explainer.figures.network_view import network_view_payload
from explainer.figures.neuron_view import neuron_view_payload
from explainer.figures.view_codec import unpack
from explainer.model.experiments.balance import TugOfWarSettings, run_tug_of_war
from explainer.model.network import NetworkParams, simulate_network

ROOT = Path(__file__).resolve().parents[1]
JS_TESTS = ROOT / "tests" / "js"
LAPTOP = style.FigureStyle()
PROJECTOR = style.FigureStyle(scale=1.45, high_contrast=True)


def _write(folder: Path, name: str, payload: bytes) -> None:
    view = unpack(payload)
    arrays = {k: {"values": np.asarray(v, dtype=float).ravel().tolist(), "shape": list(np.shape(v))}
              for k, v in view.arrays.items()}  # fmt: skip
    (folder / f"{name}.bin").write_bytes(payload)
    (folder / f"{name}.json").write_text(json.dumps({"header": view.header, "arrays": arrays}))


# Numbers both sides write (value, decimals), in every language the app may speak: the browser's num (Intl) must
# write them as the server's num (Babel's CLDR data) does.
NUMBERS = ((-6.7, 1), (6.7, 1), (0.5, 1), (-70.0, 0), (1234.5, 1), (12345.0, 0), (123456.789, 2), (-0.04, 1), (1e3, 0))
NUMBER_LANGUAGES = ("en", "es", "fr", "de")


def _numbers() -> dict[str, list[list]]:
    written: dict[str, list[list]] = {}
    for lang in NUMBER_LANGUAGES:
        with i18n.using(lang):
            written[lang] = [[value, decimals, num(value, decimals)] for value, decimals in NUMBERS]
    return written


def _fixtures(folder: Path) -> None:
    (folder / "numbers.json").write_text(json.dumps(_numbers(), ensure_ascii=False), encoding="utf-8")
    run, inp = run_tug_of_war(TugOfWarSettings())
    for profile, figure_style in (("laptop", LAPTOP), ("projector", PROJECTOR)):
        payload = neuron_view_payload(run, inp, view_id="n", figure_style=figure_style, alt="a", export_name="n")
        _write(folder, f"neuron-{profile}", payload)
    net = simulate_network(NetworkParams(), 400.0, 0.1, np.random.default_rng(1))
    _write(
        folder, "network-laptop", network_view_payload(net, view_id="x", figure_style=LAPTOP, alt="a", export_name="x")
    )


def test_the_javascript_unit_tests_pass(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true needs Node.js (node --test) for the JavaScript unit tests", pytrace=False)
        pytest.skip("Node.js is not installed: the JavaScript unit tests (tests/js) did not run")
    _fixtures(tmp_path)
    files = sorted(str(p.relative_to(ROOT)) for p in JS_TESTS.glob("*.test.mjs"))
    assert len(files) >= 5, f"expected the unit tests of codec, colour, geometry, layout and timing: {files}"
    result = subprocess.run(
        [node, "--test", "--test-reporter=tap", *files],
        cwd=ROOT,
        env={**os.environ, "EI_VIEW_FIXTURES": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=240,
    )
    report = result.stdout + result.stderr
    counts = {k: int(v) for k, v in re.findall(r"^# (tests|pass|fail|skipped) (\d+)$", report, re.M)}
    assert result.returncode == 0 and counts.get("fail") == 0, f"node --test failed:\n{report[-6000:]}"
    assert counts.get("skipped") == 0, f"tests were skipped although the payloads were there:\n{report[-3000:]}"
    assert counts.get("pass", 0) >= 30, f"too few JavaScript tests ran: {counts}"
