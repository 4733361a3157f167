"""Make the page families and the practitioner swappable.

Records ``swappable`` on the seven default models (the autodetector does not
compare that option) and points every foreign key at the model its setting
names. With the defaults in use, no column or row changes: each altered field
keeps its target.
"""

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models
from wagtail.images import get_image_model_string


class Migration(migrations.Migration):
    dependencies = [
        ("treatments_cms", "0005_enquiry_extra_answers"),
        migrations.swappable_dependency(get_image_model_string()),
        migrations.swappable_dependency(settings.TREATMENTS_CMS_PRACTITIONER_MODEL),
        migrations.swappable_dependency(settings.TREATMENTS_CMS_TREATMENTPAGE_MODEL),
        migrations.swappable_dependency(settings.TREATMENTS_CMS_CONDITIONPAGE_MODEL),
        migrations.swappable_dependency(settings.TREATMENTS_CMS_ALTERNATIVEPAGE_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="treatmentindexpage",
            options={
                "swappable": "TREATMENTS_CMS_TREATMENTINDEXPAGE_MODEL",
                "verbose_name": "treatment index page",
            },
        ),
        migrations.AlterModelOptions(
            name="treatmentpage",
            options={
                "swappable": "TREATMENTS_CMS_TREATMENTPAGE_MODEL",
                "verbose_name": "treatment page",
            },
        ),
        migrations.AlterModelOptions(
            name="conditionindexpage",
            options={
                "swappable": "TREATMENTS_CMS_CONDITIONINDEXPAGE_MODEL",
                "verbose_name": "condition index page",
            },
        ),
        migrations.AlterModelOptions(
            name="conditionpage",
            options={
                "swappable": "TREATMENTS_CMS_CONDITIONPAGE_MODEL",
                "verbose_name": "condition page",
            },
        ),
        migrations.AlterModelOptions(
            name="alternativeindexpage",
            options={
                "swappable": "TREATMENTS_CMS_ALTERNATIVEINDEXPAGE_MODEL",
                "verbose_name": "alternative index page",
            },
        ),
        migrations.AlterModelOptions(
            name="alternativepage",
            options={
                "swappable": "TREATMENTS_CMS_ALTERNATIVEPAGE_MODEL",
                "verbose_name": "alternative page",
            },
        ),
        migrations.AlterModelOptions(
            name="practitioner",
            options={
                "ordering": ["name"],
                "swappable": "TREATMENTS_CMS_PRACTITIONER_MODEL",
                "verbose_name": "practitioner",
            },
        ),
        migrations.AlterField(
            model_name="treatmentpage",
            name="image",
            field=models.ForeignKey(
                blank=True,
                help_text="Optional picture shown on cards that link to this page.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=get_image_model_string(),
            ),
        ),
        migrations.AlterField(
            model_name="treatmentpage",
            name="reviewed_by",
            field=models.ForeignKey(
                blank=True,
                help_text="The practitioner who reviewed this page.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.TREATMENTS_CMS_PRACTITIONER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="conditionpage",
            name="image",
            field=models.ForeignKey(
                blank=True,
                help_text="Optional picture shown on cards that link to this page.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=get_image_model_string(),
            ),
        ),
        migrations.AlterField(
            model_name="conditionpage",
            name="reviewed_by",
            field=models.ForeignKey(
                blank=True,
                help_text="The practitioner who reviewed this page.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.TREATMENTS_CMS_PRACTITIONER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="alternativepage",
            name="image",
            field=models.ForeignKey(
                blank=True,
                help_text="Optional picture shown on cards that link to this page.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=get_image_model_string(),
            ),
        ),
        migrations.AlterField(
            model_name="alternativepage",
            name="reviewed_by",
            field=models.ForeignKey(
                blank=True,
                help_text="The practitioner who reviewed this page.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.TREATMENTS_CMS_PRACTITIONER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="treatmentconditionlink",
            name="page",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="condition_links",
                to=settings.TREATMENTS_CMS_TREATMENTPAGE_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="treatmentconditionlink",
            name="condition",
            field=models.ForeignKey(
                help_text="The condition this treatment addresses.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="treatment_links",
                to=settings.TREATMENTS_CMS_CONDITIONPAGE_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="treatmentalternativelink",
            name="page",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="alternative_links",
                to=settings.TREATMENTS_CMS_TREATMENTPAGE_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="alternativeconditionlink",
            name="page",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="condition_links",
                to=settings.TREATMENTS_CMS_ALTERNATIVEPAGE_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="alternativeconditionlink",
            name="condition",
            field=models.ForeignKey(
                help_text="A condition this alternative can address.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="alternative_links",
                to=settings.TREATMENTS_CMS_CONDITIONPAGE_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="enquiry",
            name="treatment",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.TREATMENTS_CMS_TREATMENTPAGE_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="enquiry",
            name="concerns",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                to=settings.TREATMENTS_CMS_CONDITIONPAGE_MODEL,
            ),
        ),
    ]
