#!/usr/bin/env python3
"""The house figures of Byline at a commit: lines of production code (src/main/java) and of the
measuring tools (src/tools/java), classes over 250 lines under src/main/java, and package cycles.

Usage: python3 src/test/scripts/house.py [REV]     (default HEAD; run from the repository's root)

A package cycle is a group of packages each of which reaches the others through the Byline classes
it names (imports, static imports and fully qualified names), found as the strongly connected
groups of that graph, both between full package names (dev.byline.ingest.parse) and between the
top-level ones (dev.byline.ingest). The tree is read from git (git archive), so any commit can be
measured without checking it out.
"""
import io
import re
import subprocess
import sys
import tarfile
from collections import defaultdict

LONG = 250
NAME = re.compile(r"\b(dev\.byline(?:\.[a-z]\w*)+)\.[A-Z]")


def sources(rev):
    tar = subprocess.run(["git", "archive", rev, "--", "src"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        for member in archive:
            if member.isfile() and member.name.endswith(".java"):
                yield member.name, archive.extractfile(member).read().decode("utf-8")


def strongly_connected(graph):
    """Tarjan's algorithm; only the groups of two or more packages (a package may use itself)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for v in list(graph):
        if v not in index:
            visit(v)
    return groups


def report(label, groups):
    print(f"package cycles, {label}: {len(groups)}")
    for group in groups:
        print("  " + " <-> ".join(p.removeprefix("dev.byline.") for p in group))


def main():
    rev = sys.argv[1] if len(sys.argv) > 1 else "HEAD"
    files = {path: text for path, text in sources(rev)
             if path.startswith(("src/main/java/", "src/tools/java/"))}
    for root in ("src/main/java/", "src/tools/java/"):
        mine = [t for p, t in files.items() if p.startswith(root)]
        print(f"{root}: {len(mine)} files, {sum(t.count(chr(10)) for t in mine):,} lines")
    long = sorted(((t.count("\n"), p) for p, t in files.items()
                   if p.startswith("src/main/java/") and t.count("\n") > LONG), reverse=True)
    print(f"classes over {LONG} lines under src/main/java: {len(long)}")
    for lines, path in long:
        print(f"  {lines:4d} {path}")

    uses = defaultdict(set)
    for text in files.values():
        package = re.search(r"^package\s+([\w.]+);", text, re.M).group(1)
        uses[package]
        for used in NAME.findall(re.sub(r"^package .*$", "", text, flags=re.M)):
            if used != package:
                uses[package].add(used)
    report("between packages", strongly_connected(uses))
    top = defaultdict(set)
    for package, used in uses.items():
        for other in used:
            a, b = ".".join(package.split(".")[:3]), ".".join(other.split(".")[:3])
            if a != b:
                top[a].add(b)
    report("between top-level packages", strongly_connected(top))


if __name__ == "__main__":
    main()
