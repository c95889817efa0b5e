"""Line-based boilerplate removal for plain-text web copies of news reports.

The patterns live in ``eventwire/data/boilerplate.yaml``. What goes:

- page furniture lines ("Related Articles", "Back to top button", share and
  subscribe prompts, copyright lines) and photo credit lines "(AP Photo/...)";
- a credit at the end of a caption (the caption stays: it can carry facts);
- an author biography at the end of the page ("X is a ... reporter based in ...",
  "You can get in touch ..."), with the name line just above it;
- a stray headline between paragraphs: a short one-line paragraph without a final
  full stop (a related-article link that lost its link), but never the first line.

Sign-off lines ("... contributed to this report.") always stay.

>>> result = strip_boilerplate("Gunmen attacked a bus.\\n\\nRelated Articles\\n\\nBack to top")
>>> result.text, result.removed
('Gunmen attacked a bus.', ['Related Articles', 'Back to top'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

# A headline-like line: short, no sentence-final punctuation, starts with a capital.
_HEADLINE_MAX_WORDS = 25
_HEADLINE_MIN_WORDS = 4
_SENTENCE_END = ".!?:;…"
_CLOSING_QUOTES = "\"'”’»)"
# Bios are looked for only among the last paragraphs of the page.
_BIO_WINDOW = 6


@dataclass(frozen=True)
class Patterns:
    drop_lines: tuple[re.Pattern[str], ...]
    strip_inline: tuple[re.Pattern[str], ...]
    author_bio: tuple[re.Pattern[str], ...]
    bio_continuation: tuple[re.Pattern[str], ...]
    keep_lines: tuple[re.Pattern[str], ...]


@dataclass
class Cleaned:
    """Text without boilerplate, what was removed, and a byline found in an author bio."""

    text: str
    removed: list[str] = field(default_factory=list)
    bio_name: str | None = None


@lru_cache(maxsize=1)
def load_patterns() -> Patterns:
    """The compiled patterns from the data file (read once per process)."""
    raw = yaml.safe_load(
        resources.files("eventwire.data").joinpath("boilerplate.yaml").read_text("utf-8")
    )

    def compile_all(key: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, flags) for p in raw.get(key, []))

    return Patterns(
        drop_lines=compile_all("drop_lines"),
        strip_inline=compile_all("strip_inline"),
        # Bio names must be capitalised, so these stay case-sensitive.
        author_bio=compile_all("author_bio", 0),
        bio_continuation=compile_all("bio_continuation"),
        keep_lines=compile_all("keep_lines"),
    )


def _matches(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    return any(p.search(line) for p in patterns)


def looks_like_headline(line: str) -> bool:
    """A short capitalised line without sentence-final punctuation.

    >>> looks_like_headline("Army retakes border town after week of fighting")
    True
    >>> looks_like_headline("The army retook the town on Monday.")
    False
    """
    words = line.split()
    if not (_HEADLINE_MIN_WORDS <= len(words) <= _HEADLINE_MAX_WORDS):
        return False
    if not line[0].isupper() and not line[0].isdigit():
        return False
    return line.rstrip(_CLOSING_QUOTES)[-1:] not in _SENTENCE_END


def _bio_start(blocks: list[str], patterns: Patterns) -> tuple[int, str | None] | None:
    """Index of the first bio block among the last few, and the person's name if given."""
    first = max(1, len(blocks) - _BIO_WINDOW)
    for i in range(first, len(blocks)):
        if _matches(patterns.keep_lines, blocks[i]):
            continue
        for pattern in patterns.author_bio:
            found = pattern.search(blocks[i])
            if found:
                name = found.group("name")
                if blocks[i - 1].strip() == name:
                    return i - 1, name
                return i, name
        if _matches(patterns.bio_continuation, blocks[i]):
            return i, None
    return None


def _blocks(text: str) -> tuple[list[str], str]:
    """Paragraphs and the separator to join them with.

    With blank lines, a paragraph is a run of lines (hard-wrapped text stays whole);
    without any, each line is a paragraph.
    """
    if "\n\n" in text:
        return [b.strip("\n") for b in text.split("\n\n") if b.strip()], "\n\n"
    return [line for line in text.split("\n") if line], "\n"


def _clean_line(line: str, patterns: Patterns, removed: list[str]) -> str | None:
    """The line without furniture: None if the whole line goes."""
    if _matches(patterns.keep_lines, line):
        return line
    if _matches(patterns.drop_lines, line):
        removed.append(line)
        return None
    for pattern in patterns.strip_inline:
        cut = pattern.search(line)
        if cut and cut.start() > 0:
            removed.append(line[cut.start() :].strip())
            line = line[: cut.start()].rstrip()
    return line


def strip_boilerplate(text: str) -> Cleaned:
    """Remove page boilerplate from normalised text."""
    patterns = load_patterns()
    blocks, joiner = _blocks(text)
    removed: list[str] = []
    cleaned_blocks = []
    for block in blocks:
        lines = [_clean_line(line, patterns, removed) for line in block.split("\n")]
        kept = "\n".join(line for line in lines if line)
        if kept:
            cleaned_blocks.append(kept)

    bio_name = None
    bio = _bio_start(cleaned_blocks, patterns)
    if bio is not None:
        start, bio_name = bio
        # The bio runs to the end, except sign-off lines, which stay where they are.
        tail = cleaned_blocks[start:]
        removed.extend(b for b in tail if not _matches(patterns.keep_lines, b))
        signoffs = [b for b in tail if _matches(patterns.keep_lines, b)]
        cleaned_blocks = cleaned_blocks[:start] + signoffs

    final: list[str] = []
    for i, block in enumerate(cleaned_blocks):
        # The first line is the report's own headline; a stray one later is a related link.
        single_line = "\n" not in block
        if (
            i > 0
            and single_line
            and looks_like_headline(block)
            and not _matches(patterns.keep_lines, block)
        ):
            removed.append(block)
            continue
        final.append(block)
    return Cleaned(text=joiner.join(final), removed=removed, bio_name=bio_name)
