"""Understand a question once: the parsed question (Query), what it asks (Asks), and the typed Intent
the handlers are chosen by. Nothing after this stage re-reads the question to decide a route."""
