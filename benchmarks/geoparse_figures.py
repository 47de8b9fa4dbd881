"""Geoparsing figures: accuracy on the development corpora (scored by their own scorer), speed, memory.

    python benchmarks/geoparse_figures.py [--eval ../shared/eval]

Accuracy: each corpus is geoparsed with `mapviewer geoparse --jsonl` and scored by `score.py`.
Speed: every article of both corpora geoparsed once, one process, gazetteer already open.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
CORPORA = {"GeoWebNews": "gwn.jsonl", "TR-News": "trnews.jsonl"}


def score(eval_dir: Path, gold: Path, pred: Path) -> dict:
    out = subprocess.run([sys.executable, str(eval_dir / "score.py"), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def near_place(store: Any, place: Any, lat: float, lon: float, km: float = 161.0) -> bool:
    """Is the point (a gold toponym's) within ``km`` of ``place``: of its point, or of its outline when it has
    one. Gazetteers put a province's, a sea's or a world region's point in different places (Natural Earth's
    label point of Alberta is 375 km from GeoNames' point): a reading of the right large place is right."""
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    from mapviewer.geodesy import great_circle_km

    if float(great_circle_km(lat, lon, place.lat, place.lon)) <= km:
        return True
    outline = store.outline(place.id) if place.located_from is None else None
    if outline is None:
        return False
    nearest = nearest_points(outline, Point(lon, lat))[0]
    return float(great_circle_km(lat, lon, nearest.y, nearest.x)) <= km


def _store_place(store: Any, p: dict) -> Any:
    """The gazetteer place of a predicted mention (by its name and point), or None (a relatively located one)."""
    from mapviewer.text.normalize import fold

    return next((m.place for m in store.by_name(fold(p["name"].rstrip("'’s")))
                 if (m.place.lat, m.place.lon) == (p["lat"], p["lon"])), None)


def calibration(gold_path: Path, pred_path: Path, bins=(0.0, 0.5, 0.7, 0.9, 0.99, 1.01),
                store: Any = None) -> tuple[float, float, float]:
    """Expected calibration error of the confidences of matched toponyms against being right at 161 km, and
    the share of predicted mentions that are confidently wrong: confidence >= 0.9 and more than 161 km off,
    or overlapping no gold toponym at all; then (with a ``store``) the same share where "off" is more than
    161 km from the place read, its outline included (the right province with another gazetteer's point is
    not wrong), else nan."""
    import math

    def km(a, b, c, d):
        p1, p2 = math.radians(a), math.radians(c)
        h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
        return 12742 * math.asin(min(1.0, math.sqrt(h)))

    gold = {str(d["id"]): d["gold"] for d in map(json.loads, gold_path.read_text(encoding="utf-8").splitlines())}
    pairs = []
    predicted = wrong = wrong_place = 0
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for g in gold.get(doc["id"], []):
            hit = next((p for p in doc["places"] if p["start"] < g["end"] and g["start"] < p["end"]), None)
            if hit and g["lat"] is not None:
                pairs.append((hit["confidence"], km(g["lat"], g["lon"], hit["lat"], hit["lon"]) <= 161))
        for p in doc["places"]:
            predicted += 1
            if p["confidence"] < 0.9:
                continue
            g = next((g for g in gold.get(doc["id"], []) if p["start"] < g["end"] and g["start"] < p["end"]), None)
            if g is None or (g["lat"] is not None and km(g["lat"], g["lon"], p["lat"], p["lon"]) > 161):
                wrong += 1
                if store is not None:
                    place = _store_place(store, p) if g is not None else None
                    wrong_place += place is None or not near_place(store, place, g["lat"], g["lon"])
    ece = 0.0
    for lo, hi in itertools.pairwise(bins):
        b = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if b:
            ece += len(b) / len(pairs) * abs(sum(c for c, _ in b) / len(b) - sum(ok for _, ok in b) / len(b))
    return ece, wrong / max(predicted, 1), wrong_place / max(predicted, 1) if store is not None else math.nan


def accuracy(eval_dir: Path, keep: Path | None = None) -> None:
    from mapviewer.gazetteer import GazetteerStore

    store = GazetteerStore.open()
    print(f"{'corpus':12s} {'P':>6s} {'R':>6s} {'F1':>6s}   {'exactF1':>7s}  {'acc@161':>7s} {'AUC':>6s} "
          f"{'rec@161':>7s} {'ECE':>6s} {'conf.wrong':>10s} {'(outline)':>9s}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, file in CORPORA.items():
            pred = Path(tmp) / file
            subprocess.run([sys.executable, "-m", "mapviewer", "geoparse", "--jsonl", str(eval_dir / file),
                            "--out", str(pred)], check=True, stderr=subprocess.DEVNULL)
            s = score(eval_dir, eval_dir / file, pred)
            ece, wrong, wrong_place = calibration(eval_dir / file, pred, store=store)
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                (keep / file).write_text(pred.read_text(encoding="utf-8"), encoding="utf-8")
            o, x, r = s["recognition"]["overlap"], s["recognition"]["exact"], s["resolution"]
            print(f"{name:12s} {o['precision']:6.3f} {o['recall']:6.3f} {o['f1']:6.3f}   {x['f1']:7.3f}  "
                  f"{r['acc161']:7.3f} {r['auc']:6.3f} {s['end_to_end']['recall161']:7.3f} "
                  f"{ece:6.3f} {wrong:10.1%} {wrong_place:9.1%}")


def speed(eval_dir: Path, runs: int = 5) -> None:
    """Each run opens the gazetteer afresh (cold lookup caches) and geoparses every article once."""
    from mapviewer.gazetteer import GazetteerStore
    from mapviewer.model import Document
    from mapviewer.pipeline import Geoparser

    texts = [json.loads(line)["text"] for file in CORPORA.values()
             for line in (eval_dir / file).read_text(encoding="utf-8").splitlines() if line.strip()]
    words = sum(len(t.split()) for t in texts)
    rates, cpu_rates = [], []
    for _ in range(runs):
        geoparser = Geoparser(GazetteerStore.open())
        geoparser.analyse(Document("Warm-up in Kyiv and Paris, said Smith."))
        t, c = time.perf_counter(), time.process_time()
        for text in texts:
            geoparser.analyse(Document(text))
        rates.append(words / (time.perf_counter() - t))
        cpu_rates.append(words / (time.process_time() - c))
        geoparser.store.close()
    rates.sort()
    cpu_rates.sort()
    mid = len(rates) // 2
    print(f"speed        {rates[-1]:,.0f} words/s best, {rates[mid]:,.0f} median of {runs} runs, wall clock; "
          f"{cpu_rates[mid]:,.0f} words per CPU-second median")
    print(f"             ({len(texts)} articles, {words:,} words, one process, gazetteer open, lookup caches cold)")
    print(f"per 1,000 words {1e6 / rates[-1]:.1f} ms best, {1e6 / rates[mid]:.1f} ms median")
    print(f"peak RSS     {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="folder with the corpora and score.py")
    ap.add_argument("--keep", type=Path, help="also write the predictions to this folder (for error analysis)")
    ap.add_argument("--no-speed", action="store_true", help="accuracy only")
    args = ap.parse_args()
    accuracy(args.eval, args.keep)
    if not args.no_speed:
        speed(args.eval)


if __name__ == "__main__":
    main()
