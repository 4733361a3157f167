"""0001_initial as it should have been: the page models' bases name the base
page model in use (Wagtail 8's WAGTAIL_PAGE_MODEL), not ``wagtailcore.Page``.

With Wagtail's base page swapped, 0001_initial cannot be applied: its
``page_ptr`` points at the swapped model while its bases name
``wagtailcore.Page``. A landed migration is never edited, so this one replaces
it: a fresh database applies this one; a database that has 0001_initial
already counts this as applied. Under the default base page the two are the
same operations.
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import modelsearch.index
import swapper
import treatments_cms.models.settings
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [("treatments_cms", "0001_initial")]

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AlternativeIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('introduction', models.TextField(blank=True, help_text='A short paragraph above the list of alternatives.')),
            ],
            options={
                'verbose_name': 'alternative index page',
            },
            bases=(swapper.get_model_name('wagtailcore', 'Page'), models.Model),
        ),
        migrations.CreateModel(
            name='ConditionIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('introduction', models.TextField(blank=True, help_text='A short paragraph above the list of conditions.')),
            ],
            options={
                'verbose_name': 'condition index page',
            },
            bases=(swapper.get_model_name('wagtailcore', 'Page'), models.Model),
        ),
        migrations.CreateModel(
            name='ConsentStatement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.CharField(help_text="A label for this wording, e.g. '2026-11'. Enquiries store it.", max_length=50, unique=True)),
                ('text', models.TextField(help_text='What the visitor agrees to by ticking the consent box: who processes their health information, why, and for how long.')),
                ('effective_from', models.DateTimeField(default=django.utils.timezone.now, help_text='From when the form shows this wording. The latest one started wins.')),
            ],
            options={
                'verbose_name': 'consent statement',
                'ordering': ['-effective_from'],
            },
        ),
        migrations.CreateModel(
            name='Practitioner',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text="Full name, e.g. 'Dr Aoife Byrne'.", max_length=255)),
                ('role', models.CharField(help_text="Job title as visitors should read it, e.g. 'Consultant dermatologist'.", max_length=255)),
                ('regulator', models.CharField(blank=True, help_text="The body the practitioner is registered with, e.g. 'GMC' or 'NMC'.", max_length=255)),
                ('registration_number', models.CharField(blank=True, help_text='Registration number with that regulator, so visitors can check it.', max_length=50)),
            ],
            options={
                'verbose_name': 'practitioner',
                'ordering': ['name'],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='TreatmentIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('introduction', models.TextField(blank=True, help_text='A short paragraph above the list of treatments.')),
            ],
            options={
                'verbose_name': 'treatment index page',
            },
            bases=(swapper.get_model_name('wagtailcore', 'Page'), models.Model),
        ),
        migrations.CreateModel(
            name='AlternativePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('summary', models.TextField(help_text='One or two plain sentences, under 300 characters. Shown under the page heading, on cards and to search engines.', max_length=300)),
                ('last_reviewed', models.DateField(blank=True, help_text='The date a clinician last checked this page is accurate.', null=True)),
                ('next_review_due', models.DateField(blank=True, help_text="When the page should next be checked. Left empty, it is set from the last review date and the clinic's review interval.", null=True)),
                ('sessions_min', models.PositiveSmallIntegerField(blank=True, help_text='Fewest sessions a course usually needs, e.g. 3.', null=True, validators=[django.core.validators.MinValueValidator(1)])),
                ('sessions_max', models.PositiveSmallIntegerField(blank=True, help_text='Most sessions a course usually needs, e.g. 5. Same as the fewest for a fixed number.', null=True, validators=[django.core.validators.MinValueValidator(1)])),
                ('results_last_min', models.PositiveSmallIntegerField(blank=True, help_text='Shortest time results usually last, e.g. 1.', null=True)),
                ('results_last_max', models.PositiveSmallIntegerField(blank=True, help_text='Longest time results usually last, e.g. 3.', null=True)),
                ('results_last_unit', models.CharField(choices=[('days', 'days'), ('weeks', 'weeks'), ('months', 'months'), ('years', 'years')], default='years', help_text='Unit of the two numbers above.', max_length=10)),
                ('downtime_min_days', models.PositiveSmallIntegerField(blank=True, help_text='Fewest days most people need before normal activities. 0 for none.', null=True)),
                ('downtime_max_days', models.PositiveSmallIntegerField(blank=True, help_text='Most days most people need before normal activities.', null=True)),
                ('how_it_works', wagtail.fields.RichTextField(blank=True, help_text='What happens and why it works, in plain words.')),
                ('invasiveness', models.CharField(choices=[('non_invasive', 'Non-invasive'), ('minimally_invasive', 'Minimally invasive'), ('surgical', 'Surgical')], default='non_invasive', help_text='How invasive it is: shown in the comparison table.', max_length=20)),
                ('risks', wagtail.fields.RichTextField(blank=True, help_text='Its main risks and side effects.')),
                ('image', models.ForeignKey(blank=True, help_text='Optional picture shown on cards that link to this page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                ('reviewed_by', models.ForeignKey(blank=True, help_text='The practitioner who reviewed this page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='treatments_cms.practitioner')),
            ],
            options={
                'verbose_name': 'alternative page',
            },
            bases=(swapper.get_model_name('wagtailcore', 'Page'), models.Model),
        ),
        migrations.CreateModel(
            name='ClinicSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('clinic_name', models.CharField(help_text='Shown in the site header, emails and search-engine data.', max_length=255)),
                ('address', models.TextField(blank=True, help_text='Postal address, one line per line.')),
                ('phone', models.CharField(blank=True, help_text='Public phone number.', max_length=50)),
                ('email', models.EmailField(blank=True, help_text='Public contact email address.', max_length=254)),
                ('notification_recipients', models.TextField(blank=True, help_text='Who is emailed when an enquiry arrives, one address per line. Only superusers can change this.')),
                ('enquiry_retention_days', models.PositiveIntegerField(default=treatments_cms.models.settings.default_retention_days, help_text='Enquiries older than this many days are deleted by the purge.', validators=[django.core.validators.MinValueValidator(1)])),
                ('privacy_page', models.ForeignKey(blank=True, help_text='The privacy notice linked from every page and the enquiry form.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'clinic settings',
            },
        ),
        migrations.CreateModel(
            name='ConditionPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('summary', models.TextField(help_text='One or two plain sentences, under 300 characters. Shown under the page heading, on cards and to search engines.', max_length=300)),
                ('last_reviewed', models.DateField(blank=True, help_text='The date a clinician last checked this page is accurate.', null=True)),
                ('next_review_due', models.DateField(blank=True, help_text="When the page should next be checked. Left empty, it is set from the last review date and the clinic's review interval.", null=True)),
                ('symptoms', wagtail.fields.RichTextField(blank=True, help_text='How the condition looks and feels (schema.org: Symptoms).')),
                ('causes', wagtail.fields.RichTextField(blank=True, help_text='What causes it or makes it worse (schema.org: Causes).')),
                ('alternate_names', models.CharField(blank=True, help_text="Other names people search for, separated by commas, e.g. 'thread veins, telangiectasia'. Used by search and search engines.", max_length=500)),
                ('requires_medical_assessment', models.BooleanField(default=False, help_text='Tick when a GP or dermatologist should see the person first (e.g. patches that may be pre-cancerous). The page then sends visitors to a doctor instead of inviting an enquiry.')),
                ('medical_assessment_text', wagtail.fields.RichTextField(blank=True, help_text='When to see a doctor and why. Shown prominently when the box above is ticked.')),
                ('image', models.ForeignKey(blank=True, help_text='Optional picture shown on cards that link to this page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                ('reviewed_by', models.ForeignKey(blank=True, help_text='The practitioner who reviewed this page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='treatments_cms.practitioner')),
            ],
            options={
                'verbose_name': 'condition page',
            },
            bases=(swapper.get_model_name('wagtailcore', 'Page'), models.Model),
        ),
        migrations.CreateModel(
            name='TreatmentPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('summary', models.TextField(help_text='One or two plain sentences, under 300 characters. Shown under the page heading, on cards and to search engines.', max_length=300)),
                ('last_reviewed', models.DateField(blank=True, help_text='The date a clinician last checked this page is accurate.', null=True)),
                ('next_review_due', models.DateField(blank=True, help_text="When the page should next be checked. Left empty, it is set from the last review date and the clinic's review interval.", null=True)),
                ('sessions_min', models.PositiveSmallIntegerField(blank=True, help_text='Fewest sessions a course usually needs, e.g. 3.', null=True, validators=[django.core.validators.MinValueValidator(1)])),
                ('sessions_max', models.PositiveSmallIntegerField(blank=True, help_text='Most sessions a course usually needs, e.g. 5. Same as the fewest for a fixed number.', null=True, validators=[django.core.validators.MinValueValidator(1)])),
                ('results_last_min', models.PositiveSmallIntegerField(blank=True, help_text='Shortest time results usually last, e.g. 1.', null=True)),
                ('results_last_max', models.PositiveSmallIntegerField(blank=True, help_text='Longest time results usually last, e.g. 3.', null=True)),
                ('results_last_unit', models.CharField(choices=[('days', 'days'), ('weeks', 'weeks'), ('months', 'months'), ('years', 'years')], default='years', help_text='Unit of the two numbers above.', max_length=10)),
                ('downtime_min_days', models.PositiveSmallIntegerField(blank=True, help_text='Fewest days most people need before normal activities. 0 for none.', null=True)),
                ('downtime_max_days', models.PositiveSmallIntegerField(blank=True, help_text='Most days most people need before normal activities.', null=True)),
                ('how_it_works', wagtail.fields.RichTextField(blank=True, help_text='What happens during the treatment and why it works, in plain words (schema.org: HowItWorks).')),
                ('session_interval', models.PositiveSmallIntegerField(blank=True, help_text='Usual gap between sessions, e.g. 4 (schema.org: UsageOrSchedule).', null=True, validators=[django.core.validators.MinValueValidator(1)])),
                ('session_interval_unit', models.CharField(choices=[('days', 'days'), ('weeks', 'weeks'), ('months', 'months'), ('years', 'years')], default='weeks', help_text='Unit of the gap between sessions.', max_length=10)),
                ('benefits', wagtail.fields.RichTextField(blank=True, help_text='What the treatment can do for people (schema.org: Benefits).')),
                ('limitations', wagtail.fields.RichTextField(blank=True, help_text='What it cannot do, e.g. deep wrinkles improve but do not disappear (schema.org: Effectiveness).')),
                ('risks', wagtail.fields.RichTextField(blank=True, help_text='Risks and side effects, common and rare. Required before the page can be published (schema.org: RisksOrComplications).')),
                ('suitability', wagtail.fields.RichTextField(blank=True, help_text='Who the treatment usually suits; the clinic still assesses each person (schema.org: Suitability).')),
                ('contraindications', wagtail.fields.RichTextField(blank=True, help_text='Who should not have it, e.g. pregnancy or certain medicines (schema.org: Contraindications).')),
                ('preparation', wagtail.fields.RichTextField(blank=True, help_text='What to do, or avoid, before a session.')),
                ('recovery', wagtail.fields.RichTextField(blank=True, help_text='What recovery and downtime feel like and how to look after the skin.')),
                ('price_from', models.DecimalField(blank=True, decimal_places=2, help_text="Lowest price of a session in pounds, shown as 'from'. Leave empty to show no price; the price is always confirmed at consultation.", max_digits=8, null=True, validators=[django.core.validators.MinValueValidator(0, 'The price cannot be negative.')])),
                ('evidence_sources', wagtail.fields.StreamField([('source', 4)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'Title of the study, guideline or article.'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': "Who published it, e.g. 'NICE' or a journal.", 'required': False}), 2: ('wagtail.blocks.URLBlock', (), {'help_text': 'Link to the source, if public.', 'required': False}), 3: ('wagtail.blocks.IntegerBlock', (), {'max_value': 2100, 'min_value': 1900, 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('title', 0), ('publisher', 1), ('url', 2), ('year', 3)]], {})}, help_text='Published evidence or guidance that supports this page.')),
                ('body', wagtail.fields.StreamField([('paragraph', 0), ('quote', 1)], blank=True, block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ul', 'ol', 'link']}), 1: ('wagtail.blocks.BlockQuoteBlock', (), {})}, help_text='Extra prose only; facts belong in the typed fields.')),
                ('image', models.ForeignKey(blank=True, help_text='Optional picture shown on cards that link to this page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                ('reviewed_by', models.ForeignKey(blank=True, help_text='The practitioner who reviewed this page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='treatments_cms.practitioner')),
            ],
            options={
                'verbose_name': 'treatment page',
            },
            bases=(swapper.get_model_name('wagtailcore', 'Page'), models.Model),
        ),
        migrations.CreateModel(
            name='AlternativeConditionLink',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='condition_links', to='treatments_cms.alternativepage')),
                ('condition', models.ForeignKey(help_text='A condition this alternative can address.', on_delete=django.db.models.deletion.CASCADE, related_name='alternative_links', to='treatments_cms.conditionpage')),
            ],
            options={
                'verbose_name': 'condition addressed',
                'verbose_name_plural': 'conditions addressed',
                'ordering': ['sort_order'],
                'abstract': False,
                'constraints': [models.UniqueConstraint(fields=('page', 'condition'), name='unique_alternative_condition')],
            },
        ),
        migrations.CreateModel(
            name='TreatmentConditionLink',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('outcome', models.CharField(choices=[('treats', 'Treats'), ('improves', 'Improves')], default='treats', help_text="'Improves' when the condition gets better but does not go away.", max_length=10)),
                ('note', models.CharField(blank=True, help_text="Optional, e.g. 'deep wrinkles improve but do not disappear'.", max_length=255)),
                ('condition', models.ForeignKey(help_text='The condition this treatment addresses.', on_delete=django.db.models.deletion.CASCADE, related_name='treatment_links', to='treatments_cms.conditionpage')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='condition_links', to='treatments_cms.treatmentpage')),
            ],
            options={
                'verbose_name': 'condition treated',
                'verbose_name_plural': 'conditions treated',
                'ordering': ['sort_order'],
                'abstract': False,
                'constraints': [models.UniqueConstraint(fields=('page', 'condition'), name='unique_treatment_condition')],
            },
        ),
        migrations.CreateModel(
            name='TreatmentAlternativeLink',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('comparison_note', models.CharField(blank=True, help_text="How it compares, e.g. 'gentler, but results are milder'.", max_length=255)),
                ('alternative', models.ForeignKey(help_text='An alternative page, or another treatment.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='alternative_links', to='treatments_cms.treatmentpage')),
            ],
            options={
                'verbose_name': 'alternative',
                'verbose_name_plural': 'alternatives',
                'ordering': ['sort_order'],
                'abstract': False,
                'constraints': [models.UniqueConstraint(fields=('page', 'alternative'), name='unique_treatment_alternative')],
            },
        ),
    ]
