"""The questions of the situation form become editors' data (Situatievraag); each answer (Situatie) points to its
question. The five questions that were fixed in code are created in every language that has answers, with the same
slugs, so every existing tag and every link (?leeftijd=minderjarig) keeps working."""

import uuid

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

# The questions that were Situatie.Dimension, in the form's order, with their labels as the catalogues had them.
QUESTIONS = ("leeftijd", "herkomst", "geslacht", "uitbuiting", "aangifte")
LABELS = {
    "en": ("Age", "Origin and residence", "Gender", "Form of exploitation", "Report to the police"),
    "nl": ("Leeftijd", "Herkomst en verblijf", "Geslacht", "Vorm van uitbuiting", "Aangifte bij de politie"),
    "pl": ("Wiek", "Pochodzenie i pobyt", "Płeć", "Forma wyzysku", "Zgłoszenie na policję"),
    "ro": ("Vârstă", "Origine și ședere", "Sex", "Forma de exploatare", "Plângere la poliție"),
    "bg": ("Възраст", "Произход и пребиваване", "Пол", "Форма на експлоатация", "Сигнал в полицията"),
    "uk": ("Вік", "Походження та перебування", "Стать", "Форма експлуатації", "Заява в поліцію"),
    "es": ("Edad", "Origen y residencia", "Sexo", "Forma de explotación", "Denuncia a la policía"),
    "ar": ("العمر", "الأصل والإقامة", "الجنس", "شكل الاستغلال", "البلاغ لدى الشرطة"),
}


def create_questions(apps, schema_editor):
    Situatie = apps.get_model("organisaties", "Situatie")
    Situatievraag = apps.get_model("organisaties", "Situatievraag")
    keys = {}  # one translation key per question, shared by its languages
    for situatie in Situatie.objects.select_related("locale").order_by("pk"):
        slug = situatie.dimension
        vraag = Situatievraag.objects.filter(slug=slug, locale_id=situatie.locale_id).first()
        if vraag is None:
            order = QUESTIONS.index(slug) if slug in QUESTIONS else len(QUESTIONS)
            labels = LABELS.get(situatie.locale.language_code.split("-")[0], LABELS["en"])
            vraag = Situatievraag.objects.create(
                slug=slug,
                label=labels[order] if order < len(labels) else slug.capitalize(),
                sort_order=order,
                locale_id=situatie.locale_id,
                translation_key=keys.setdefault(slug, uuid.uuid4()),
            )
        situatie.vraag = vraag
        situatie.save(update_fields=["vraag"])


def restore_dimensions(apps, schema_editor):
    Situatie = apps.get_model("organisaties", "Situatie")
    for situatie in Situatie.objects.select_related("vraag"):
        situatie.dimension = situatie.vraag.slug[:20]
        situatie.save(update_fields=["dimension"])


class Migration(migrations.Migration):
    dependencies = [
        ("organisaties", "0009_time_limit_source_help"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="Situatievraag",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "slug",
                    models.SlugField(
                        help_text=(
                            "The name of this question in web addresses, e.g. leeftijd in ?leeftijd=minderjarig. "
                            "Links that people keep use it: do not change it once the question is in use."
                        ),
                        max_length=40,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[a-z][a-z0-9-]*$",
                                "Use lowercase letters, digits and hyphens, starting with a letter, e.g. leeftijd.",
                            )
                        ],
                        verbose_name="key in the web address",
                    ),
                ),
                (
                    "label",
                    models.CharField(
                        help_text="As the form shows it, e.g. Age or Form of exploitation.",
                        max_length=100,
                        verbose_name="question",
                    ),
                ),
                (
                    "help_text",
                    models.CharField(
                        blank=True,
                        help_text="Optional: one short line under the question in the form.",
                        max_length=255,
                        verbose_name="explanation",
                    ),
                ),
                (
                    "sort_order",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="Lower numbers are asked first.", verbose_name="order"
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "situation question",
                "verbose_name_plural": "situation questions",
                "ordering": ["sort_order", "slug"],
                "abstract": False,
                "unique_together": {("slug", "locale"), ("translation_key", "locale")},
            },
        ),
        migrations.AddField(
            model_name="situatie",
            name="vraag",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="antwoorden",
                to="organisaties.situatievraag",
                verbose_name="question",
            ),
        ),
        migrations.RunPython(create_questions, restore_dimensions),
        migrations.AlterField(
            model_name="situatie",
            name="vraag",
            field=models.ForeignKey(
                help_text='The question this answer belongs to in the filter "Who are you looking for?".',
                on_delete=django.db.models.deletion.CASCADE,
                related_name="antwoorden",
                to="organisaties.situatievraag",
                verbose_name="question",
            ),
        ),
        migrations.AlterModelOptions(
            name="situatie",
            options={
                "ordering": ["vraag__sort_order", "vraag__slug", "sort_order", "name"],
                "verbose_name": "situation",
                "verbose_name_plural": "situations",
            },
        ),
        # A default first, so that going back can add the column again before the answers get their values.
        migrations.AlterField(
            model_name="situatie",
            name="dimension",
            field=models.CharField(default="", max_length=20, verbose_name="category"),
        ),
        migrations.RemoveField(model_name="situatie", name="dimension"),
    ]
