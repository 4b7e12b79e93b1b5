"""The documented shape of the HSDS answers, for the OpenAPI document.

The full definitions are the HSDS 3 JSON schemas (hsds_schema/, which the tests validate the export against); these
classes name the fields this export fills.
"""

from rest_framework import serializers


class HsdsPhoneSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    number = serializers.CharField()
    type = serializers.CharField()
    description = serializers.CharField(required=False)
    organization_id = serializers.UUIDField(required=False)
    service_id = serializers.UUIDField(required=False)


class HsdsServiceAreaSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    name = serializers.CharField()
    description = serializers.CharField()
    extent_type = serializers.CharField()


class HsdsTaxonomySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    description = serializers.CharField()
    version = serializers.CharField()


class HsdsTaxonomyTermSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    code = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    language = serializers.CharField()
    taxonomy = serializers.CharField()
    taxonomy_id = serializers.UUIDField()
    taxonomy_detail = HsdsTaxonomySerializer()


class HsdsAttributeSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    link_id = serializers.UUIDField()
    link_type = serializers.ChoiceField(
        choices=["eligibility", "service_type", "audience", "organization_type"]
    )
    link_entity = serializers.CharField()
    taxonomy_term_id = serializers.UUIDField()
    taxonomy_term = HsdsTaxonomyTermSerializer()


class HsdsOrganizationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    description = serializers.CharField()
    uri = serializers.URLField(help_text="The organisation's page on this website.")
    email = serializers.EmailField(required=False)
    website = serializers.URLField(required=False)
    phones = HsdsPhoneSerializer(many=True)
    attributes = HsdsAttributeSerializer(
        many=True,
        required=False,
        help_text="The kind of organisation (link_type organization_type); absent while editors did not record it.",
    )


class HsdsLanguageSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    name = serializers.CharField()
    code = serializers.CharField(help_text="ISO 639-1 or 639-3.")


class HsdsServiceSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    organization_id = serializers.UUIDField()
    name = serializers.CharField()
    alternate_name = serializers.CharField()
    description = serializers.CharField()
    url = serializers.URLField()
    email = serializers.EmailField(required=False)
    status = serializers.ChoiceField(choices=["active"])
    eligibility_description = serializers.CharField()
    minimum_age = serializers.IntegerField(required=False)
    maximum_age = serializers.IntegerField(required=False)
    assured_date = serializers.DateField(
        required=False,
        help_text="The date an editor last checked the organisation against its sources; absent while not yet checked.",
    )
    phones = HsdsPhoneSerializer(many=True)
    service_areas = HsdsServiceAreaSerializer(many=True)
    languages = HsdsLanguageSerializer(
        many=True,
        required=False,
        help_text="Languages editors recorded as spoken, confirmed by a source; absent when none are recorded.",
    )
    attributes = HsdsAttributeSerializer(many=True)


def _page(name: str, item) -> type[serializers.Serializer]:
    return type(
        name,
        (serializers.Serializer,),
        {
            "total_items": serializers.IntegerField(),
            "total_pages": serializers.IntegerField(),
            "page_number": serializers.IntegerField(),
            "size": serializers.IntegerField(),
            "first_page": serializers.BooleanField(),
            "last_page": serializers.BooleanField(),
            "empty": serializers.BooleanField(),
            "contents": item(many=True),
        },
    )


HsdsOrganizationPageSerializer = _page("HsdsOrganizationPageSerializer", HsdsOrganizationSerializer)
HsdsServicePageSerializer = _page("HsdsServicePageSerializer", HsdsServiceSerializer)
