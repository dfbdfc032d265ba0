#!/usr/bin/env python3
"""Newest-figure figures of the recency set, from `eval --answers --out` result files.

    python3 src/test/scripts/recency_figures.py src/main/resources/eval/recency-questions.jsonl \
        before.json after.json [more.json ...]

For each result file (each one run of `eval` on the recency set) and each split, over the questions
asking for the current state (`current_state: true`):
  - newest figure given: the answer holds the newest report's key (as `eval` checks a key: case and
    spacing ignored, citation markers removed);
  - only an older figure: the answer holds an older report's figure and not the newest one;
  - refused: the answer is "the articles don't say" (no citation);
  - newest report cited first: the answer's first citation is a passage of the newest report;
  - newest report first hit: the first passage Byline's hybrid search returns is the newest report's,
    holding the key (eval's first_hit_rank = 1);
and over the control questions (no current-state intent): the answer holds the key, and the first hit
holds it. Prints one markdown table per split.
"""
import json
import re
import sys

MARKER = re.compile(r"\s*\[[\d,;\s]+]")


def norm(text):
    return re.sub(r"\s+", " ", text or "").strip().lower()


def holds(answer, keys):
    text = norm(MARKER.sub("", answer or ""))
    return any(norm(k) in text for k in keys)


def article(chunk_id):
    return chunk_id.rsplit("#", 1)[0]


def figures(questions, result):
    rows = {}
    for s in result["sets"]:
        for row in s.get("per_question", []):
            rows[row["id"]] = row
    out = {}
    for split in ("dev", "test"):
        intent = [q for q in questions if q["split"] == split and q["current_state"]]
        control = [q for q in questions if q["split"] == split and not q["current_state"]]
        f = dict(intent=len(intent), control=len(control), newest=0, older=0, refused=0, cited_first=0, hit_first=0,
                 control_right=0, control_hit=0)
        for q in intent:
            r = rows[q["id"]]
            newest = holds(r["answer"], q["answer_keys"])
            f["newest"] += newest
            f["older"] += (not newest) and holds(r["answer"], q["older_keys"])
            f["refused"] += not r["cited"]
            f["cited_first"] += bool(r["cited"]) and article(r["cited"][0]) == q["gold"][0]
            f["hit_first"] += r.get("first_hit_rank:Byline hybrid") == 1
        for q in control:
            r = rows[q["id"]]
            f["control_right"] += bool(r["cited"]) and holds(r["answer"], q["answer_keys"])
            f["control_hit"] += r.get("first_hit_rank:Byline hybrid") == 1
        out[split] = f
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    questions = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
    runs = [(path, figures(questions, json.load(open(path)))) for path in sys.argv[2:]]
    for split in ("dev", "test"):
        first = runs[0][1][split]
        print(f"\n{split}: {first['intent']} current-state questions, {first['control']} controls\n")
        print("| run | newest figure given | only an older figure | refused | newest report cited first "
              "| newest report first hit | controls: key given | controls: first hit holds it |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for path, f in runs:
            f = f[split]
            n, c = f["intent"], f["control"]
            cell = lambda k, of: f"{f[k]}/{of} ({f[k] / of:.2f})" if of else "-"
            print(f"| {path} | {cell('newest', n)} | {cell('older', n)} | {cell('refused', n)} | {cell('cited_first', n)} "
                  f"| {cell('hit_first', n)} | {cell('control_right', c)} | {cell('control_hit', c)} |")


if __name__ == "__main__":
    main()
