"""How the API represents organisations, regulations, phases and steps.

Field names are Dutch in camelCase, as editors name the things; the OpenAPI document is generated from these
classes (drf-spectacular), so the documentation and the answers can not drift apart.
"""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.rich_text import expand_db_html

from organisaties.selection import situation_questions


def _absolute(serializer, path: str) -> str:
    return serializer.context["request"].build_absolute_uri(path)


def _api_url(serializer, name: str, **kwargs) -> str:
    path = reverse(f"api:{name}", kwargs=kwargs)
    language = serializer.context.get("language")
    return _absolute(serializer, f"{path}?taal={language}" if language else path)


class LinkSerializer(serializers.Serializer):
    href = serializers.URLField()


class ResourceLinksSerializer(serializers.Serializer):
    self = LinkSerializer()
    webpagina = LinkSerializer(help_text="The page on the website that shows the same content.")


class FaseLinksSerializer(ResourceLinksSerializer):
    stappen = LinkSerializer(help_text="The steps of this phase.")


class TermSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    naam = serializers.CharField(source="name")


# Per question of the situation filter (its slug, e.g. leeftijd) the answers this item applies to; an empty list
# means everyone. The questions are editors' data.
SituatiesSerializer = serializers.DictField(
    child=serializers.ListField(child=serializers.SlugField()),
    help_text="Per situation question (e.g. leeftijd, herkomst, uitbuiting) the answers this item applies to; "
    "an empty list means everyone.",
)


class BronSerializer(serializers.Serializer):
    url = serializers.URLField()
    titel = serializers.CharField()
    bevestigt = serializers.CharField(help_text="What the source confirms; may be empty.")


def recorded_sources(obj, official=None) -> list[dict]:
    """The sources editors recorded for an item (its ``bronnen`` rows, in their order), after an official one."""
    sources = [official] if official else []
    for bron in obj.bronnen.all():
        if all(source["url"] != bron.url for source in sources):
            sources.append({"url": bron.url, "titel": bron.title or bron.url, "bevestigt": bron.confirms})
    return sources


class WerkgebiedSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=["national", "regional"])
    regio = serializers.CharField(help_text="Where a regional organisation works; empty when national.")


def situaties(item) -> dict:
    tags = item.situation_slugs()
    return {question: sorted(tags.get(question, ())) for question in situation_questions()}


class CheckedSerializer(serializers.Serializer):
    laatstGecontroleerd = serializers.DateField(
        source="last_checked",
        allow_null=True,
        help_text="The date an editor last verified these facts against their sources; null while not yet verified.",
    )
    controlerenVoor = serializers.DateField(
        source="review_before", allow_null=True, help_text="The date by which the facts are checked again."
    )


class OrganisatieSerializer(CheckedSerializer):
    slug = serializers.SlugField()
    naam = serializers.CharField(source="name")
    samenvatting = serializers.CharField(source="summary")
    watZeDoen = serializers.SerializerMethodField(
        help_text="What the organisation can do for a victim (HTML)."
    )
    telefoon = serializers.CharField(source="phone", help_text="As visitors should dial it; may be empty.")
    email = serializers.CharField(help_text="May be empty.")
    website = serializers.CharField(help_text="May be empty.")
    openingstijden = serializers.CharField(source="opening_hours")
    dagEnNachtBereikbaar = serializers.BooleanField(source="always_available")
    werkgebied = serializers.SerializerMethodField()
    diensten = TermSerializer(source="services", many=True)
    doelgroepen = TermSerializer(source="audiences", many=True)
    situaties = serializers.SerializerMethodField()
    bronnen = serializers.SerializerMethodField()
    _links = serializers.SerializerMethodField()

    def get_watZeDoen(self, obj) -> str:
        return expand_db_html(obj.what_it_does)

    @extend_schema_field(WerkgebiedSerializer)
    def get_werkgebied(self, obj):
        return {"soort": obj.coverage, "regio": obj.region}

    @extend_schema_field(SituatiesSerializer)
    def get_situaties(self, obj):
        return situaties(obj)

    @extend_schema_field(BronSerializer(many=True))
    def get_bronnen(self, obj):
        return recorded_sources(obj)

    @extend_schema_field(ResourceLinksSerializer)
    def get__links(self, obj):
        return {
            "self": {"href": _api_url(self, "organisatie", slug=obj.slug)},
            "webpagina": {"href": _absolute(self, obj.get_absolute_url())},
        }


