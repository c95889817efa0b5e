"""The one exception type ingest raises or yields for a bad input."""

from __future__ import annotations


class IngestError(Exception):
    """An input (a path, URL, stdin, or one row of a file) that could not be read.

    ``str(error)`` is one line naming the input and the problem:

    >>> str(IngestError("notes.bin", "binary file, not text"))
    'notes.bin: binary file, not text'
    """

    def __init__(self, input: str, problem: str) -> None:
        super().__init__(f"{input}: {problem}")
        self.input = input
        self.problem = problem
