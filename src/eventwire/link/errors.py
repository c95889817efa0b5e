"""The link stage's own error types (the CLI turns them into user messages)."""

from __future__ import annotations


class LinkError(Exception):
    """Base of the link stage's errors."""


class LinkDataError(LinkError):
    """A data table of the link stage (e.g. data/wire_agencies.yaml) is missing or malformed."""


class LinkInputError(LinkError, ValueError):
    """An event or article handed to the link stage cannot be used as given."""
