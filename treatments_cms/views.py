"""Public views of the plugin that are not Wagtail pages."""
