"""A report fetched from a URL (`fazhi ingest https://…`, the page's URL box), safely.

* Only http(s). Every host is resolved and *every* address it resolves to must be public: loopback,
  private, link-local (cloud metadata at 169.254.169.254), reserved and multicast addresses are refused
  unless FAZHI_ALLOW_PRIVATE_URLS=1; redirects are followed by hand so each hop is checked the same way.
* One deadline for the whole fetch, connect, headers and body of every hop (FAZHI_URL_TIMEOUT): httpx's
  timeouts are per read, so a server sending a header line every second would never trip them; a
  watchdog shuts the socket down at the deadline instead (`_Watchdog`). A size limit (FAZHI_MAX_FILE_MB)
  is counted while the body streams in, so a huge or endless body is cut, not buffered.
* html / pdf / docx (by Content-Type, else by the URL's suffix) go through the same loader, cleaning and
  limits as a file; the report's `source` is the URL with any secret in it redacted.
"""
from __future__ import annotations

import ipaddress
import socket
from socket import getaddrinfo
import threading
import time
from urllib.parse import urljoin, urlsplit

from ..errors import FazhiError, InputError
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
        outer = ipaddress.ip_address(info[4][0].split("%")[0])
        for ip in {outer, _carried(outer)}:
            if not ip.is_global or ip.is_multicast:
                raise InputError(f"{shown}: {parts.hostname} is a private, loopback or link-local address ({ip}); "
                                 f"only public URLs are fetched (set FAZHI_ALLOW_PRIVATE_URLS=1 to allow it)")


_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def _carried(ip):
    """The IPv4 address an IPv6 address reaches through (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible
    ::a.b.c.d, NAT64 64:ff9b::a.b.c.d, 6to4 2002:AABB:CCDD::, Teredo), else the address itself: on some
    networks each of these reaches an internal IPv4 host, so that host must be public too."""
    if ip.version != 6:
        return ip
    if ip.ipv4_mapped or ip.sixtofour:
        return ip.ipv4_mapped or ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if any(ip in net for net in _NAT64) or (int(ip) >> 32 == 0 and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


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


class _Watchdog:
    """Shuts every connection of one fetch down at its deadline. shutdown() (not close()) wakes a recv()
    blocked in another call, so the fetching thread gets an error at once instead of the next header line."""

    def __init__(self, deadline: float):
        self.deadline = deadline
        self.fired = False
        self._timers: list[threading.Timer] = []

    def trace(self, event: str, info: dict) -> None:
        """httpcore's trace hook: the socket is known once the TCP connection is made."""
        if event != "connection.connect_tcp.complete":
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is not None:
            timer = threading.Timer(max(0.0, self.deadline - time.monotonic()), self._cut, (sock,))
            timer.daemon = True
            self._timers.append(timer)
            timer.start()

    def _cut(self, sock: socket.socket) -> None:
        self.fired = True
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:  # already closed: the fetch ended first
            pass

    def cancel(self) -> None:
        for timer in self._timers:
            timer.cancel()


def fetch(url: str, settings) -> tuple[str, bytes, str]:
    """(final URL, body, suffix) after checked redirects, within the time and size limits."""
    import httpx

    watchdog = _Watchdog(time.monotonic() + settings.url_timeout)
    try:
        return _fetch(url, settings, watchdog)
    except httpx.HTTPError:
        if watchdog.fired or time.monotonic() >= watchdog.deadline:
            raise _too_slow(url, settings) from None
        raise
    finally:
        watchdog.cancel()


def _fetch(url: str, settings, watchdog: _Watchdog) -> tuple[str, bytes, str]:
    import httpx

    limit = int(settings.max_file_mb * 2**20)
    with httpx.Client(follow_redirects=False, trust_env=False,
                      headers={"User-Agent": "fazhi-qa (report fetch)"}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, settings.allow_private_urls)
            left = watchdog.deadline - time.monotonic()
            if left <= 0:
                raise _too_slow(url, settings)
            timeout = httpx.Timeout(left, connect=min(left, 10.0))
            with client.stream("GET", url, timeout=timeout, extensions={"trace": watchdog.trace}) as response:
                if response.is_redirect:
                    url = urljoin(url, response.headers.get("location", ""))
                    continue
                if response.status_code != 200:
                    raise InputError(f"{redact(url)}: the server answered HTTP {response.status_code}; check the URL")
                suffix = _suffix(url, response.headers.get("content-type", ""))
                declared = _declared(response.headers.get("content-length"))
                if declared > limit:
                    raise _too_big(url, declared, settings)
                body = bytearray()
                for block in response.iter_bytes():
                    body += block
                    if len(body) > limit:
                        raise _too_big(url, len(body), settings)
                    if time.monotonic() > watchdog.deadline:
                        raise _too_slow(url, settings)
                return url, bytes(body), suffix
    raise InputError(f"{redact(url)}: more than {MAX_REDIRECTS} redirects; use the final URL of the report")


def _declared(length: str | None) -> int:
    """Content-Length as the server sent it; a garbled one counts as unknown (the body is counted anyway)."""
    try:
        return int(length or 0)
    except ValueError:
        return 0


def _too_big(url: str, size: int, settings) -> InputError:
    return InputError(f"{redact(url)}: over {size / 2**20:.1f} MB, above the {settings.max_file_mb:g} MB limit; "
                      f"download and split it, or raise FAZHI_MAX_FILE_MB")


def _too_slow(url: str, settings) -> InputError:
    return InputError(f"{redact(url)}: not fetched within {settings.url_timeout:g} s; try again later or raise "
                      f"FAZHI_URL_TIMEOUT")


def fetched(url: str, settings):
    """The report at `url` prepared with its facts (a parallel.Prepared), or a FailedFile saying why."""
    from ..models import FailedFile
    from .parallel import Prepared

    try:
        return Prepared.of(fetch_report(url, settings))
    except FazhiError as err:
        return FailedFile(path=redact(str(url)), reason=str(err))


def fetch_report(url: str, settings) -> PreparedReport:
    """The prepared report at `url`; every failure is one InputError line naming the URL (redacted)."""
    import httpx

    if not isinstance(url, str) or not url.strip():
        raise InputError(f"{str(url)[:60]!r}: not a URL; give an http(s):// address of a report")
    url = url.strip()
    try:
        url.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (a broken terminal or client): no server could be asked for it
        raise InputError(f"{redact(url)}: the URL holds characters that are not text (a lone surrogate); "
                         f"type or paste it again") from None
    try:
        _, body, suffix = fetch(url, settings)
    except httpx.TimeoutException:
        raise _too_slow(url, settings) from None
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as err:
        raise InputError(f"{redact(url)}: cannot fetch it ({type(err).__name__}); check the URL and the "
                         f"network") from None
    limits = Limits.of(settings)
    name = redact(url)  # the address the user gave is the source (redirects may be temporary)
    return prepare_text(name, text_of(name, suffix, body, limits), settings.chunk, limits)
