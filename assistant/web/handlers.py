"""The page's handlers (WebApp): questions, uploads, reports and facts, shared by the page and the API.

Every call into the Assistant goes through one in-process read/write lock: questions share it, an upload
takes it alone. Every handler first asks `user(request)` who is calling (auth.py): with FAZHI_AUTH on, a
call without a user is refused, and adding reports needs an editor. Words shown to a person come from
i18n.py in the page's language.
"""
from __future__ import annotations

import logging
import os
import uuid
from pathlib import Path

import gradio as gr

from ..errors import FazhiError
from ..ingest import uploads
from ..ingest.fetch import fetched
from ..models import Answer, FailedFile, IngestResult
from ..store.lock import ReadWriteLock
from . import suggest, views
from .auth import Auth, User
from .i18n import DEFAULT, lang_of, t

log = logging.getLogger(__name__)
ALL = "all"


def _year(value) -> int | None:
    if value in (None, "", ALL):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise FazhiError(f"year must be a 4-digit year such as 2023 or '{ALL}', got '{value}'") from None


def _file_path(f) -> str:
    """The server path of one uploaded file: a FileData dict (preprocess=False), a path, or a file object."""
    if isinstance(f, dict):
        return str(f.get("path") or "")
    if isinstance(f, (str, os.PathLike)):
        return os.fspath(f)
    return str(getattr(f, "path", None) or getattr(f, "name", None) or "")


def _refused(message: str) -> dict:
    return {"added": [], "skipped": [], "failed": [], "message": message}


def _conversation(earlier: list | None) -> dict:
    """ask()'s history argument, only when there is one (a first question is asked as before)."""
    return {"history": list(earlier)} if earlier else {}


def _places(value) -> list[str] | None:
    if not value:
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    raise FazhiError(f"places must be a place name or a list of names such as [\"平罗县\"], got {str(value)[:40]!r}")


