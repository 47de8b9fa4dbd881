"""Fit the mention-confidence model (mapviewer/geoparse/confidence.py) on the development corpora.

    python tools/train_confidence.py [../shared/eval] [--write]

Each corpus is geoparsed without the confidence step and its floor; every predicted mention is an example, labelled
right when it overlaps a gold toponym whose point lies within 161 km of the place read (of its outline, when
it has one: a province's or a sea's point differs between gazetteers) or one the corpus gives no
coordinates (GeoWebNews' demonyms). The confidence is thus the chance that the mention names the place
read, which is what it tells a user; the benchmark's 161 km between points is a stricter test for large
places. A logistic regression (scikit-learn, `pip install -e '.[train]'`)
over ``confidence.features`` is fitted on both corpora together (the shipped weights, written to
mapviewer/geoparse/confidence_weights.py with --write) and, to show how it does on text it has not seen,
on each corpus alone and scored on the other (leave one corpus out). The printed figures are the
benchmark's: ECE over matched toponyms and the share of confidently wrong mentions
(benchmarks/geoparse_figures.calibration).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from geoparse_figures import CORPORA, DEFAULT_EVAL, calibration, near_place, score  # noqa: E402

from mapviewer.export.jsonl import prediction  # noqa: E402
from mapviewer.gazetteer import GazetteerStore  # noqa: E402
from mapviewer.geoparse.confidence import ConfidenceFloor, MentionConfidence, mention_features  # noqa: E402
from mapviewer.geoparse.confidence_weights import FEATURES  # noqa: E402
from mapviewer.geoparse.steps import Parse, run_step  # noqa: E402
from mapviewer.model import Document  # noqa: E402
from mapviewer.pipeline import Geoparser  # noqa: E402
from mapviewer.text.sentences import split_sentences  # noqa: E402


def examples(geoparser: Geoparser, corpus: Path) -> tuple[list[tuple[str, Parse]], np.ndarray, np.ndarray]:
    """The parses of a corpus (confidence step left out), and each mention's features and label."""
    parses, xs, ys = [], [], []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        parse = Parse(Document(doc["text"]), split_sentences(doc["text"]))
        for _, step in geoparser.steps:
            run_step(step, parse)
        parses.append((str(doc["id"]), parse))
        for span, reading, x in mention_features(geoparser.store, parse):
            xs.append(x)
            gold = next((g for g in doc["gold"] if span.start < g["end"] and g["start"] < span.end), None)
            ys.append(gold is not None and (gold["lat"] is None or near_place(geoparser.store,
                                                                               reading.places[0], gold["lat"],
                                                                               gold["lon"])))
    return parses, np.array(xs), np.array(ys, dtype=int)


def figures(model: LogisticRegression | None, geoparser: Geoparser, parses: list[tuple[str, Parse]],
            eval_dir: Path, corpus: Path) -> str:
    """The benchmark's figures of a corpus with its confidences from ``model`` and the confidence floor
    (None: as resolved, no floor): F1, acc@161, recall@161, ECE, confidently wrong."""
    lines = []
    floor = ConfidenceFloor(geoparser.config.min_confidence)
    for doc_id, parse in parses:
        shown = Parse(parse.document, parse.sentences, list(parse.spans), dict(parse.readings))
        if model is not None:
            run_step(MentionConfidence(geoparser.store, lambda x: float(model.predict_proba([x])[0, 1])), shown)
            run_step(floor, shown)
        lines.append(json.dumps(prediction(doc_id, geoparser._analysis(shown))))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pred.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        s = score(eval_dir, corpus, path)
        ece, wrong, wrong_place = calibration(corpus, path, store=geoparser.store)
    return (f"{s['recognition']['overlap']['f1']:.3f} {s['resolution']['acc161']:.3f} "
            f"{s['end_to_end']['recall161']:.3f} {ece:.3f} {wrong:5.1%} {wrong_place:5.1%}")


def fit(x: np.ndarray, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=1.0, max_iter=1000).fit(x, y)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval", type=Path, nargs="?", default=DEFAULT_EVAL, help="folder with the corpora")
    ap.add_argument("--write", action="store_true", help="write the weights fitted on both corpora")
    args = ap.parse_args()
    geoparser = Geoparser(GazetteerStore.open())
    geoparser.remove_step("confidence")
    geoparser.remove_step("floor")
    data = {name: (args.eval / file, *examples(geoparser, args.eval / file)) for name, file in CORPORA.items()}
    both = fit(np.concatenate([d[2] for d in data.values()]), np.concatenate([d[3] for d in data.values()]))
    print("F1, acc@161, recall@161, ECE, confidently wrong (161 km from the point; from the place's outline):")
    print(f"{'corpus':12s} {'mentions':>8s} {'right':>6s}  {'resolver alone':39s}  {'model fitted on both':39s}  "
          "model fitted on the other corpus")
    for name, (path, parses, _, y) in data.items():
        (ox, oy), = [(d[2], d[3]) for other, d in data.items() if other != name]
        cells = [figures(m, geoparser, parses, args.eval, path) for m in (None, both, fit(ox, oy))]
        print(f"{name:12s} {len(y):8d} {y.mean():6.3f}  " + "  ".join(f"{c:39s}" for c in cells))
    weights = {"intercept": float(both.intercept_[0]),
               **{n: round(float(w), 4) for n, w in zip(FEATURES, both.coef_[0])}}
    weights["intercept"] = round(weights["intercept"], 4)
    print("weights (both corpora):", json.dumps(weights))
    if args.write:
        target = ROOT / "mapviewer" / "geoparse" / "confidence_weights.py"
        source = target.read_text(encoding="utf-8")
        head = source[:source.index("WEIGHTS = ")]
        body = "".join(f'    "{k}": {v},\n' for k, v in weights.items())
        target.write_text(head + "WEIGHTS = {\n" + body + "}\n", encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    assert all(math.isfinite(v) for v in weights.values())


if __name__ == "__main__":
    main()
