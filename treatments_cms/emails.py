"""Email addresses in one form, so one person's enquiries are always found.

Visitors type the same address in many ways: letter case, a domain in Unicode
or in its ASCII (IDNA, "xn--") form, composed or decomposed accents, or with
an invisible character pasted along. ``normalise_email`` gives the form stored
with an enquiry; ``email_match_key`` the form export and erasure match on.
"""

import unicodedata


def _without_invisible(value):
    # Format characters (Cf): zero-width spaces and joiners, direction marks
    # and overrides, the byte order mark, soft hyphens.
    return "".join(char for char in value if unicodedata.category(char) != "Cf")


def _domain_ascii(domain):
    """The domain's ASCII (IDNA) form, lower case; as given when it has none."""
    try:
        return domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return domain.lower()


def _domain_unicode(domain):
    """The domain's Unicode form, lower case; as given when it cannot be decoded."""
    try:
        return domain.encode("idna").decode("idna").lower()
    except UnicodeError:
        return domain.lower()


def normalise_email(value):
    """The address as stored: NFC, trimmed, domain in lower-case Unicode form.

    The local part keeps its letter case (mail servers may honour it).
    """
    value = unicodedata.normalize("NFC", (value or "").strip())
    local, at, domain = value.rpartition("@")
    if not at:
        return value
    return f"{local}@{unicodedata.normalize('NFC', _domain_unicode(domain))}"


def email_match_key(value):
    """The address for matching: invisible characters gone, case-folded, ASCII domain."""
    value = unicodedata.normalize("NFC", _without_invisible(value or "").strip())
    local, at, domain = value.rpartition("@")
    if not at:
        return value.casefold()
    return f"{unicodedata.normalize('NFC', local.casefold())}@{_domain_ascii(domain)}"
