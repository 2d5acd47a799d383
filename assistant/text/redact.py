"""Secrets out of anything printed: a key written into a URL (http://user:KEY@host, ?api_key=KEY)."""
from __future__ import annotations

import re

_USERINFO = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<userinfo>[^/@\s?#]+)@")
_SECRET_PARAM = re.compile(r"(?P<name>[?&;](?:[\w.-]*(?:key|token|secret|password|passwd|pwd|sig|signature|auth)"
                           r"[\w.-]*))=(?P<value>[^&#\s]*)", re.IGNORECASE)


def redact(text: str | None) -> str:
    """`text` with URL credentials and secret-looking query values replaced by ***; None → ''."""
    if not text:
        return ""
    text = _USERINFO.sub(lambda m: f"{m['scheme']}***@", str(text))
    return _SECRET_PARAM.sub(lambda m: f"{m['name']}=***", text)
