"""Typed answer drafts (lines that cite), the citations they rest on, and the one place they become
text in the question's language (domain/phrases.py)."""