class WebApp:
    """Handlers shared by the page and the API; every call into the Assistant goes through the lock."""

    def __init__(self, assistant):
        self.assistant = assistant
        self.lock = ReadWriteLock()
        settings = getattr(assistant, "settings", None)
        self.auth = Auth(getattr(settings, "auth", ""), getattr(settings, "auth_editors", ""))

    def user(self, request: gr.Request | None, editor: bool = False) -> User:
        """Who makes this call (auth.py); a one-line gr.Error when no one may, or only an editor may."""
        try:
            return self.auth.require(request, editor)
        except FazhiError as err:
            raise gr.Error(str(err), print_exception=False) from None

    # ---- choices -------------------------------------------------------------------------
    def place_choices(self) -> list[str]:
        return sorted({m.place for m in self.assistant.reports() if m.place})

    def year_choices(self, lang: str = DEFAULT) -> list[tuple[str, str]]:
        """(label, value) pairs: "all" is shown in the page's language, its value stays "all" for the API."""
        years = [str(y) for y in sorted({m.year for m in self.assistant.reports() if m.year}, reverse=True)]
        return [(t("all", lang_of(lang)), ALL)] + [(y, y) for y in years]

    def reports_table(self, lang: str = DEFAULT) -> dict:
        with self.lock.read():
            return {"headers": views.report_columns(lang), "data": views.report_rows(self.assistant.reports(), lang)}

    # ---- questions -----------------------------------------------------------------------
    def ask(self, question: str, places: list[str] | None = None, year: int | str | None = None,
            request: gr.Request = None, earlier: list | None = None) -> dict:
        """Answer one question; returns the Answer as a dict (question, answer, citations[], abstained, …).
        `earlier`: the conversation's earlier Answers, which a follow-up question leans on."""
        self.user(request)
        try:
            with self.lock.read():
                return self.assistant.ask(question, place=_places(places), year=_year(year),
                                          **_conversation(earlier)).model_dump(mode="json")
        except FazhiError as err:
            raise gr.Error(str(err), print_exception=False) from None

    def reports(self, request: gr.Request = None) -> list[dict]:
        """The corpus: one dict per report (id, source, title, place, issuer, level, year, dates, sections, chunks)."""
        self.user(request)
        with self.lock.read():
            return [m.model_dump(mode="json") for m in self.assistant.reports()]

    def stream(self, question: str, places, year, msg_id: str, lang: str = DEFAULT, keep: list | None = None,
               earlier: list | None = None):
        """HTML of the assistant's message: pending/streaming states, then the answer with its cards.
        The read lock is held throughout, so the cards' paragraphs come from the same store as the answer.
        `keep` (a list) receives the final Answer, for a caller that stores it (the history)."""
        places, year = _places(places), _year(year)
        with self.lock.read():
            def final(answer: Answer) -> str:
                if keep is not None:
                    keep.append(answer)
                return views.render_answer(answer, msg_id, self.assistant.text, lang, self.next_questions(answer, lang))

            if not hasattr(self.assistant, "ask_stream"):
                yield views.render_pending(lang=lang)
                yield final(self.assistant.ask(question, place=places, year=year, **_conversation(earlier)))
                return
            tokens = ""
            for item in self.assistant.ask_stream(question, place=places, year=year, **_conversation(earlier)):
                # events are either bare (list of evidence, str token, Answer) or {"type": evidence|token|answer, …}
                kind = item.get("type") if isinstance(item, dict) else None
                if isinstance(item, Answer) or kind == "answer":
                    yield final(item if isinstance(item, Answer) else item["answer"])
                    return
                if isinstance(item, str) or kind == "token":
                    tokens += item if isinstance(item, str) else str(item.get("text") or "")
                    yield views.render_pending(tokens, lang=lang)
                else:  # the evidence found before generation starts
                    evidence = item.get("citations") if kind == "evidence" else item
                    yield views.render_pending(found=len(evidence) if hasattr(evidence, "__len__") else None, lang=lang)
            if tokens:  # a stream that ended without its Answer: keep what was said
                yield final(Answer(question=question, answer=tokens))

    def next_questions(self, answer: Answer, lang: str = DEFAULT) -> str:
        """Suggested next questions (HTML) from the answer's reports and their figures; the caller holds the lock."""
        if not hasattr(self.assistant, "facts"):
            return ""
        return suggest.render(suggest.suggestions(answer, lambda p, y: self.assistant.facts(place=p, year=y), lang), lang)

    def respond(self, question, history, places, year, lang: str = DEFAULT, keep: list | None = None,
                earlier: list | None = None):
        """Chat handler: streams the assistant's message into the chat; errors become a one-line warning.
        An empty or over-long question is named (a toast) and left in the box to fix, never cut or dropped.
        `keep` (a list) receives the final Answer or the error line shown instead."""
        history, lang = list(history or []), lang_of(lang)
        question = (question or "").strip()
        limit = self.assistant.settings.max_question_chars
        if not question or len(question) > limit:
            gr.Warning(t("empty_question", lang) if not question else t("too_long", lang, n=len(question), limit=limit),
                       title=t("toast_warning", lang))
            yield list(history), list(history), gr.update()
            return
        shown_year = None if year in (None, "", ALL) else year
        history.append({"role": "user", "content": views.render_question(question, _places(places), shown_year, lang)})
        history.append({"role": "assistant", "content": views.render_pending(lang=lang)})
        yield list(history), list(history), ""
        try:
            for html in self.stream(question, places, year, uuid.uuid4().hex[:8], lang, keep, earlier):
                history[-1] = {"role": "assistant", "content": html}
                yield list(history), list(history), gr.update()
        except FazhiError as err:
            if keep is not None:
                keep.append(str(err))
            history[-1] = {"role": "assistant", "content": views.render_error(str(err))}
            yield list(history), list(history), gr.update()
        except Exception as err:  # a bug must not take the page down; the log has the traceback
            log.exception("answering %r failed", question)
            line = t("internal_error", lang, kind=type(err).__name__)
            if keep is not None:
                keep.append(line)
            history[-1] = {"role": "assistant", "content": views.render_error(line)}
            yield list(history), list(history), gr.update()

    def filter_action(self, question, places, year, lang: str = DEFAULT):
        """The "clear filters and ask again" button: shown when the question names a place the filters leave out."""
        try:
            with self.lock.read():
                outside = self.assistant.analyze(question or "", _places(places), _year(year)).outside_filter
        except Exception:  # the question was refused with its own message; no button then
            outside = []
        label = f'{t("clear_and_ask", lang_of(lang))} ({"、".join(outside)})' if outside else ""
        return gr.update(visible=bool(outside), value=label)

    # ---- upload --------------------------------------------------------------------------
    def upload(self, files, lang: str = DEFAULT, progress=gr.Progress(), request: gr.Request = None) -> dict:
        """Add report files (txt/md/html/docx/pdf); returns {"added": [ReportMeta], "skipped", "failed", "message"}.
        Only files this upload brought into Gradio's upload folder are read (a client can name any server path)."""
        self.user(request, editor=True)
        lang = lang_of(lang)
        paths = [str(p) for p in map(_file_path, files or []) if p]
        if not paths:
            return _refused(t("no_files", lang))
        limit = self.assistant.settings.max_upload_files
        if len(paths) > limit:
            return _refused(t("too_many_files", lang, n=len(paths), limit=limit) + " (FAZHI_MAX_UPLOAD_FILES)")
        ok, refused = uploads.accepted(paths, self.upload_folders)
        progress(0, desc=t("reading_files", lang, n=len(ok)))
        kept_dir = self.assistant.settings.reports_dir / uploads.UPLOADS

        def indexed(done: int, total: int) -> None:
            progress((done, total), desc=t("indexing", lang, done=done, total=total),
                     unit=t("unit_reports", lang))

        try:
            copies = [uploads.keep_original(p, kept_dir) for p in ok]
            with self.lock.write():
                result = self.assistant.ingest([c for c, _ in copies], progress=indexed) if copies else IngestResult()
        except (FazhiError, OSError) as err:
            return _refused(str(err).splitlines()[0])
        added = {m.source for m in result.added}
        for copy, made in copies:  # only reports are kept; a rejected or duplicate file leaves no copy
            if made and copy.name not in added:
                uploads.discard(copy, kept_dir)
        result.failed[:0] = refused
        return self._outcome(result)

    @property
    def upload_folders(self) -> list[Path]:
        from gradio.utils import get_upload_folder

        return [Path(get_upload_folder())]

    def ingest_url(self, url: str, lang: str = DEFAULT, progress=gr.Progress(), request: gr.Request = None) -> dict:
        """Fetch a report page or file (html/pdf/docx) by URL and add it; same result shape as /upload."""
        self.user(request, editor=True)
        url, lang = (url if isinstance(url, str) else "").strip(), lang_of(lang)
        if not url:
            return _refused(t("no_url", lang))
        progress(0, desc=t("fetching", lang))
        try:
            item = fetched(url, self.assistant.settings)  # before any lock: a slow host must not hold up questions
            with self.lock.write():
                result = self.assistant.add_fetched(item, progress=False)
        except FazhiError as err:
            return _refused(str(err))
        return self._outcome(result)

    @staticmethod
    def _outcome(result: IngestResult) -> dict:
        message = f"{len(result.added)} added, {len(result.skipped)} skipped, {len(result.failed)} rejected"
        dups = [f"{new} is a near-duplicate of {old}" for new, old in result.duplicates.items()]
        if dups:
            message += " (" + "; ".join(dups) + ")"
        return {"added": [m.model_dump(mode="json") for m in result.added], "skipped": result.skipped,
                "duplicates": result.duplicates,
                # no "path" key: Gradio would take the entry for a file to download
                "failed": [{"file": Path(f.path).name, "reason": f.reason} for f in result.failed], "message": message}

    def upload_view(self, outcome: dict, lang: str = DEFAULT, request: gr.Request = None):
        """After an upload: the per-file list (in the page's language), the reports table and fresh choices."""
        outcome, lang = outcome or {}, lang_of(lang)
        if not any(outcome.get(k) for k in ("added", "skipped", "failed")):
            html = views.render_error(outcome.get("message") or t("nothing_uploaded", lang))
        else:
            html = views.render_upload(IngestResult(
                added=outcome.get("added", []), skipped=outcome.get("skipped", []),
                duplicates=outcome.get("duplicates", {}),
                failed=[FailedFile(path=f["file"], reason=f["reason"]) for f in outcome.get("failed", [])]), lang=lang)
        return (html, *self.refresh(lang, request))

    def refresh(self, lang: str = DEFAULT, request: gr.Request = None):
        self.user(request)
        lang = lang_of(lang)
        places, years = self.place_choices(), self.year_choices(lang)
        return (self.reports_table(lang), gr.update(choices=places), gr.update(choices=years),
                views.render_header(self.assistant.reports(), lang))

    # ---- facts ---------------------------------------------------------------------------
    def facts(self, indicator: str | None = None, place: str | None = None, year: int | str | None = None,
              request: gr.Request = None) -> list[dict]:
        """Figures read from the reports (each with its verbatim quote), filtered by indicator, place and year."""
        self.user(request)
        try:
            with self.lock.read():
                found = self.assistant.facts(indicator=indicator or None, place=place or None, year=_year(year))
        except FazhiError as err:
            raise gr.Error(str(err), print_exception=False) from None
        try:
            from ..facts.extract import facts_to_rows
            return [{k: v for k, v in row.items()} for row in facts_to_rows(found)]
        except ImportError:
            return [f.model_dump(mode="json") for f in found]
