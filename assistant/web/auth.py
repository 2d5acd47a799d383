"""Who is asking: optional sign-in for a page served beyond localhost (FAZHI_AUTH).

* unset: no sign-in. The page is a local, single-user tool: everyone is the local editor, and each
  browser keeps its conversations apart by a random id (privacy between polite users, not security).
  `fazhi serve` refuses a non-loopback address then, unless --insecure is given.
* `file:PATH`: a users file, one `name:role:hash` a line (role reader or editor; the hash is scrypt with
  a random salt, written by `fazhi user add`). Gradio's login form checks it (launch(auth=...)), and
  every handler reads the signed-in name from the request (`gr.Request.username`).
* `header:NAME` (e.g. header:X-Forwarded-User): a reverse proxy that has signed the user in sends the name
  in that header; FAZHI_AUTH_EDITORS lists who may add and delete reports. Only safe when the page is
  reachable through that proxy alone (bind 127.0.0.1 behind it), since a client could send the header.

Every handler, page or API, asks `Auth.require(request, editor=...)`: with sign-in on, a call without a
user is refused, conversations belong to the user who asked, and only editors add or delete reports.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import FazhiError, InputError

ROLES = ("reader", "editor")
NAME = re.compile(r"[A-Za-z0-9_.@-]{1,64}")
_SCRYPT = dict(n=2**14, r=8, p=1)  # ~50 ms and 16 MB per check: slow to guess, cheap enough to sign in


class AccessError(FazhiError):
    """A call the signed-in user (or no user) may not make."""


@dataclass(frozen=True)
class User:
    name: str  # "" when sign-in is off: the local user, owner of no one's conversations in particular
    role: str

    @property
    def editor(self) -> bool:
        return self.role == "editor"


LOCAL = User("", "editor")


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8", "surrogatepass"), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, salt, digest = stored.split("$")
        return kind == "scrypt" and hmac.compare_digest(hash_password(password, bytes.fromhex(salt)), stored)
    except (ValueError, TypeError):
        return False


def read_users(path: Path) -> dict[str, tuple[str, str]]:
    """name → (role, hash); a malformed line is an error naming it, not a silently missing user."""
    users = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"FAZHI_AUTH users file {path}: cannot be read ({err.strerror}); create it with "
                         f"`fazhi user add NAME --role editor`") from None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, rest = line.strip().partition(":")
        role, _, hashed = rest.partition(":")
        if not NAME.fullmatch(name) or role not in ROLES or not hashed.startswith("scrypt$"):
            raise InputError(f"FAZHI_AUTH users file {path}, line {number}: expected name:role:scrypt$…; "
                             f"rewrite it with `fazhi user add`")
        users[name] = (role, hashed)
    return users


def add_user(path: Path, name: str, role: str, password: str) -> None:
    """Add or replace one user in the users file (created with owner-only permissions)."""
    if not NAME.fullmatch(name or ""):
        raise InputError(f"user name {str(name)[:70]!r}: use 1-64 letters, digits or _ . @ -")
    if role not in ROLES:
        raise InputError(f"role {str(role)[:20]!r}: use one of {', '.join(ROLES)}")
    if len(password or "") < 8:
        raise InputError("the password is shorter than 8 characters; choose a longer one")
    path = Path(path)
    users = read_users(path) if path.exists() else {}
    users[name] = (role, hash_password(password))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.writelines(f"{n}:{r}:{h}\n" for n, (r, h) in sorted(users.items()))


class Auth:
    """The sign-in mode and the rules every handler applies."""

    def __init__(self, spec: str = "", editors: str = ""):
        self.spec = (spec or "").strip()
        kind, _, arg = self.spec.partition(":")
        self.kind = kind.lower() if self.spec else ""
        if self.kind not in ("", "file", "header") or (self.kind and not arg.strip()):
            raise InputError(f"FAZHI_AUTH={self.spec[:80]!r}: use file:/path/to/users or header:X-Forwarded-User")
        self.arg = arg.strip()
        self.editors = {e.strip() for e in (editors or "").split(",") if e.strip()}
        self.users = read_users(Path(self.arg)) if self.kind == "file" else {}

    @classmethod
    def of(cls, settings) -> "Auth":
        return cls(settings.auth, settings.auth_editors)

    @property
    def on(self) -> bool:
        return bool(self.kind)

    def check_password(self, name: str, password: str) -> bool:
        """Gradio's login form (launch(auth=...)): the file is re-read so an added user can sign in."""
        try:
            users = read_users(Path(self.arg))
        except InputError:
            return False
        found = users.get(name)
        return found is not None and verify_password(password, found[1])

    def user(self, request) -> User | None:
        """The user making this call, LOCAL with sign-in off, None when sign-in is on and no one is."""
        if not self.on:
            return LOCAL
        if request is None:
            return None
        if self.kind == "header":
            name = (getattr(request, "headers", None) or {}).get(self.arg.lower()) or ""
            return User(name, "editor" if name in self.editors else "reader") if NAME.fullmatch(name) else None
        name = getattr(request, "username", None) or ""
        found = read_users(Path(self.arg)).get(name) if name else None
        return User(name, found[0]) if found else None

    def require(self, request, editor: bool = False) -> User:
        user = self.user(request)
        if user is None:
            raise AccessError("sign in first: this page needs a user (FAZHI_AUTH)")
        if editor and not user.editor:
            raise AccessError(f"{user.name} is a reader; only an editor may add or delete reports")
        return user


def is_loopback(host: str) -> bool:
    if (host or "").strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
