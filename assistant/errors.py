"""User-facing errors: each carries one line that names the problem and the fix."""


class FazhiError(Exception):
    """An error the user can act on; str(err) is a single line shown verbatim by the CLI/UI."""


class InputError(FazhiError):
    """Bad input from the user (file, question, filter)."""


class StoreMismatchError(FazhiError):
    """The persisted store was built with another embedder or chunker."""
