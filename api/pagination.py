"""Pages of a list with HAL links (``_links``: self, first, prev, next, last), as the Design Rules' HAL extension
describes, and the total in ``X-Total-Count``.

``pagina`` is the page number (as on the website), ``paginagrootte`` the number of items per page. A page number or
size that is not a whole number in range is a 400, a page past the last one a 404: never a silent first page that a
harvester would read as the whole list.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound

from .problems import InvalidParameters

PAGE_PARAMETER = "pagina"
SIZE_PARAMETER = "paginagrootte"
PAGE_PARAMETERS = frozenset({PAGE_PARAMETER, SIZE_PARAMETER})
DEFAULT_SIZE = 20
MAX_SIZE = 100
MAX_PAGE = 10_000


def whole_number(request, name: str, default: int, maximum: int) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise InvalidParameters(
            [
                {
                    "name": name,
                    "code": "range",
                    "reason": _("Give a whole number from 1 to %(maximum)s.") % {"maximum": maximum},
                }
            ]
        )
    return int(raw)


def _href(request, **changes) -> str:
    params = dict(request.GET.items())
    params.update({name: str(value) for name, value in changes.items()})
    query = urlencode(params)
    return request.build_absolute_uri(request.path + (f"?{query}" if query else ""))


def paginate(request, items, collection: str, represent) -> tuple[dict, int]:
    """The HAL document for the requested page of ``items`` and the total count."""
    number = whole_number(request, PAGE_PARAMETER, 1, MAX_PAGE)
    size = whole_number(request, SIZE_PARAMETER, DEFAULT_SIZE, MAX_SIZE)
    paginator = Paginator(items, size, allow_empty_first_page=True)
    if number > paginator.num_pages:
        raise NotFound(
            _("There is no page %(number)s; the last page is %(last)s.")
            % {
                "number": number,
                "last": paginator.num_pages,
            }
        )
    page = paginator.page(number)
    links = {
        "self": {"href": _href(request)},
        "first": {"href": _href(request, **{PAGE_PARAMETER: 1})},
        "last": {"href": _href(request, **{PAGE_PARAMETER: paginator.num_pages})},
    }
    if page.has_previous():
        links["prev"] = {"href": _href(request, **{PAGE_PARAMETER: page.previous_page_number()})}
    if page.has_next():
        links["next"] = {"href": _href(request, **{PAGE_PARAMETER: page.next_page_number()})}
    document = {
        "_links": links,
        "totaal": paginator.count,
        "pagina": number,
        "paginagrootte": size,
        "aantalPaginas": paginator.num_pages,
        "_embedded": {collection: [represent(item) for item in page.object_list]},
    }
    return document, paginator.count
