"""One guarded, conditional HTTP GET of a partner's feed.

A feed URL comes from an editor's file but the server behind it is a stranger: only ``http`` and
``https``; the host is resolved once and every address it resolves to must be public (no private,
loopback, link-local, multicast or reserved network: a feed URL must not make the portal's
machine read its own network), and the connection goes to the checked address (no second lookup
that could answer differently); at most ``MAX_REDIRECTS`` redirects, each checked the same way;
the whole request within ``TIMEOUT`` seconds and the body within ``MAX_BYTES`` (read in chunks,
stopped past the cap — never read whole). ``allow_loopback`` is for the tests' servers on
127.0.0.1 and is never on in the command."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

TIMEOUT = 10.0  # seconds for the whole request, redirects included
MAX_BYTES = 2 * 1024 * 1024  # a feed past 2 MB is refused (readers reject feeds over ~1 MB)
MAX_REDIRECTS = 3
CHUNK = 64 * 1024
USER_AGENT = "portal-fetch-partners/1 (+https://github.com/)"


class FetchError(Exception):
    """Why a feed could not be read: ``code`` is a key of ``content.partners.ERRORS``."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code, self.detail = code, detail


@dataclass(frozen=True)
class Response:
    status: int  # 200, or 304 (not modified: nothing else is set)
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    url: str = ""  # after redirects


def public_addresses(host: str, port: int, allow_loopback: bool = False) -> list[str]:
    """Every address ``host`` resolves to, when all of them are public; FetchError otherwise."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError("dns", host) from exc
    found = sorted({str(info[4][0]) for info in infos}, key=lambda a: (":" in a, a))  # IPv4 first: the connection uses the first
    if not found:
        raise FetchError("dns", host)
    for text in found:
        address = ipaddress.ip_address(text.split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if allow_loopback and address.is_loopback:
            continue
        if not address.is_global or address.is_multicast:
            raise FetchError("private-address", f"{host} → {text}")
    return found


class _Pinned:
    """A connection to an address already checked, speaking to the URL's host name (Host, SNI)."""

    @staticmethod
    def open(scheme: str, host: str, port: int, address: str, timeout: float) -> http.client.HTTPConnection:
        if scheme == "https":
            context = ssl.create_default_context()

            class PinnedHTTPS(http.client.HTTPSConnection):
                def connect(self) -> None:
                    sock = socket.create_connection((address, port), timeout)
                    self.sock = context.wrap_socket(sock, server_hostname=host)

            return PinnedHTTPS(host, port, timeout=timeout, context=context)

        class PinnedHTTP(http.client.HTTPConnection):
            def connect(self) -> None:
                self.sock = socket.create_connection((address, port), timeout)

        return PinnedHTTP(host, port, timeout=timeout)


def fetch(
    url: str,
    etag: str | None = None,
    last_modified: str | None = None,
    *,
    allow_loopback: bool = False,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Response:
    """The feed at ``url`` (conditional on ``etag``/``last_modified``), or FetchError."""
    deadline = time.monotonic() + timeout
    for _ in range(max_redirects + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("scheme", parts.scheme or url[:40])
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = public_addresses(parts.hostname, port, allow_loopback)[0]
        headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
                   "Accept-Encoding": "identity"}  # fmt: skip
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError("timeout", f"{timeout:g} s")
        connection = _Pinned.open(parts.scheme, parts.hostname, port, address, remaining)
        try:
            connection.request("GET", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), headers=headers)
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchError("http", f"HTTP {response.status} không có Location")
                url = urljoin(url, location)
                continue
            if response.status == 304:
                return Response(304, url=url)
            if response.status != 200:
                raise FetchError("http", f"HTTP {response.status}")
            body = _read(response, max_bytes, deadline, timeout)
            return Response(200, body, response.getheader("ETag"), response.getheader("Last-Modified"), url)
        except TimeoutError as exc:
            raise FetchError("timeout", f"{timeout:g} s") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError("connection", type(exc).__name__) from exc
        finally:
            connection.close()
    raise FetchError("redirects", f"> {max_redirects}")


def _read(response: http.client.HTTPResponse, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The body in chunks, refused as soon as it passes ``max_bytes`` or the deadline."""
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError("too-large", f"{int(declared)} byte")
    chunks, size = [], 0
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError("too-large", f"> {max_bytes} byte")
        if time.monotonic() > deadline:
            raise FetchError("timeout", f"{timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)
