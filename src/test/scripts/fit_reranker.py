#!/usr/bin/env python3
"""Chooses the re-ranking weights of PassageReranker on the dev split, and shows them on test.

Usage: python3 src/test/scripts/fit_reranker.py candidates.jsonl [more.jsonl ...]

Each input is written by the `dump` measuring tool from a data dir `eval` filled, e.g.

    BYLINE_DATA_DIR=target/eval-bbc java -jar target/quarkus-app/quarkus-run.jar eval --corpus ../shared/datasets/bbc-news
    ./mvnw -q test-compile exec:java@tools -Dexec.args="dump --data target/eval-bbc --candidates target/candidates-bbc.jsonl"

(`--questions <file.jsonl>` for other question sets): per answerable question its first
20 fused candidates, in fused order, with their features and whether each is a hit. The weights
are found by coordinate ascent (Metzler and Croft's way of fitting a linear ranker to a metric)
on the mean MRR@10 of the dev questions, each set weighing the same whatever its size, with the
fused score's weight fixed at 1. Test questions are only scored, never fitted on.
"""
import json
import sys
from collections import defaultdict

FEATURES = ["fused", "similarity", "keyword", "sentence"]
GRID = [x / 10 for x in range(-10, 41)]


def load(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    q = json.loads(line)
                    q["X"] = [[c["f"][name] for name in FEATURES] for c in q["candidates"]]
                    q["y"] = [c["hit"] for c in q["candidates"]]
                    rows.append(q)
    return rows


def first_hit(q, w):
    scores = [sum(wi * xi for wi, xi in zip(w, x)) for x in q["X"]]
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    for rank, i in enumerate(order[:10], 1):
        if q["y"][i]:
            return rank
    return 0


def metrics(rows, w):
    by_set = defaultdict(list)
    for q in rows:
        by_set[q["set"]].append(first_hit(q, w))
    out = {}
    for name, ranks in sorted(by_set.items()):
        n = len(ranks)
        out[name] = (n, sum(r == 1 for r in ranks) / n, sum(1 <= r <= 5 for r in ranks) / n,
                     sum(1 / r for r in ranks if r) / n)
    return out


def objective(rows, w):
    m = metrics(rows, w)
    return sum(v[3] for v in m.values()) / len(m)


def fit(dev):
    w = [1.0, 0.0, 0.0, 0.0]
    best = objective(dev, w)
    for _ in range(4):
        improved = False
        for i in range(1, len(w)):
            for value in GRID:
                trial = w[:i] + [value] + w[i + 1:]
                score = objective(dev, trial)
                if score > best + 1e-9:
                    best, w, improved = score, trial, True
        if not improved:
            break
    return w, best


def show(label, rows, w):
    for name, (n, h1, h5, mrr) in metrics(rows, w).items():
        print(f"  {label:<10} {name:<12} n={n:<5} Hits@1 {h1:.3f}  Hits@5 {h5:.3f}  MRR@10 {mrr:.3f}")


def main():
    rows = load(sys.argv[1:])
    dev = [q for q in rows if q["split"] == "dev"]
    test = [q for q in rows if q["split"] == "test"]
    fused = [1.0, 0, 0, 0]
    w, best = fit(dev)
    print("weights:", dict(zip(FEATURES, w)), f"dev objective {best:.4f}")
    for split, part in (("dev", dev), ("test", test)):
        print(split)
        show("fused", part, fused)
        show("reranked", part, w)


if __name__ == "__main__":
    main()
