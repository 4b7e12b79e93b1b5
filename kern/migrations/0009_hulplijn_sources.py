"""Helplines get sources and check dates like organisations and regulations.

Existing helplines get no check date (null: "never checked", so they appear in the review report), never the date
of this migration; new ones default to the day they are made, like every other Reviewable.
"""

import django.db.models.deletion
import kern.review_dates
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wegwijzer", "0008_merge_20261203_2040"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="hulplijn",
            name="checked_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="last checked by",
            ),
        ),
        migrations.AddField(
            model_name="hulplijn",
            name="checked_by_name",
            field=models.CharField(
                blank=True,
                help_text='Who checked the facts, as visitors may read it, e.g. "Redactie Wegwijzer".',
                max_length=200,
                verbose_name="checked by",
            ),
        ),
        # Added without a default first, so that existing rows stay unchecked (null).
        migrations.AddField(
            model_name="hulplijn",
            name="last_checked",
            field=kern.review_dates.CheckDateField(
                blank=True,
                help_text='The date an editor last verified these facts against their sources. Visitors see it as "Last checked on". Leave empty if the facts have not been checked yet: visitors then read that they are still being checked.',
                null=True,
                verbose_name="last checked",
            ),
        ),
        migrations.AlterField(
            model_name="hulplijn",
            name="last_checked",
            field=kern.review_dates.CheckDateField(
                blank=True,
                default=kern.review_dates.today,
                help_text='The date an editor last verified these facts against their sources. Visitors see it as "Last checked on". Leave empty if the facts have not been checked yet: visitors then read that they are still being checked.',
                null=True,
                verbose_name="last checked",
            ),
        ),
        migrations.AddField(
            model_name="hulplijn",
            name="review_before",
            field=models.DateField(
                blank=True,
                help_text="Leave empty for six months after the last check. Shown to editors in the review report.",
                null=True,
                verbose_name="check again before",
            ),
        ),
        migrations.AddField(
            model_name="hulplijn",
            name="to_check",
            field=models.TextField(
                blank=True,
                help_text="What could not be confirmed yet, for the editors. Not shown to visitors; the review report lists it.",
                verbose_name="still to check",
            ),
        ),
        migrations.CreateModel(
            name="HulplijnBron",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "title",
                    models.CharField(
                        help_text='Who publishes it and what, e.g. "IND: slachtoffer van mensenhandel".',
                        max_length=255,
                        verbose_name="title",
                    ),
                ),
                ("url", models.URLField(max_length=500, verbose_name="web address")),
                (
                    "confirms",
                    models.CharField(
                        help_text="Which facts on this page the source confirms, e.g. the phone number and opening hours.",
                        max_length=500,
                        verbose_name="what it confirms",
                    ),
                ),
                (
                    "hulplijn",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="bronnen",
                        to="wegwijzer.hulplijn",
                    ),
                ),
            ],
            options={
                "verbose_name": "source",
                "verbose_name_plural": "sources",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="informatiepagina",
            name="show_helplines",
            field=models.BooleanField(
                default=False,
                help_text="Under the text, every helpline with its number, opening hours, sources and check date, e.g. on the Contact page.",
                verbose_name="list the helplines in full",
            ),
        ),
    ]