class RegelingSerializer(CheckedSerializer):
    slug = serializers.SlugField()
    titel = serializers.CharField(source="title")
    samenvatting = serializers.CharField(source="summary")
    uitleg = serializers.SerializerMethodField(
        help_text="What the right or regulation means in practice (HTML)."
    )
    voorWie = serializers.CharField(source="applies_to")
    wettelijkeGrondslag = serializers.CharField(source="legal_basis")
    situaties = serializers.SerializerMethodField()
    bronnen = serializers.SerializerMethodField()
    _links = serializers.SerializerMethodField()

    def get_uitleg(self, obj) -> str:
        return expand_db_html(obj.explanation)

    @extend_schema_field(SituatiesSerializer)
    def get_situaties(self, obj):
        return situaties(obj)

    @extend_schema_field(BronSerializer(many=True))
    def get_bronnen(self, obj):
        official = (
            {"url": obj.source_url, "titel": obj.source_title or obj.source_url, "bevestigt": ""}
            if obj.source_url
            else None
        )
        return recorded_sources(obj, official)

    @extend_schema_field(ResourceLinksSerializer)
    def get__links(self, obj):
        return {
            "self": {"href": _api_url(self, "regeling", slug=obj.slug)},
            "webpagina": {"href": _absolute(self, obj.get_absolute_url())},
        }


class FaseSerializer(CheckedSerializer):
    slug = serializers.SlugField()
    titel = serializers.CharField(source="title")
    inleiding = serializers.CharField(source="intro")
    bronnen = serializers.SerializerMethodField()
    _links = serializers.SerializerMethodField()

    @extend_schema_field(BronSerializer(many=True))
    def get_bronnen(self, obj):
        return recorded_sources(obj)

    @extend_schema_field(FaseLinksSerializer)
    def get__links(self, obj):
        return {
            "self": {"href": _api_url(self, "fase", slug=obj.slug)},
            "stappen": {"href": _api_url(self, "stappen", slug=obj.slug)},
            "webpagina": {"href": _absolute(self, obj.get_url(self.context["request"]))},
        }


class StapRegelingSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="regeling.slug")
    titel = serializers.CharField(source="regeling.title")
    notitie = serializers.CharField(source="note", help_text="Why it matters at this step; may be empty.")
    _links = serializers.SerializerMethodField()

    @extend_schema_field(ResourceLinksSerializer)
    def get__links(self, obj):
        return {
            "self": {"href": _api_url(self, "regeling", slug=obj.regeling.slug)},
            "webpagina": {"href": _absolute(self, obj.regeling.get_absolute_url())},
        }


class StapOrganisatieSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="organisatie.slug")
    naam = serializers.CharField(source="organisatie.name")
    notitie = serializers.CharField(source="note", help_text="Why it matters at this step; may be empty.")
    _links = serializers.SerializerMethodField()

    @extend_schema_field(ResourceLinksSerializer)
    def get__links(self, obj):
        return {
            "self": {"href": _api_url(self, "organisatie", slug=obj.organisatie.slug)},
            "webpagina": {"href": _absolute(self, obj.organisatie.get_absolute_url())},
        }


class StapSerializer(CheckedSerializer):
    slug = serializers.SlugField()
    titel = serializers.CharField(source="title")
    samenvatting = serializers.CharField(source="summary")
    fase = serializers.SerializerMethodField(help_text="The slug of the phase this step belongs to.")
    situaties = serializers.SerializerMethodField()
    regelingen = serializers.SerializerMethodField(
        help_text="The rights and regulations of this step, in the editors' order."
    )
    organisaties = serializers.SerializerMethodField(
        help_text="The organisations of this step, in the editors' order."
    )
    bronnen = serializers.SerializerMethodField()
    _links = serializers.SerializerMethodField()

    def get_fase(self, obj) -> str:
        return self.context["fase"].slug

    @extend_schema_field(SituatiesSerializer)
    def get_situaties(self, obj):
        return situaties(obj)

    def _applying(self, links, target):
        selection = self.context.get("selection")
        if not selection:
            return list(links)
        return [link for link in links if getattr(link, target).matches_situation(selection)]

    @extend_schema_field(StapRegelingSerializer(many=True))
    def get_regelingen(self, obj):
        links = self._applying(obj.regeling_links.all(), "regeling")
        return StapRegelingSerializer(links, many=True, context=self.context).data

    @extend_schema_field(StapOrganisatieSerializer(many=True))
    def get_organisaties(self, obj):
        links = self._applying(obj.organisatie_links.all(), "organisatie")
        return StapOrganisatieSerializer(links, many=True, context=self.context).data

    @extend_schema_field(BronSerializer(many=True))
    def get_bronnen(self, obj):
        return recorded_sources(obj)

    @extend_schema_field(ResourceLinksSerializer)
    def get__links(self, obj):
        return {
            "self": {"href": _api_url(self, "stap", slug=self.context["fase"].slug, stap=obj.slug)},
            "webpagina": {"href": _absolute(self, obj.get_url(self.context["request"]))},
        }


class GemeenteSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The CBS code, GM followed by four digits.")
    naam = serializers.CharField(source="name")


class RegiotypeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    naam = serializers.CharField(source="name")


class RegioContactSerializer(serializers.Serializer):
    organisatie = serializers.CharField(source="contact_organisation", help_text="May be empty.")
    telefoon = serializers.CharField(source="phone", help_text="As visitors should dial it; may be empty.")
    telefoonSpoed = serializers.CharField(source="phone_urgent", help_text="In an emergency; may be empty.")
    email = serializers.CharField(help_text="May be empty.")
    website = serializers.CharField(help_text="May be empty.")
    openingstijden = serializers.CharField(source="opening_hours")
    notitie = serializers.CharField(source="contact_note")


class RegioBronSerializer(serializers.Serializer):
    url = serializers.URLField()
    titel = serializers.CharField(source="title")
    bevestigt = serializers.CharField(source="confirms", help_text="What the source confirms.")


class RegioOrganisatieSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="organisatie.slug")
    naam = serializers.CharField(source="organisatie.name")
    voorWie = serializers.CharField(
        source="for_whom", help_text="Only for some people, e.g. up to 23; may be empty."
    )
    situaties = serializers.SerializerMethodField(
        help_text="Only for these situations in this region; empty lists mean everyone."
    )
    _links = serializers.SerializerMethodField()

    @extend_schema_field(SituatiesSerializer)
    def get_situaties(self, obj):
        return situaties(obj)

    @extend_schema_field(ResourceLinksSerializer)
    def get__links(self, obj):
        return {
            "self": {"href": _api_url(self, "organisatie", slug=obj.organisatie.slug)},
            "webpagina": {"href": _absolute(self, obj.organisatie.get_absolute_url())},
        }


class RegioSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    naam = serializers.CharField(source="name")
    code = serializers.CharField(help_text="e.g. VR01 for a safety region; may be empty.")
    regiotype = RegiotypeSerializer()
    status = serializers.ChoiceField(
        choices=["bevestigd", "te_controleren"],
        help_text="Only a confirmed region is the help for its municipalities on the website.",
    )
    teControleren = serializers.CharField(
        source="to_check", help_text="What is not confirmed yet; may be empty."
    )
    gebied = serializers.CharField(
        source="area", help_text="The area as the source describes it; may be empty."
    )
    gemeenten = serializers.SerializerMethodField(help_text="The municipalities a source confirms, by name.")
    contact = serializers.SerializerMethodField()
    laatstGecontroleerd = serializers.DateField(
        source="last_checked", help_text="The date an editor last verified the region against its sources."
    )
    bronnen = RegioBronSerializer(source="sources", many=True)
    organisaties = RegioOrganisatieSerializer(
        source="organisatie_links", many=True, help_text="The published organisations that serve this region."
    )
    _links = serializers.SerializerMethodField()

    @extend_schema_field(GemeenteSerializer(many=True))
    def get_gemeenten(self, obj):
        gemeenten = sorted(obj.gemeenten.all(), key=lambda gemeente: gemeente.name_key)
        return GemeenteSerializer(gemeenten, many=True).data

    @extend_schema_field(RegioContactSerializer)
    def get_contact(self, obj):
        return RegioContactSerializer(obj).data

    @extend_schema_field(ResourceLinksSerializer)
    def get__links(self, obj):
        return {
            "self": {"href": _api_url(self, "regio", slug=obj.slug)},
            "webpagina": {"href": _absolute(self, obj.get_absolute_url())},
        }
