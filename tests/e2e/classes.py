"""Class mode in the browser tests: a teacher starting a class (shared by test_class_mode and test_class_load)."""

from __future__ import annotations

import re
from typing import Any

from .conftest import goto, wait_for_app

# A class code as the page projects it: six capitals and digits, never I, O, 0 or 1.
CLASS_CODE = re.compile(r"[A-HJ-NP-Z2-9]{6}")


def start_class(teacher: Any) -> str:
    """On the class page in presenter mode, press "Start a class"; return the code the page projects."""
    goto(teacher, "/class?present=true")
    teacher.get_by_role("button", name="Start a class").click()
    wait_for_app(teacher, after_interaction=True)
    code = teacher.locator(".ei-class-code").inner_text(timeout=15_000).strip()
    assert CLASS_CODE.fullmatch(code), code
    return code
