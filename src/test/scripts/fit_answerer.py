#!/usr/bin/env python3
"""Chooses the extractive answerer's weights, second-sentence rule and refusal threshold on dev.

Usage: python3 src/test/scripts/fit_answerer.py sentences.jsonl [more.jsonl ...] [--max-refused=0.10]
       [--calibrate-on=bbc-reader,squad]

Each input is written by `eval ... --dump-sentences <file>`: per question its quotable sentences
with their features (SentenceEvidence.Features), each marked hit when it is a gold article's
sentence holding an answer key, and the question's own evidence (best passage similarity, the
share of its weight and of its names and figures that no passage holds). Fitted on the dev
questions only:

1. which sentence to quote: logistic P(hit | sentence features), over the answerable questions;
2. whether to answer: logistic P(the best sentence is a hit | question features), over every
   question (an unanswerable one never has a hit);
3. the refusal threshold: the highest confidence that keeps the answerable questions of each dev
   set named by --calibrate-on (the reader-style BBC set and SQuAD: not the first BBC file, whose
   questions stay close to the articles' wording, nor the 16-question demo set) refused at or
   under --max-refused;
4. the second sentence, from the best one's passage: quoted when at least this share as likely as the best, the smallest share
   that keeps dev answers at 1.75 sentences or fewer on average;
5. byline.answer.min-similarity, the gate before any answerer: the 1st percentile of the answerable
   dev questions' best passage similarity in the calibration set where it is lowest, so that it
   turns away questions about nothing in the archive and almost never an answerable one.

Prints the constants for ExtractiveAnswerer, then the figures on dev and on test. Each set weighs
the same in the choices, whatever its size.
"""
import json
import sys
from collections import defaultdict

import numpy as np

BASE = ["lexical", "context", "similarity", "rank", "specific", "focus", "lead", "fragment"]
# Whether a sentence holds the kind of answer asked for weighs differently per kind: a "why" question's
# answer says "because", while almost any sentence holds a capitalised word.
TYPES = ["MONEY", "DURATION", "AMOUNT", "DATE", "PLACE", "REASON", "NAME"]
SENTENCE = BASE + [f"{kind}_{t}" for t in TYPES for kind in ("typed", "missing")]
QUESTION = ["best_sentence_logit", "best_similarity", "absent", "unnamed"]
MAX_SENTENCES = 1.75


def load(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    q = json.loads(line)
                    q["X"] = np.array([sentence_features(s["f"], q["type"]) for s in q["sentences"]], dtype=float).reshape(
                        len(q["sentences"]), len(SENTENCE))
                    q["y"] = np.array([s["hit"] for s in q["sentences"]], dtype=float)
                    rows.append(q)
    return rows


def sentence_features(f, question_type):
    row = [f[n] for n in BASE]
    for t in TYPES:
        row += [f["typed"] if t == question_type else 0.0, f["missingType"] if t == question_type else 0.0]
    return row


def logistic(X, y, weights=None, l2=1.0, steps=4000, lr=0.5):
    """Weighted logistic regression by gradient descent; each row counts weights[i] (default 1)."""
    r = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)
    r = r / r.mean()
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = (X - mu) / sd
    w = np.zeros(Z.shape[1])
    b = 0.0
    n = len(y)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Z @ w + b)))
        g = (p - y) * r
        w -= lr * (Z.T @ g / n + l2 * w / n)
        b -= lr * g.mean()
    # back to the raw features' scale: w.x + b
    return w / sd, b - (w / sd) @ mu


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def ranked(q, w, b):
    if len(q["y"]) == 0:
        return np.array([]), np.array([], dtype=int)
    logits = q["X"] @ w + b
    return logits, np.argsort(-logits, kind="stable")


def question_features(q, w, b):
    logits, order = ranked(q, w, b)
    top = logits[order[0]] if len(order) else -10.0
    return [top, q["best_similarity"], q["absent"], q["unnamed"]]


def outcome(q, w, b, cw, cb, t, within):
    """(answered, holds the fact, sentences quoted)."""
    logits, order = ranked(q, w, b)
    conf = sigmoid(np.array(question_features(q, w, b)) @ cw + cb)
    if not len(order) or conf < t:
        return False, False, 0
    p = sigmoid(logits)
    passage = lambda i: round(1 / q["X"][i][SENTENCE.index("rank")])
    # the runner-up of the same passage only (ExtractiveAnswerer.quoted)
    second = [i for i in order[1:] if passage(i) == passage(order[0])]
    chosen = [order[0]] + ([second[0]] if second and p[second[0]] >= within * p[order[0]] else [])
    return True, any(q["y"][i] for i in chosen), len(chosen)


