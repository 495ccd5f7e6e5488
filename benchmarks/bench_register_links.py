"""Which text measure links an action to its follow-ups: precision and recall on labelled pairs.

The pairs (tests/data/series/pairs.csv, labelled by hand) are two actions' texts, mostly of the same
topic, marked the same action (asked again, moved, reported done, replaced) or not. Each measure is
judged at the threshold that gives it its best F1 on all pairs (optimistic), and leaving each pair
out in turn (the threshold chosen on the others, then the pair judged): the honest figure.

Measures: character n-gram TF-IDF cosine (n = 2, 3, 2-3, 3-4; idf over the pairs' texts, written
here in plain Python: the library does not carry it) and rapidfuzz's ratio, partial ratio, token set
ratio and WRatio, on the texts without spaces (Thai writes none between words). The library uses
what wins (``register.similarity``, threshold ``register.LINK_SCORE``).

    PYTHONPATH=lib .venv/bin/python benchmarks/bench_register_links.py
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

from cddbrief import register

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "data" / "series" / "pairs.csv"


def pairs() -> list[tuple[str, str, bool]]:
    lines = [line for line in PAIRS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return [(r["a"], r["b"], r["same"] == "1") for r in csv.DictReader(lines)]


def _bare(text: str) -> str:
    return "".join(text.split())


def tfidf(texts: list[str], sizes: tuple[int, ...]):
    """Cosine of character n-gram TF-IDF vectors, idf (smoothed, as scikit-learn's) over ``texts``."""

    def grams(text):
        text = _bare(text)
        return Counter(text[i : i + n] for n in sizes for i in range(len(text) - n + 1))

    df = Counter(g for t in texts for g in set(grams(t)))
    idf = {g: math.log((1 + len(texts)) / (1 + d)) + 1 for g, d in df.items()}

    def vector(text):
        v = {g: c * idf[g] for g, c in grams(text).items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {g: x / norm for g, x in v.items()}

    def cosine(a, b):
        x, y = vector(a), vector(b)
        return sum(w * y.get(g, 0.0) for g, w in x.items())

    return cosine


def judge(scored: list[tuple[float, bool]], threshold: float) -> tuple[int, int, int]:
    tp = sum(1 for s, same in scored if s >= threshold and same)
    fp = sum(1 for s, same in scored if s >= threshold and not same)
    fn = sum(1 for s, same in scored if s < threshold and same)
    return tp, fp, fn


def best_threshold(scored) -> float:
    def f1(threshold):
        tp, fp, fn = judge(scored, threshold)
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    return max(sorted({s for s, _ in scored}), key=f1)


def main() -> None:
    labelled = pairs()
    texts = sorted({a for a, _, _ in labelled} | {b for _, b, _ in labelled})
    measures = {f"tfidf char {'-'.join(map(str, n))}": tfidf(texts, n) for n in ((2,), (3,), (2, 3), (3, 4))}
    measures |= {
        "rapidfuzz ratio": lambda a, b: fuzz.ratio(_bare(a), _bare(b)) / 100,
        "rapidfuzz partial_ratio": lambda a, b: fuzz.partial_ratio(_bare(a), _bare(b)) / 100,
        "rapidfuzz token_set_ratio": lambda a, b: fuzz.token_set_ratio(a, b) / 100,
        "rapidfuzz WRatio": lambda a, b: fuzz.WRatio(_bare(a), _bare(b)) / 100,
        f"register.similarity @ {register.LINK_SCORE}": register.similarity,
    }
    same = sum(s for *_, s in labelled)
    print(f"{len(labelled)} labelled pairs: {same} the same action, {len(labelled) - same} not")
    print(f"{'measure':34} {'thr':>5} {'P':>6} {'R':>6} {'fp':>3}   leave-one-out {'P':>6} {'R':>6} {'fp':>3}")
    for name, measure in measures.items():
        scored = [(measure(a, b), s) for a, b, s in labelled]
        threshold = register.LINK_SCORE if name.startswith("register") else best_threshold(scored)
        tp, fp, fn = judge(scored, threshold)
        out = [0, 0, 0]
        for i, (score, s) in enumerate(scored):
            t = threshold if name.startswith("register") else best_threshold(scored[:i] + scored[i + 1 :])
            if score >= t:
                out[0 if s else 1] += 1
            elif s:
                out[2] += 1
        p = lambda tp, fp: tp / (tp + fp) if tp + fp else 0.0  # noqa: E731
        print(f"{name:34} {threshold:5.2f} {p(tp, fp):6.3f} {tp / (tp + fn):6.3f} {fp:3d}   "
              f"{'':13} {p(out[0], out[1]):6.3f} {out[0] / (out[0] + out[2]):6.3f} {out[1]:3d}")  # fmt: skip


if __name__ == "__main__":
    main()
