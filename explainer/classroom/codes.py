"""Class codes, teacher tokens and student seats: how they are made, read back and stored (hashes only).

- A **class code** is 6 characters from an alphabet without look-alikes (no 0/O, 1/I/l): short enough to
  type from a projected screen, 31**6 ≈ 890 million of them.  Typed codes are read generously (lower case,
  spaces and dashes are fine) and anything else is refused before it reaches the store.
- A **teacher token** (32 random bytes, URL-safe) is the secret of the teacher link; a **seat** (16 random
  bytes) is one student's anonymous place in the class, kept in that student's link.  The store keeps only
  their SHA-256 hashes, so a copy of the database grants nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: readable from the back of a room
CODE_LENGTH = 6
TEACHER_TOKEN_BYTES = 32
SEAT_BYTES = 16
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,128}$")


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def read_code(typed: object) -> str | None:
    """A typed or linked code in its one spelling (``"abc-234"`` -> ``"ABC234"``), or None if it cannot be one."""
    if not isinstance(typed, str) or len(typed) > 40:
        return None
    code = re.sub(r"[\s-]", "", typed).upper()
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def new_teacher_token() -> str:
    return secrets.token_urlsafe(TEACHER_TOKEN_BYTES)


def new_seat() -> str:
    return secrets.token_urlsafe(SEAT_BYTES)


def read_token(value: object) -> str | None:
    """A token or seat as it came in a link, or None if it cannot be one (never passed on otherwise)."""
    return value if isinstance(value, str) and _TOKEN.match(value) else None


def digest(secret: str) -> str:
    """What the store keeps of a token or a seat."""
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def same_digest(secret: str, stored: str) -> bool:
    return hmac.compare_digest(digest(secret), stored)
