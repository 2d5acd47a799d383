"""fazhi-qa: offline question answering over Chinese annual rule-of-law government reports."""
from .assistant import Assistant
from .errors import FazhiError, InputError, StoreMismatchError
from .models import Answer, Citation, IngestResult, ReportMeta
from .settings import Settings

__all__ = ["Answer", "Assistant", "Citation", "FazhiError", "IngestResult", "InputError", "ReportMeta", "Settings",
           "StoreMismatchError"]
