"""Editor labels, practitioner revisions and login, and the clinical sign-off task.

Plain-English labels and help texts for the facts and links (no schema.org
names); a condition link's outcome has no default; the practitioner keeps
revisions and may be linked to an admin user, for the ClinicalSignOffTask.
"""

import django.core.validators
import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('treatments_cms', '0006_swappable_models'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
        migrations.swappable_dependency(settings.TREATMENTS_CMS_PRACTITIONER_MODEL),
        migrations.swappable_dependency(settings.TREATMENTS_CMS_TREATMENTPAGE_MODEL),
        migrations.swappable_dependency(settings.TREATMENTS_CMS_CONDITIONPAGE_MODEL),
        migrations.swappable_dependency(settings.TREATMENTS_CMS_ALTERNATIVEPAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='practitioner',
            name='latest_revision',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision'),
        ),
        migrations.AddField(
            model_name='practitioner',
            name='user',
            field=models.OneToOneField(blank=True, help_text="The practitioner's own login. Needed to sign off pages as a clinical reviewer: the sign-off names this practitioner.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='admin user'),
        ),
        migrations.AlterField(
            model_name='alternativeconditionlink',
            name='condition',
            field=models.ForeignKey(help_text='A condition this alternative can address.', on_delete=django.db.models.deletion.CASCADE, related_name='alternative_links', to=settings.TREATMENTS_CMS_CONDITIONPAGE_MODEL, verbose_name='condition'),
        ),
        migrations.AlterField(
            model_name='alternativepage',
            name='downtime_max_days',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Most days most people need before normal activities.', null=True, verbose_name='most days of downtime'),
        ),
        migrations.AlterField(
            model_name='alternativepage',
            name='downtime_min_days',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Fewest days most people need before normal activities. 0 for none.', null=True, verbose_name='fewest days of downtime'),
        ),
        migrations.AlterField(
            model_name='alternativepage',
            name='results_last_max',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Longest time results usually last, e.g. 3.', null=True, verbose_name='results last up to'),
        ),
        migrations.AlterField(
            model_name='alternativepage',
            name='results_last_min',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Shortest time results usually last, e.g. 1.', null=True, verbose_name='results last at least'),
        ),
        migrations.AlterField(
            model_name='alternativepage',
            name='results_last_unit',
            field=models.CharField(choices=[('days', 'days'), ('weeks', 'weeks'), ('months', 'months'), ('years', 'years')], default='years', help_text='Unit of the two numbers above.', max_length=10, verbose_name='how long results last, in'),
        ),
        migrations.AlterField(
            model_name='alternativepage',
            name='sessions_max',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Most sessions a course usually needs, e.g. 5. Same as the fewest for a fixed number.', null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name='most sessions'),
        ),
        migrations.AlterField(
            model_name='alternativepage',
            name='sessions_min',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Fewest sessions a course usually needs, e.g. 3.', null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name='fewest sessions'),
        ),
        migrations.AlterField(
            model_name='conditionpage',
            name='causes',
            field=wagtail.fields.RichTextField(blank=True, help_text='What causes it or makes it worse.'),
        ),
        migrations.AlterField(
            model_name='conditionpage',
            name='symptoms',
            field=wagtail.fields.RichTextField(blank=True, help_text='How the condition looks and feels.'),
        ),
        migrations.AlterField(
            model_name='practitioner',
            name='name',
            field=models.CharField(help_text="Full name, e.g. 'Dr Aoife Byrne'.", max_length=255, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='practitioner',
            name='registration_number',
            field=models.CharField(blank=True, help_text='Registration number with that regulator, so visitors can check it.', max_length=50, verbose_name='registration number'),
        ),
        migrations.AlterField(
            model_name='practitioner',
            name='regulator',
            field=models.CharField(blank=True, help_text="The body the practitioner is registered with, e.g. 'GMC' or 'NMC'. For the GMC, NMC, GDC, GPhC and HCPC the page links to their public register.", max_length=255, verbose_name='regulator'),
        ),
        migrations.AlterField(
            model_name='practitioner',
            name='role',
            field=models.CharField(help_text="Job title as visitors should read it, e.g. 'Consultant dermatologist'.", max_length=255, verbose_name='role'),
        ),
        migrations.AlterField(
            model_name='treatmentalternativelink',
            name='alternative',
            field=models.ForeignKey(help_text='An alternative page, or another treatment.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='alternative'),
        ),
        migrations.AlterField(
            model_name='treatmentalternativelink',
            name='comparison_note',
            field=models.CharField(blank=True, help_text="How it compares, e.g. 'gentler, but results are milder'.", max_length=255, verbose_name='how it compares'),
        ),
        migrations.AlterField(
            model_name='treatmentconditionlink',
            name='condition',
            field=models.ForeignKey(help_text='The condition this treatment addresses.', on_delete=django.db.models.deletion.CASCADE, related_name='treatment_links', to=settings.TREATMENTS_CMS_CONDITIONPAGE_MODEL, verbose_name='condition'),
        ),
        migrations.AlterField(
            model_name='treatmentconditionlink',
            name='note',
            field=models.CharField(blank=True, help_text="Optional, e.g. 'deep wrinkles improve but do not disappear'.", max_length=255, verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='treatmentconditionlink',
            name='outcome',
            field=models.CharField(choices=[('treats', 'Treats'), ('improves', 'Improves')], help_text="Choose 'Treats' when the condition usually clears, 'Improves' when it gets better but does not go away.", max_length=10, verbose_name='what the treatment does'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='benefits',
            field=wagtail.fields.RichTextField(blank=True, help_text='What the treatment can do for people.'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='contraindications',
            field=wagtail.fields.RichTextField(blank=True, help_text='Who should not have it, e.g. pregnancy or certain medicines.'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='downtime_max_days',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Most days most people need before normal activities.', null=True, verbose_name='most days of downtime'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='downtime_min_days',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Fewest days most people need before normal activities. 0 for none.', null=True, verbose_name='fewest days of downtime'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='how_it_works',
            field=wagtail.fields.RichTextField(blank=True, help_text='What happens during the treatment and why it works, in plain words.'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='limitations',
            field=wagtail.fields.RichTextField(blank=True, help_text='What it cannot do, e.g. deep wrinkles improve but do not disappear.'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='results_last_max',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Longest time results usually last, e.g. 3.', null=True, verbose_name='results last up to'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='results_last_min',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Shortest time results usually last, e.g. 1.', null=True, verbose_name='results last at least'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='results_last_unit',
            field=models.CharField(choices=[('days', 'days'), ('weeks', 'weeks'), ('months', 'months'), ('years', 'years')], default='years', help_text='Unit of the two numbers above.', max_length=10, verbose_name='how long results last, in'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='risks',
            field=wagtail.fields.RichTextField(blank=True, help_text='Risks and side effects, common and rare. Required before the page can be published.'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='session_interval',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Usual gap between sessions, e.g. 4.', null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name='gap between sessions'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='session_interval_unit',
            field=models.CharField(choices=[('days', 'days'), ('weeks', 'weeks'), ('months', 'months'), ('years', 'years')], default='weeks', help_text='Unit of the gap between sessions.', max_length=10, verbose_name='gap between sessions, in'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='sessions_max',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Most sessions a course usually needs, e.g. 5. Same as the fewest for a fixed number.', null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name='most sessions'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='sessions_min',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Fewest sessions a course usually needs, e.g. 3.', null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name='fewest sessions'),
        ),
        migrations.AlterField(
            model_name='treatmentpage',
            name='suitability',
            field=wagtail.fields.RichTextField(blank=True, help_text='Who the treatment usually suits; the clinic still assesses each person.'),
        ),
        migrations.CreateModel(
            name='ClinicalSignOffTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'clinical sign-off task',
                'verbose_name_plural': 'clinical sign-off tasks',
            },
            bases=('wagtailcore.task',),
        ),
    ]
