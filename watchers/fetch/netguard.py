"""The SSRF guard: sources come from configuration files people edit and from links in
feeds strangers publish, so a fetch must not reach the machine's own network.

The guard sits where connections are made (`GuardedTransport`, an httpx transport whose
network backend dials only addresses it checked): it resolves the host once, refuses
when the lookup fails or any address is loopback, private, link-local or otherwise not
public, and then connects to one of the addresses it checked. A DNS server that answers
differently a second time (DNS rebinding) is never asked a second time. TLS still
starts with the host name (SNI and the certificate check), and the Host header is the
URL's. Every connection is checked, so every redirect hop is. The configuration key
`fetch.allow_private: true` turns the guard off (tests and the offline demo serve pages
on 127.0.0.1).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable, Iterable
from ipaddress import IPv4Address, IPv6Address, IPv6Network, ip_address
from typing import Any

import httpcore

from watchers.errors import FetchError
from watchers.fetch.transport import PoolTransport

__all__ = ["AddressGuard", "AddressRefused", "GuardedTransport", "Resolver", "non_public",
           "system_resolve"]

Resolver = Callable[[str, int], Awaitable[list[str]]]
IPAddress = IPv4Address | IPv6Address

SETTING = "fetch.allow_private"

# IPv6 ranges that carry (or reach) an IPv4 host or a private network whatever the
# embedded address: refused outright, named for the log. Checked after loopback and
# unspecified (::1 and :: sit in ::/96).
_IPV6_REFUSED = (
    (IPv6Network("2002::/16"), "a 6to4"),
    (IPv6Network("fec0::/10"), "a site-local"),
    (IPv6Network("64:ff9b::/96"), "a NAT64"),
    (IPv6Network("64:ff9b:1::/48"), "a NAT64"),
    (IPv6Network("2001::/32"), "a Teredo"),
    (IPv6Network("::/96"), "an IPv4-compatible"),
)


class AddressRefused(FetchError):
    """A connection the guard would not make; the Fetcher re-raises it for the page URL."""

    def __init__(self, host: str, reason: str) -> None:
        super().__init__(host, reason)


async def system_resolve(host: str, port: int) -> list[str]:
    """The addresses a connection to host:port could use, as the OS resolver gives them."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def non_public(ip: IPAddress) -> str | None:
    """'a private address', 'a loopback address' …, or None for a public address."""
    if isinstance(ip, IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped  # ::ffff:10.0.0.1 reaches 10.0.0.1
        elif not (ip.is_loopback or ip.is_unspecified):
            for network, kind in _IPV6_REFUSED:
                if ip in network:
                    return f"{kind} address"
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

    async def addresses(self, host: str, port: int) -> list[str]:
        """The addresses a connection to host:port may use: resolved once, all public.

        Raises AddressRefused naming the first address that is not public, and a
        connection error (described as a failed DNS lookup) when the lookup fails.
        """
        try:
            literal: IPAddress | None = ip_address(host.strip("[]").split("%")[0])
        except ValueError:
            literal = None
        if literal is not None:
            kind = non_public(literal)
            if kind:
                raise AddressRefused(host, f"refused: {host} is {kind} ({SETTING})")
            return [str(literal)]
        try:
            found = await self._resolve(host, port)
        except (OSError, ValueError, UnicodeError) as exc:
            # Fail closed; a socket.gaierror in the chain makes the reason "DNS lookup
            # failed" (watchers/http.py describe_error).
            raise httpcore.ConnectError(f"DNS lookup failed for {host}: {exc}") from exc
        if not found:
            raise httpcore.ConnectError(f"DNS lookup found no address for {host}")
        for address in found:
            kind = non_public(ip_address(address.split("%")[0]))
            if kind:
                raise AddressRefused(host, f"refused: {host} resolves to {address}, {kind} "
                                           f"({SETTING})")
        return found


class _GuardedNetwork(httpcore.AsyncNetworkBackend):
    """Dials only addresses the guard checked; the stream is then the inner backend's."""

    def __init__(self, guard: AddressGuard, inner: httpcore.AsyncNetworkBackend) -> None:
        self._guard = guard
        self._inner = inner

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        addresses = await self._guard.addresses(host, port)
        last: Exception | None = None
        for address in addresses:  # in the resolver's order, as a plain connect would
            try:
                return await self._inner.connect_tcp(address, port, timeout, local_address,
                                                     socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(PoolTransport):
    """httpx's own transport (TLS, pooling, HTTP/1.1) over the guarded network backend.
    Env proxies are not used: through a proxy the guard could not see where a request
    goes."""

    def __init__(self, guard: AddressGuard,
                 network: httpcore.AsyncNetworkBackend | None = None) -> None:
        super().__init__(_GuardedNetwork(guard, network or httpcore.AnyIOBackend()))
