"""The SSRF guard: sources come from configuration files people edit and from links in
feeds strangers publish, so a fetch must not reach the machine's own network.

`AddressGuard.check(url)` resolves the URL's host and raises FetchError when any address
it resolves to is loopback, private, link-local or otherwise not public. The Fetcher runs
it before every request, redirect hops included (an httpx request hook), unless the
configuration sets `fetch.allow_private: true` (tests and the offline demo serve
pages on 127.0.0.1 and do).

The check resolves the name itself, then the connection resolves it again: a DNS server
answering differently the second time (DNS rebinding) is not stopped by this guard.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable
from ipaddress import IPv4Address, IPv6Address, ip_address
from urllib.parse import urlsplit

from watchers.errors import FetchError

__all__ = ["AddressGuard", "Resolver", "non_public", "system_resolve"]

Resolver = Callable[[str, int], Awaitable[list[str]]]
IPAddress = IPv4Address | IPv6Address

SETTING = "fetch.allow_private"


async def system_resolve(host: str, port: int) -> list[str]:
    """The addresses a connection to host:port could use, as the OS resolver gives them."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def non_public(ip: IPAddress) -> str | None:
    """'a private address', 'a loopback address' …, or None for a public address."""
    if isinstance(ip, IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:10.0.0.1 reaches 10.0.0.1
    for kind, hit in (("a loopback", ip.is_loopback), ("a link-local", ip.is_link_local),
                      ("an unspecified", ip.is_unspecified), ("a multicast", ip.is_multicast),
                      ("a private", ip.is_private), ("a reserved", ip.is_reserved),
                      ("a non-public", not ip.is_global)):
        if hit:
            return f"{kind} address"
    return None


class AddressGuard:
    def __init__(self, resolve: Resolver | None = None) -> None:
        self._resolve = resolve or system_resolve

    async def check(self, url: str) -> None:
        """Return when every address of the URL's host is public; raise FetchError if not.

        A host that does not resolve passes: the request then fails with the resolver's
        own, clearer, error.
        """
        parts = urlsplit(url)
        host = parts.hostname
        if not host:
            return
        try:
            literal: IPAddress | None = ip_address(host.split("%")[0])
        except ValueError:
            literal = None
        if literal is not None:
            kind = non_public(literal)
            if kind:
                raise FetchError(url, f"refused: {host} is {kind} ({SETTING})")
            return
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
            addresses = await self._resolve(host, port)
        except (OSError, ValueError, UnicodeError):
            return
        for address in addresses:
            kind = non_public(ip_address(address.split("%")[0]))
            if kind:
                raise FetchError(url, f"refused: {host} resolves to {address}, {kind} "
                                      f"({SETTING})")
