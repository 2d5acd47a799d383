"""User-facing errors: each carries one line that names the problem and the fix."""


class FazhiError(Exception):
    """An error the user can act on; str(err) is a single line shown verbatim by the CLI/UI."""

    def __str__(self) -> str:
        # messages echo what the user typed: keep them one printable line whatever it held (a newline,
        # a lone surrogate from a bad terminal would otherwise break the line or the encoder printing it)
        text = " ".join(super().__str__().splitlines())
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


class InputError(FazhiError):
    """Bad input from the user (file, question, filter)."""


class StoreMismatchError(FazhiError):
    """The persisted store was built with another embedder or chunker."""
