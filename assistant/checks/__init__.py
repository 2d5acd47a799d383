"""Checks a draft passes through in a fixed order (engine.CHECKS): reconcile with the fact table, near
misses turned into "not stated", and verification of every quote and number. Draft in, draft out."""
