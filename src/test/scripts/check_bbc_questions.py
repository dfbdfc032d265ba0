#!/usr/bin/env python3
"""Checks src/main/resources/eval/bbc-questions.jsonl against the BBC News corpus.

Usage: python3 src/test/scripts/check_bbc_questions.py /path/to/bbc-news [questions.jsonl]

For every answerable question: each gold article exists and its body contains at least one answer
key, each key occurs in at least one gold article (case-insensitive, whitespace-normalised, as
RetrievalMetrics matches; keys are alternatives, any one makes a hit), and every article whose body
is identical to a gold article's is also listed as gold (the corpus has duplicates). It also prints, per question, how many other articles contain an answer key, so
questions that dozens of articles answer stand out. Exits non-zero on any error.
The unit tests cannot run this: a fresh clone has no corpus.
"""
import json
import re
import sys
from collections import defaultdict
from pathlib import Path


def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()


def load_corpus(root):
    bodies = {}
    for path in sorted(root.glob("*/*.txt")):
        text = path.read_text(encoding="latin-1")
        # headline line, blank line, body: keys must be in the body, which is what gets chunked
        parts = text.split("\n", 1)
        bodies[f"{path.parent.name}/{path.stem}"] = norm(parts[1] if len(parts) > 1 else "")
    return bodies


def main():
    root = Path(sys.argv[1])
    questions = Path(sys.argv[2]) if len(sys.argv) > 2 else \
        Path(__file__).resolve().parents[2] / "main/resources/eval/bbc-questions.jsonl"
    bodies = load_corpus(root)
    by_body = defaultdict(set)
    for article_id, body in bodies.items():
        by_body[body].add(article_id)

    errors = 0
    answerable = unanswerable = 0
    for line_no, line in enumerate(questions.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        q = json.loads(line)
        if not q["answerable"]:
            unanswerable += 1
            continue
        answerable += 1
        keys = [norm(k) for k in q["answer_keys"]]
        for gold in q["gold"]:
            if gold not in bodies:
                print(f"line {line_no} {q['id']}: gold {gold} does not exist")
                errors += 1
                continue
            if not any(key in bodies[gold] for key in keys):
                print(f"line {line_no} {q['id']}: no answer key in {gold}")
                errors += 1
            twins = by_body[bodies[gold]] - set(q["gold"])
            if twins:
                print(f"line {line_no} {q['id']}: {gold} has identical twins not in gold: {sorted(twins)}")
                errors += 1
        for key in keys:
            if not any(key in bodies.get(gold, "") for gold in q["gold"]):
                print(f"line {line_no} {q['id']}: key {key!r} is in no gold article")
                errors += 1
        others = sorted(a for a, b in bodies.items() if a not in q["gold"] and any(k in b for k in keys))
        print(f"{q['id']} {','.join(q['gold'])}: other articles containing a key: {len(others)}"
              + (f" {others[:6]}" if others else ""))
    print(f"answerable={answerable} unanswerable={unanswerable} errors={errors}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
