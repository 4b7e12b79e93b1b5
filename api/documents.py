"""The documented shape of the list answers: a HAL page with ``_links`` and the items in ``_embedded``.

Only used to generate the OpenAPI document; the answers themselves are built by pagination.py.
"""

from rest_framework import serializers

from .serializers import LinkSerializer


class PageLinksSerializer(serializers.Serializer):
    self = LinkSerializer()
    first = LinkSerializer()
    last = LinkSerializer()
    prev = LinkSerializer(required=False, help_text="Absent on the first page.")
    next = LinkSerializer(required=False, help_text="Absent on the last page.")


def page_of(collection: str, item_serializer) -> type[serializers.Serializer]:
    embedded = type(
        f"{item_serializer.__name__.removesuffix('Serializer')}EmbeddedSerializer",
        (serializers.Serializer,),
        {collection: item_serializer(many=True)},
    )
    return type(
        f"{item_serializer.__name__.removesuffix('Serializer')}PageSerializer",
        (serializers.Serializer,),
        {
            "_links": PageLinksSerializer(),
            "totaal": serializers.IntegerField(help_text="The number of items on all pages together."),
            "pagina": serializers.IntegerField(),
            "paginagrootte": serializers.IntegerField(),
            "aantalPaginas": serializers.IntegerField(),
            "_embedded": embedded(),
        },
    )


class ProblemInvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField()
    reason = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """An error as application/problem+json (RFC 9457)."""

    type = serializers.URLField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField()
    invalidParams = ProblemInvalidParamSerializer(many=True, required=False)
