"""Benchmark: articles per second for the whole pipeline and for the bare spaCy parse of
the same reports, measured in one run, and the peak memory of the process.

With --ordinary DIR, also the cost of a mixed set (the reports plus ordinary news from
DIR) with and without the relevance gate, which skips the parse of reports with no event.

Place lookup: the time to find and resolve every place name of a 1,000-word report (the
reports joined and cut to 1,000 words, already parsed, gazetteer open, its lookup cache
emptied before each run), on one core; the issue's budget is 20 ms.

Usage: python scripts/bench.py examples/ [--ordinary benchmarks/ordinary] [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import time

from eventwire.ingest import IngestError, read_inputs
from eventwire.model import Article
from eventwire.nlp import load_nlp
from eventwire.pipeline import Pipeline
from eventwire.resolve.places import PlaceResolver

PLACE_REPORT_WORDS = 1000


def place_lookup_ms(texts: list[str], repeat: int) -> tuple[float, float, int]:
    """Milliseconds to resolve the place names of one 1,000-word report: median and worst
    of ``repeat`` cold-cache runs, and the number of place names found."""
    words = " ".join(texts).split()
    while len(words) < PLACE_REPORT_WORDS:
        words += words
    text = " ".join(words[:PLACE_REPORT_WORDS])
    doc = load_nlp()(text)
    article = Article(id="bench-places", text=text)
    resolver = PlaceResolver()
    resolver.find(doc, article)  # open the gazetteer and read the cue tables, untimed
    runs = []
    found = 0
    for _ in range(max(1, repeat)):
        resolver.gazetteer.clear_cache()  # no name seen before: the worst case
        start = time.perf_counter()
        found = len(resolver.find(doc, article))
        runs.append((time.perf_counter() - start) * 1000)
    runs.sort()
    return runs[len(runs) // 2], runs[-1], found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ordinary", help="folder of ordinary (non-conflict) news reports")
    args = parser.parse_args()
    articles = [a for a in read_inputs(args.paths) if not isinstance(a, IngestError)]
    words = sum(len(a.text.split()) for a in articles)
    pipeline = Pipeline()
    nlp = load_nlp()
    # warm up: load the model, gazetteer, registry and classifiers once, outside the timing
    pipeline.process(articles[0])

    start = time.perf_counter()
    for _ in range(args.repeat):
        for article in articles:
            nlp(article.text)
    parse_s = time.perf_counter() - start

    start = time.perf_counter()
    coded = 0
    for _ in range(args.repeat):
        for article in articles:
            result = pipeline.process(article)
            coded += len(result.events) + len(result.statements)
    full_s = time.perf_counter() - start

    n = len(articles) * args.repeat
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"reports: {len(articles)} ({words} words), repeated {args.repeat} times")
    print(f"bare spaCy parse: {n / parse_s:8.1f} articles/s")
    print(f"whole pipeline:   {n / full_s:8.1f} articles/s "
          f"({coded // args.repeat} records per pass)")
    if args.ordinary:
        ordinary = [a for a in read_inputs([args.ordinary]) if not isinstance(a, IngestError)]
        mixed = articles + ordinary
        runs = {gate: Pipeline(use_gate=gate) for gate in (True, False)}
        for run in runs.values():  # warm both before timing either
            for article in mixed:
                run.process(article)
        spent = {(gate, kind): 0.0 for gate in runs for kind in ("conflict", "ordinary")}
        skipped = 0
        # interleaved repeats, so that load on the shared machine hits both alike
        for _ in range(args.repeat):
            for gate, run in runs.items():
                for article in mixed:
                    kind = "ordinary" if article in ordinary else "conflict"
                    start = time.perf_counter()
                    result = run.process(article)
                    spent[gate, kind] += time.perf_counter() - start
                    skipped += gate and result.skipped is not None
        with_s = spent[True, "conflict"] + spent[True, "ordinary"]
        without_s = spent[False, "conflict"] + spent[False, "ordinary"]
        per_ordinary = {g: 1000 * spent[g, "ordinary"] / (len(ordinary) * args.repeat)
                        for g in runs}
        print(f"mixed set:        {len(articles)} conflict + {len(ordinary)} ordinary reports")
        print(f"  with the gate:    {len(mixed) * args.repeat / with_s:8.1f} articles/s "
              f"({skipped // args.repeat} reports skipped before the parse)")
        print(f"  without the gate: {len(mixed) * args.repeat / without_s:8.1f} articles/s "
              f"(gate saves {100 * (1 - with_s / without_s):.0f}% of the time)")
        print(f"  an ordinary report: {per_ordinary[True]:.1f} ms with the gate, "
              f"{per_ordinary[False]:.1f} ms without")
    median_ms, worst_ms, found = place_lookup_ms([a.text for a in articles], 5 * args.repeat)
    print(f"place lookup:     {median_ms:8.1f} ms per {PLACE_REPORT_WORDS}-word report "
          f"(worst {worst_ms:.1f} ms, {found} place names; budget 20 ms)")
    print(f"peak memory:      {peak_mb:8.0f} MB")


if __name__ == "__main__":
    main()
