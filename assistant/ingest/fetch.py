"""A report fetched from a URL (`fazhi ingest https://…`, the page's URL box), safely.

* Only http(s). Every host is resolved and *every* address it resolves to must be public: loopback,
  private, link-local (cloud metadata at 169.254.169.254), reserved and multicast addresses are refused
  unless FAZHI_ALLOW_PRIVATE_URLS=1; redirects are followed by hand so each hop is checked the same way.
* A time limit for the whole fetch (FAZHI_URL_TIMEOUT) and a size limit (FAZHI_MAX_FILE_MB) counted while
  the body streams in, so a huge or endless body is cut, not buffered.
* html / pdf / docx (by Content-Type, else by the URL's suffix) go through the same loader, cleaning and
  limits as a file; the report's `source` is the URL with any secret in it redacted.
"""
from __future__ import annotations

import ipaddress
import socket
from socket import getaddrinfo
import time
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ..text.redact import redact
from .limits import Limits
from .loader import text_of
from .prepare import PreparedReport, prepare_text

MAX_REDIRECTS = 5
_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "text/markdown": ".md",
          "application/pdf": ".pdf",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}
_SUFFIXES = (".html", ".htm", ".txt", ".md", ".pdf", ".docx")


def check_url(url: str, allow_private: bool = False) -> None:
    """Refuse a URL that is not http(s), has no host, or whose host resolves to a non-public address."""
    parts = urlsplit(url)
    shown = redact(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"{shown}: not an http(s) URL of a report; use https://host/path")
    try:
        infos = getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise InputError(f"{shown}: the host {parts.hostname} cannot be resolved; check the URL") from None
    if allow_private:
        return
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        ip = getattr(ip, "ipv4_mapped", None) or ip
        if not ip.is_global or ip.is_multicast:
            raise InputError(f"{shown}: {parts.hostname} is a private, loopback or link-local address ({ip}); "
                             f"only public URLs are fetched (set FAZHI_ALLOW_PRIVATE_URLS=1 to allow it)")


def _suffix(url: str, content_type: str) -> str:
    kind = content_type.split(";")[0].strip().lower()
    if kind in _TYPES:
        return _TYPES[kind]
    path = urlsplit(url).path.lower()
    for suffix in _SUFFIXES:
        if path.endswith(suffix):
            return suffix
    raise InputError(f"{redact(url)}: content type '{kind or 'none'}' is not a report page or file; "
                     f"fetch an html, pdf or docx URL")


def fetch(url: str, settings) -> tuple[str, bytes, str]:
    """(final URL, body, suffix) after checked redirects, within the time and size limits."""
    import httpx

    deadline = time.monotonic() + settings.url_timeout
    limit = int(settings.max_file_mb * 2**20)
    timeout = httpx.Timeout(settings.url_timeout, connect=min(settings.url_timeout, 10.0))
    with httpx.Client(follow_redirects=False, timeout=timeout, trust_env=False,
                      headers={"User-Agent": "fazhi-qa (report fetch)"}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, settings.allow_private_urls)
            with client.stream("GET", url) as response:
                if response.is_redirect:
                    url = urljoin(url, response.headers.get("location", ""))
                    continue
                if response.status_code != 200:
                    raise InputError(f"{redact(url)}: the server answered HTTP {response.status_code}; check the URL")
                suffix = _suffix(url, response.headers.get("content-type", ""))
                declared = int(response.headers.get("content-length") or 0)
                if declared > limit:
                    raise _too_big(url, declared, settings)
                body = bytearray()
                for block in response.iter_bytes():
                    body += block
                    if len(body) > limit:
                        raise _too_big(url, len(body), settings)
                    if time.monotonic() > deadline:
                        raise _too_slow(url, settings)
                return url, bytes(body), suffix
    raise InputError(f"{redact(url)}: more than {MAX_REDIRECTS} redirects; use the final URL of the report")


def _too_big(url: str, size: int, settings) -> InputError:
    return InputError(f"{redact(url)}: over {size / 2**20:.1f} MB, above the {settings.max_file_mb:g} MB limit; "
                      f"download and split it, or raise FAZHI_MAX_FILE_MB")


def _too_slow(url: str, settings) -> InputError:
    return InputError(f"{redact(url)}: not fetched within {settings.url_timeout:g} s; try again later or raise "
                      f"FAZHI_URL_TIMEOUT")


def fetch_report(url: str, settings) -> PreparedReport:
    """The prepared report at `url`; every failure is one InputError line naming the URL (redacted)."""
    import httpx

    url = url.strip()
    try:
        _, body, suffix = fetch(url, settings)
    except httpx.TimeoutException:
        raise _too_slow(url, settings) from None
    except httpx.HTTPError as err:
        raise InputError(f"{redact(url)}: cannot fetch it ({type(err).__name__}); check the URL and the "
                         f"network") from None
    limits = Limits.of(settings)
    name = redact(url)  # the address the user gave is the source (redirects may be temporary)
    return prepare_text(name, text_of(name, suffix, body, limits), settings.chunk, limits)
