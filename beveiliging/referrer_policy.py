"""Referrer policy per area of the site.

Public pages send no referrer at all, so the sites a visitor goes on to never learn they came from here. Browsers
then also send ``Origin: null`` on form posts, which Django's CSRF check rightly refuses; the admin, where editors
post forms, therefore keeps a same-origin referrer.
"""

from django.conf import settings


class ReferrerPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(settings.ADMIN_URL_PREFIXES):
            response.headers["Referrer-Policy"] = "same-origin"
        return response
