"""Benchmark: articles per second for the whole pipeline and for the bare spaCy parse of
the same reports, measured in one run, and the peak memory of the process.

Usage: python scripts/bench.py examples/ [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import time

from eventwire.ingest import IngestError, read_inputs
from eventwire.nlp import load_nlp
from eventwire.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
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
    print(f"peak memory:      {peak_mb:8.0f} MB")


if __name__ == "__main__":
    main()
