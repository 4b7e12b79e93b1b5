"""The visitor's address behind trusted proxies, for django-axes (through django-ipware).

Every trusted proxy (a load balancer, a CDN) appends the address it was connected from to X-Forwarded-For, so the
visitor's address is the PROXY_COUNT-th entry from the right; whatever stands left of it was sent by the client and
may be forged. Without trusted proxies the header is never read: a client could otherwise choose its own address.
"""

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"


def visitor_address_settings(proxy_count: int) -> tuple[list[str], int | None]:
    """AXES_IPWARE_META_PRECEDENCE_ORDER and AXES_IPWARE_PROXY_COUNT for ``proxy_count`` trusted proxies.

    django-ipware counts the proxies listed inside the header after the client; the last trusted proxy is the one
    connecting to us (REMOTE_ADDR), so it appears in the header as the visitor's entry, not as a proxy entry.
    """
    if proxy_count < 1:
        return ["REMOTE_ADDR"], None
    return [FORWARDED_FOR, "REMOTE_ADDR"], proxy_count - 1
