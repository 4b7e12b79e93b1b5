"""Security headers that depend on who is asking.

Public pages get a strict Content-Security-Policy: only this site's own files, no inline scripts or styles, no
frames. The Wagtail admin (and the preview and userbar editors see on public pages) still needs inline styles and
scripts and framing by itself for previews, so editors get a looser policy that is still limited to this site.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def _is_editor(request) -> bool:
    if request.path_info.startswith(settings.ADMIN_URL_PREFIXES):
        return True
    # Only look the user up when a session cookie is present: anonymous visitors must never touch the session.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    # Editors are whoever may use the Wagtail admin (the Redacteur and Eindredacteur groups are not "staff"). Wagtail
    # renders a preview through the whole middleware stack with a copy of the editor's request for the page's own
    # address, so this is what keeps previews and the userbar working for them.
    return bool(user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and _is_editor(request):
            parts.config = settings.CONTENT_SECURITY_POLICY_EDITORS["DIRECTIVES"]
        return parts
