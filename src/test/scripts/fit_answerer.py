#!/usr/bin/env python3
"""Chooses the extractive answerer's weights and refusal threshold on the dev split.

Usage: python3 src/test/scripts/fit_answerer.py sentences.jsonl [more.jsonl ...] [--with-similarity]

Each input is written by `eval ... --dump-sentences <file>`: per question its quotable sentences
with their features (SentenceEvidence.Features), each marked hit when it is a gold article's
sentence holding an answer key. Two logistic regressions are fitted on the dev questions only:

1. which sentence to quote: P(hit | sentence features), over the answerable dev questions;
2. whether to answer at all: P(the best sentence is a hit | question features), over every dev
   question (an unanswerable one never has a hit).

The refusal threshold is then the highest confidence that keeps the answerable dev questions
refused at or under --max-refused (default 0.10), each set weighing the same. Everything is
printed for dev and test; only dev is fitted on.
"""
import json
import sys
from collections import defaultdict

import numpy as np

SENTENCE = ["lexical", "context", "similarity", "rank", "typed", "missingType", "lead", "fragment"]


def load(paths, with_similarity):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    q = json.loads(line)
                    X = [[s["f"][n] for n in SENTENCE] + ([s["sentence_similarity"]] if with_similarity else [])
                         for s in q["sentences"]]
                    q["X"] = np.array(X, dtype=float).reshape(len(X), len(SENTENCE) + (1 if with_similarity else 0))
                    q["y"] = np.array([s["hit"] for s in q["sentences"]], dtype=float)
                    rows.append(q)
    return rows


def logistic(X, y, l2=1.0, steps=4000, lr=0.5):
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = (X - mu) / sd
    w = np.zeros(Z.shape[1])
    b = 0.0
    n = len(y)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Z @ w + b)))
        g = p - y
        w -= lr * (Z.T @ g / n + l2 * w / n)
        b -= lr * g.mean()
    # back to the raw features' scale: w.x + b
    return w / sd, b - (w / sd) @ mu


def best(q, w, b):
    if len(q["y"]) == 0:
        return None, -1e9
    s = q["X"] @ w + b
    i = int(np.argmax(s))
    return i, s[i]


def question_features(q, w, b):
    i, top = best(q, w, b)
    if i is None:
        return [-10.0, q["best_similarity"], q["absent"], 0, 1, 0], False
    x = q["X"][i]
    return [top, q["best_similarity"], q["absent"], x[0], x[5], x[3]], bool(q["y"][i])


QUESTION = ["top_sentence_logit", "best_similarity", "absent", "top_lexical", "top_missingType", "top_rank"]


def report(label, rows, w, b, cw, cb, t):
    by_set = defaultdict(list)
    for q in rows:
        x, hit = question_features(q, w, b)
        conf = 1 / (1 + np.exp(-(np.array(x) @ cw + cb)))
        by_set[q["set"]].append((q["answerable"], hit, conf))
    for name, qs in sorted(by_set.items()):
        ans = [(h, c) for a, h, c in qs if a]
        un = [c for a, h, c in qs if not a]
        holds = sum(h and c >= t for h, c in ans) / max(len(ans), 1)
        refused = sum(c < t for h, c in ans) / max(len(ans), 1)
        selected = sum(h for h, c in ans) / max(len(ans), 1)
        un_refused = sum(c < t for c in un) / len(un) if un else float("nan")
        print(f"  {label:<5} {name:<11} answerable {len(ans):>4}: best sentence holds key {selected:.3f}, "
              f"holds the fact {holds:.3f}, refused {refused:.3f} | unanswerable {len(un):>4}: refused {un_refused:.3f}")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    with_similarity = "--with-similarity" in sys.argv
    max_refused = 0.10
    for a in sys.argv[1:]:
        if a.startswith("--max-refused="):
            max_refused = float(a.split("=", 1)[1])
    rows = load(args, with_similarity)
    dev = [q for q in rows if q["split"] == "dev"]
    test = [q for q in rows if q["split"] == "test"]
    names = SENTENCE + (["sentence_similarity"] if with_similarity else [])

    train = [q for q in dev if q["answerable"] and len(q["y"])]
    X = np.vstack([q["X"] for q in train])
    y = np.concatenate([q["y"] for q in train])
    w, b = logistic(X, y)
    print("sentence weights:", {n: round(float(v), 4) for n, v in zip(names, w)}, "bias", round(float(b), 4))

    QX, Qy = [], []
    for q in dev:
        x, hit = question_features(q, w, b)
        QX.append(x)
        Qy.append(1.0 if (q["answerable"] and hit) else 0.0)
    cw, cb = logistic(np.array(QX), np.array(Qy))
    print("confidence weights:", {n: round(float(v), 4) for n, v in zip(QUESTION, cw)}, "bias", round(float(cb), 4))

    # threshold: the highest that keeps every set's answerable dev questions refused <= max_refused
    per_set = defaultdict(list)
    for q, x in zip(dev, QX):
        if q["answerable"]:
            per_set[q["set"]].append(1 / (1 + np.exp(-(np.array(x) @ cw + cb))))
    t = 1.0
    for name, confs in per_set.items():
        confs = sorted(confs)
        k = int(np.floor(max_refused * len(confs)))
        t = min(t, confs[k] if k < len(confs) else 0.0)
    print(f"threshold {t:.4f} (answerable dev questions refused <= {max_refused} in every set)")
    report("dev", dev, w, b, cw, cb, t)
    report("test", test, w, b, cw, cb, t)


if __name__ == "__main__":
    main()
