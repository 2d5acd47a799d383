"""Handlers, one per file, each registered by name (registry.py): importing the package registers them all."""
from . import (about_report, aspect_scan, compare_not_stated, fact_list, fact_lookup, fact_table, figure_not_stated, figure_reader,  # noqa: F401
               filtered_out, keyword_scan, no_report, off_subject, outside, overview, quoted, report_list,
               sentence_reader, unclear)
