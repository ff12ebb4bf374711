"""One spelling per URL, and a stable key per feed entry.

The same article reaches us through several feeds and listings, each decorating the link
differently (tracking parameters, fragments, `:443`, upper-case hosts, stray whitespace).
Deduplication ("seen?") only works when every spelling maps to one string, so every URL
that leaves the watchers package goes through `canonical_url` first.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import SplitResult, unquote_plus, urljoin, urlsplit, urlunsplit

from tld import get_fld

__all__ = ["canonical_url", "entry_key", "registrable_domain", "same_site"]

# Parameters that identify the click, not the document. Compared case-insensitively.
_TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "ref", "ref_src", "ref_url", "cmpid", "ocid", "_ga", "_gl",
    "s_cid", "icid", "spm",
})
_TRACKING_PREFIXES = ("utm_",)
_DEFAULT_PORTS = {"http": 80, "https": 443}

# A GUID that is a link carries no more identity than the link itself; hashing the link
# instead lets two sources that list the same article agree on its key.
_URL_SCHEMES = ("http://", "https://")
_KEY_HEX_CHARS = 16  # 64 bits: collisions are negligible at our volumes


def canonical_url(url: str, base: str | None = None) -> str:
    """Return one normal spelling of `url`, resolved against `base` when relative.

    Lower-cases scheme and host, drops the default port, the fragment and click-tracking
    parameters; keeps every other parameter in its original order and encoding.
    """
    url = url.strip()
    if base is not None:
        url = urljoin(base.strip(), url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        # mailto:, javascript:, urn: … have no host to normalise; only drop the fragment.
        return urlunsplit(parts._replace(fragment=""))
    return urlunsplit(SplitResult(
        scheme=scheme,
        netloc=_netloc(parts, scheme),
        path=parts.path or "/",
        query=_strip_tracking(parts.query),
        fragment="",
    ))


def entry_key(source_id: str, guid: str | None, url: str) -> str:
    """A short hex hash that identifies one feed entry across polls.

    A GUID that is absent or itself a URL is replaced by the canonical URL (the same
    article in two feeds gets the same key); any other GUID (`article-68888818`,
    `tag:site,2020:123`) is only unique within its feed, so it is scoped by source.
    """
    guid = (guid or "").strip()
    if not guid or guid.lower().startswith(_URL_SCHEMES):
        material = "url\0" + canonical_url(url)
    else:
        material = f"guid\0{source_id}\0{guid}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:_KEY_HEX_CHARS]


def registrable_domain(url: str) -> str:
    """The part of a URL's host that one owner controls: 'www.mod.go.jp' -> 'mod.go.jp'.

    From the Public Suffix List (bundled with the `tld` package, never fetched), so
    'mea.gov.in' and 'ddnews.gov.in' are two sites although both end in '.gov.in'.
    An unlisted suffix ('.example', '.internal') counts as one label, the PSL's own
    default rule; IP addresses and single-label hosts ('localhost') are their own site.
    """
    return _registrable(urlsplit(url.strip()).hostname or "")


def same_site(a: str, b: str) -> bool:
    """Whether two URLs belong to one site (same registrable domain, any scheme/port)."""
    site = registrable_domain(a)
    return bool(site) and site == registrable_domain(b)


@lru_cache(maxsize=4096)
def _registrable(host: str) -> str:
    host = host.rstrip(".").lower()
    if not host:
        return ""
    found = get_fld(host, fix_protocol=True, fail_silently=True)
    if isinstance(found, str):
        return found.lower()
    labels = host.split(".")
    if len(labels) < 2 or labels[-1].isdigit() or ":" in host:  # IPv4, IPv6, localhost
        return host
    return ".".join(labels[-2:])


def _netloc(parts: SplitResult, scheme: str) -> str:
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:  # IPv6 literal: urlsplit removed the brackets
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: keep the URL as written
        return parts.netloc.lower()
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if parts.username is not None:
        userinfo = parts.username
        if parts.password is not None:
            userinfo += f":{parts.password}"
        netloc = f"{userinfo}@{netloc}"
    return netloc


def _strip_tracking(query: str) -> str:
    # Filter the raw `k=v` pieces rather than parse and re-encode, so the parameters we
    # keep stay byte-for-byte as the publisher wrote them (`%20` vs `+`, key order).
    kept = [piece for piece in query.split("&") if piece and not _is_tracking(piece)]
    return "&".join(kept)


def _is_tracking(piece: str) -> bool:
    key = unquote_plus(piece.partition("=")[0]).strip().lower()
    return key in _TRACKING_PARAMS or key.startswith(_TRACKING_PREFIXES)
