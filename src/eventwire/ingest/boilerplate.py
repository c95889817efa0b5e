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
_CLOSING_QUOTES = "\"'”’»"
_CLOSING = _CLOSING_QUOTES + ")]"
# Without blank lines, text where this share of lines stops mid-sentence is hard-wrapped:
# its lines are not paragraphs, so none of them can be a stray headline.
_WRAPPED_SHARE = 0.3


@dataclass(frozen=True)
class Patterns:
    drop_lines: tuple[re.Pattern[str], ...]
    strip_inline: tuple[re.Pattern[str], ...]
    strip_prefix: tuple[re.Pattern[str], ...]
    author_bio: tuple[re.Pattern[str], ...]
    bio_cues: tuple[re.Pattern[str], ...]
    contact_cues: tuple[re.Pattern[str], ...]
    bio_continuation: tuple[re.Pattern[str], ...]
    keep_lines: tuple[re.Pattern[str], ...]
    not_headline_endings: frozenset[str]


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
        strip_prefix=compile_all("strip_prefix"),
        # Bio names must be capitalised, so these stay case-sensitive.
        author_bio=compile_all("author_bio", 0),
        bio_cues=compile_all("bio_cues"),
        contact_cues=compile_all("contact_cues"),
        bio_continuation=compile_all("bio_continuation"),
        keep_lines=compile_all("keep_lines"),
        not_headline_endings=frozenset(raw.get("not_headline_endings", "").lower().split()),
    )


def _matches(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    return any(p.search(line) for p in patterns)


def looks_like_headline(line: str) -> bool:
    """A short capitalised line without sentence-final punctuation or a closing quote.

    >>> looks_like_headline("Army retakes border town after week of fighting")
    True
    >>> looks_like_headline("The army retook the town on Monday.")
    False
    >>> looks_like_headline("Officials said the army had moved troops into the")
    False
    """
    words = line.split()
    if not (_HEADLINE_MIN_WORDS <= len(words) <= _HEADLINE_MAX_WORDS):
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    if line[-1] in _CLOSING_QUOTES:
        return False  # a quotation that lost its full stop, more often than a headline
    if line.rstrip(_CLOSING)[-1:] in _SENTENCE_END:
        return False
    last_word = words[-1].strip(_CLOSING + ",").lower()
    return last_word not in load_patterns().not_headline_endings and not line.endswith(",")


def _ends_sentence(block: str) -> bool:
    return block.rstrip(_CLOSING)[-1:] in _SENTENCE_END


def _is_stray_headline(blocks: list[str], i: int, captions: set[str]) -> bool:
    """A related-article headline left between paragraphs of the story.

    Never the first line (the report's own headline), never a caption whose credit
    was cut, and only between a finished sentence and a capitalised next paragraph,
    so that lines of hard-wrapped text are not taken for headlines.
    """
    block = blocks[i]
    if i == 0 or "\n" in block or block in captions or not looks_like_headline(block):
        return False
    if not _ends_sentence(blocks[i - 1].split("\n")[-1]):
        return False
    if i + 1 < len(blocks):
        following = blocks[i + 1].lstrip("\"“‘'(")
        return bool(following) and (following[0].isupper() or following[0].isdigit())
    return True


def _looks_hard_wrapped(lines: list[str]) -> bool:
    body = lines[1:]  # the first line may be a headline
    if len(body) < 3:
        return False
    open_ended = sum(not _ends_sentence(line) for line in body)
    return open_ended / len(body) > _WRAPPED_SHARE


def _bio_start(blocks: list[str], patterns: Patterns) -> tuple[int, str | None] | None:
    """Index where the closing author bio starts, and the person's name if given.

    The bio must be the last block (contact lines may follow it), must read like one
    ("X is a ... reporter", plus a cue such as "based in"), and must be marked as page
    matter: a name line just above it, or contact details inside it. A story's own
    sentence about a journalist has neither.
    """
    end = len(blocks)
    while end > 1 and _matches(patterns.bio_continuation, blocks[end - 1]):
        end -= 1
    if end < len(blocks) and end == len(blocks) - 1 and end > 0:
        contact_only = (end, None)
    else:
        contact_only = None
    i = end - 1
    if i < 1 or _matches(patterns.keep_lines, blocks[i]):
        return contact_only
    block = blocks[i]
    for pattern in patterns.author_bio:
        found = pattern.search(block)
        if not found or not _matches(patterns.bio_cues, block):
            continue
        name = found.group("name")
        if blocks[i - 1].strip() == name:
            return i - 1, name
        if _matches(patterns.contact_cues, block) or end < len(blocks):
            return i, name
    return contact_only


def _blocks(text: str) -> tuple[list[str], str]:
    """Paragraphs and the separator to join them with.

    With blank lines, a paragraph is a run of lines (hard-wrapped text stays whole);
    without any, each line is a paragraph.
    """
    if "\n\n" in text:
        return [b.strip("\n") for b in text.split("\n\n") if b.strip()], "\n\n"
    return [line for line in text.split("\n") if line], "\n"


def _clean_line(
    line: str, patterns: Patterns, removed: list[str], captions: set[str]
) -> str | None:
    """The line without furniture: None if the whole line goes."""
    if _matches(patterns.keep_lines, line):
        return line
    if _matches(patterns.drop_lines, line):
        removed.append(line)
        return None
    for pattern in patterns.strip_prefix:
        cut = pattern.match(line)
        if cut and cut.end() < len(line):
            removed.append(cut.group().strip())
            line = line[cut.end() :]
    for pattern in patterns.strip_inline:
        cut = pattern.search(line)
        if cut and cut.start() > 0:
            removed.append(line[cut.start() :].strip())
            line = line[: cut.start()].rstrip()
            captions.add(line)
    return line


def strip_boilerplate(text: str) -> Cleaned:
    """Remove page boilerplate from normalised text."""
    patterns = load_patterns()
    blocks, joiner = _blocks(text)
    removed: list[str] = []
    captions: set[str] = set()
    cleaned_blocks = []
    for block in blocks:
        lines = [_clean_line(line, patterns, removed, captions) for line in block.split("\n")]
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

    wrapped = joiner == "\n" and _looks_hard_wrapped(cleaned_blocks)
    final: list[str] = []
    for i, block in enumerate(cleaned_blocks):
        if (
            not wrapped
            and _is_stray_headline(cleaned_blocks, i, captions)
            and not _matches(patterns.keep_lines, block)
        ):
            removed.append(block)
            continue
        final.append(block)
    return Cleaned(text=joiner.join(final), removed=removed, bio_name=bio_name)
