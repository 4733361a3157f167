"""Request timings and query counts for the public pages; run with ``make bench``."""