def figures(rows, w, b, cw, cb, t, within):
    out = {}
    for name in sorted({q["set"] for q in rows}):
        qs = [q for q in rows if q["set"] == name]
        ans = [outcome(q, w, b, cw, cb, t, within) for q in qs if q["answerable"]]
        un = [outcome(q, w, b, cw, cb, t, within) for q in qs if not q["answerable"]]
        answered = [o for o in ans if o[0]]
        out[name] = dict(
            answerable=len(ans), unanswerable=len(un),
            holds=sum(o[1] for o in ans) / max(len(ans), 1),
            refused=sum(not o[0] for o in ans) / max(len(ans), 1),
            unanswerable_refused=sum(not o[0] for o in un) / len(un) if un else float("nan"),
            sentences=sum(o[2] for o in answered) / max(len(answered), 1))
    return out


def main():
    paths = [a for a in sys.argv[1:] if not a.startswith("--")]
    max_refused = 0.10
    calibrate_on = {"bbc-reader", "squad"}
    for a in sys.argv[1:]:
        if a.startswith("--max-refused="):
            max_refused = float(a.split("=", 1)[1])
        if a.startswith("--calibrate-on="):
            calibrate_on = set(a.split("=", 1)[1].split(","))
    rows = load(paths)
    dev = [q for q in rows if q["split"] == "dev"]
    test = [q for q in rows if q["split"] == "test"]

    # Each set weighs the same: a question counts 1 / (questions in its set).
    per_set = defaultdict(int)
    for q in dev:
        per_set[(q["set"], q["answerable"])] += 1
    train = [q for q in dev if q["answerable"] and len(q["y"])]
    w, b = logistic(np.vstack([q["X"] for q in train]), np.concatenate([q["y"] for q in train]),
                    np.concatenate([np.full(len(q["y"]), 1.0 / per_set[(q["set"], True)]) for q in train]))

    QX, Qy = [], []
    for q in dev:
        logits, order = ranked(q, w, b)
        QX.append(question_features(q, w, b))
        Qy.append(1.0 if q["answerable"] and len(order) and q["y"][order[0]] else 0.0)
    cw, cb = logistic(np.array(QX), np.array(Qy), [1.0 / per_set[(q["set"], q["answerable"])] for q in dev])

    t = 1.0
    for name in sorted({q["set"] for q in dev} & calibrate_on):
        confs = sorted(sigmoid(np.array(x) @ cw + cb) for q, x in zip(dev, QX) if q["set"] == name and q["answerable"])
        if confs:
            k = int(np.floor(max_refused * len(confs)))
            t = min(t, confs[k] if k < len(confs) else 0.0)

    within = 1.0
    for candidate in [x / 20 for x in range(20, 0, -1)]:
        f = figures(dev, w, b, cw, cb, t, candidate)
        if sum(v["sentences"] for v in f.values()) / len(f) > MAX_SENTENCES:
            break
        within = candidate

    def java(values):
        return "{" + ", ".join(f"{v:.3f}" for v in values) + "}"

    print("// " + ", ".join(BASE))
    print(f"static final double[] SENTENCE = {java(w[:len(BASE)])};")
    print("// per kind: typed, missing")
    for i, kind in enumerate(TYPES):
        print(f"    {kind}: {java(w[len(BASE) + 2 * i:len(BASE) + 2 * i + 2])}")
    print(f"static final double SENTENCE_BIAS = {b:.3f};")
    print("// " + ", ".join(QUESTION))
    print(f"static final double[] CONFIDENCE = {java(cw)};")
    print(f"static final double CONFIDENCE_BIAS = {cb:.3f};")
    print(f"public static final double MIN_CONFIDENCE = {t:.3f};")
    floor = min(np.percentile([q["best_similarity"] for q in dev if q["set"] == name and q["answerable"]], 1)
                for name in sorted({q["set"] for q in dev} & calibrate_on))
    print(f"byline.answer.min-similarity = {np.floor(floor * 100) / 100:.2f}  (1st percentile of the answerable dev questions' best passage similarity, lowest set)")
    print(f"static final double SECOND_WITHIN = {within:.2f};")
    for split, part in (("dev", dev), ("test", test)):
        for name, v in figures(part, w, b, cw, cb, t, within).items():
            print(f"{split:<5} {name:<11} answerable {v['answerable']:>4}: holds the fact {v['holds']:.3f}, refused {v['refused']:.3f}, "
                  f"{v['sentences']:.2f} sentences | unanswerable {v['unanswerable']:>4}: refused {v['unanswerable_refused']:.3f}")


if __name__ == "__main__":
    main()
