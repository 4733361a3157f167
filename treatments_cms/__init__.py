"""Treatments, conditions, alternatives and suitability enquiries for Wagtail."""

__version__ = "0.1.0"
