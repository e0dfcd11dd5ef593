"""Why sentences come from rules and not from spaCy: speed and agreement, measured.

Runs spaCy's blank Dutch pipeline (tokenizer + sentencizer) and kamerlens' rule splitter over the
same normalized text (the bundled letters, repeated) and prints MB/s of each and how often their
sentence ends agree. Needs spaCy (``pip install spacy``); it is not a dependency of kamerlens.

    .venv/bin/python bench/sentences_bench.py --mb 2
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kamerlens.extract import extract
from kamerlens.extract.sentences import split

ROOT = Path(__file__).resolve().parent.parent


def corpus(mb: float) -> str:
    texts = [extract(p).text for p in sorted((ROOT / "examples" / "letters").glob("*.txt"))]
    one = "\n\n".join(texts)
    return "\n\n".join([one] * max(1, int(mb * 1e6 / len(one.encode()))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="megabytes of text to split")
    args = parser.parse_args()
    text = corpus(args.mb)
    size = len(text.encode()) / 1e6

    t = time.process_time()
    ours = split(text)
    rules = size / (time.process_time() - t)

    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.max_length = len(text) + 1
    chunks = text.split("\n\n")
    t = time.process_time()
    ends: set[int] = set()
    offset = 0
    for chunk, doc in zip(chunks, nlp.pipe(chunks), strict=True):
        ends.update(offset + s.end_char for s in doc.sents)
        offset += len(chunk) + 2
    spacy_rate = size / (time.process_time() - t)

    ours_ends = {e for _, e in ours}
    agree = len(ours_ends & ends) / max(len(ours_ends | ends), 1)
    print(f"text: {size:.2f} MB")
    print(f"rule splitter     {rules:8.1f} MB/s   {len(ours_ends)} sentences")
    print(f"spaCy blank nl    {spacy_rate:8.1f} MB/s   {len(ends)} sentences")
    print(f"sentence ends in common: {agree:.0%}")


if __name__ == "__main__":
    main()
