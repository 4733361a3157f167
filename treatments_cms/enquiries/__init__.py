"""The enquiry pipeline: form, spam checks, throttle, save, notify, retention."""
