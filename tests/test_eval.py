"""Tests for scripts/metric.py (the benchmark's shingle metric), scripts/eval.py (the CLI around
it) and the evaluation's pieces: corpora, anchors, report."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from .conftest import load_script

mt = load_script("metric")
ev = load_script("eval", "bench_eval")
fm = load_script("fold_models")


def write_pages(folder: Path, pages: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for page_id, text in pages.items():
        (folder / f"{page_id}.txt").write_text(text, encoding="utf-8")
    return folder


def run_eval(tmp_path: Path, preds: dict[str, str], golds: dict[str, str]):
    pred_dir = write_pages(tmp_path / "pred", preds)
    gold_dir = write_pages(tmp_path / "gold", golds)
    return mt.evaluate(pred_dir, gold_dir)


def test_tokenize_keeps_case_and_unicode_words():
    assert mt.tokenize("Hello, world!  It's\nÜberall café_1 — 42.") == [
        "Hello",
        "world",
        "It",
        "s",
        "Überall",
        "café_1",
        "42",
    ]


def test_shingles_sizes():
    assert mt.shingles([]) == Counter()
    assert mt.shingles(["a"]) == Counter({("a",): 1})
    assert mt.shingles(["a", "b", "c"]) == Counter({("a", "b", "c"): 1})
    assert mt.shingles(["a", "b", "c", "d"]) == Counter({("a", "b", "c", "d"): 1})
    assert mt.shingles(list("abcde")) == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})


def test_identical_texts_score_perfectly(tmp_path):
    text = "The quick brown fox jumps over the lazy dog.\nSecond paragraph here."
    report = run_eval(tmp_path, {"a": text, "b": "Short one"}, {"a": text, "b": "Short one"})
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert report.accuracy == 1.0
    assert report.mean_doc_f1 == 1.0
    assert report.empty_outputs == 0
    assert report.pages == 2


def test_short_texts_use_one_shorter_shingle():
    assert mt.score_pair("Hello world", "Hello world").f1 == 1.0
    # One shingle each, and they differ: no partial credit for shared tokens.
    s = mt.score_pair("Hello there world", "Hello world")
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    assert (s.precision, s.recall) == (0.0, 0.0)
    # A 3-token prefix of a 5-token gold is its own shingle, not a match.
    s = mt.score_pair("a b c", "a b c d e")
    assert (s.tp, s.fp, s.fn) == (0, 1, 2)


def test_punctuation_and_whitespace_ignored_case_kept():
    gold = "Hello, world! It's fine."
    same = mt.score_pair("  Hello world\n\nIt -- s   fine ", gold)
    assert (same.precision, same.recall, same.exact) == (1.0, 1.0, True)
    lower = mt.score_pair("hello world it s fine", gold)
    assert (lower.precision, lower.recall, lower.exact) == (0.0, 0.0, False)


def test_partial_overlap_ratios():
    # gold shingles: abcd, bcde; pred: abcd -> tp 1, fp 0, fn 1
    s = mt.score_pair("a b c d", "a b c d e")
    assert (s.precision, s.recall) == (1.0, 0.5)
    assert s.f1 == pytest.approx(2 / 3)
    assert not s.exact


def test_multiset_counts_use_min(tmp_path):
    # gold "abcd abcd": abcd x2, bcda, cdab, dabc (5 shingles)
    gold = "a b c d a b c d"
    under = mt.score_pair("a b c d", gold)
    assert (under.tp, under.fp, under.fn) == (1, 0, 4)
    assert under.recall == pytest.approx(0.2)
    # pred "abcd x3": abcd x3, bcda x2, cdab x2, dabc x2 (9) -> tp 5, fp 4
    over = mt.score_pair("a b c d a b c d a b c d", gold)
    assert (over.tp, over.fp, over.fn) == (5, 4, 0)
    assert over.precision == pytest.approx(5 / 9)
    assert over.recall == 1.0


def test_empty_prediction_excluded_from_precision(tmp_path):
    gold = {"a": "one two three four five", "b": "six seven eight nine ten"}
    report = run_eval(tmp_path, {"a": "  ...  ", "b": gold["b"]}, gold)
    assert report.precision == 1.0  # only page b counts
    assert report.recall == pytest.approx(0.5)  # page a counts with recall 0
    assert report.f1 == pytest.approx(2 / 3)
    assert report.empty_outputs == 1
    assert report.accuracy == pytest.approx(0.5)
    row = {d.id: d.score for d in report.docs}["a"]
    assert (row.f1, row.pred_tokens) == (0.0, 0)
    assert report.mean_doc_f1 == pytest.approx(0.5)


def test_missing_prediction_counts_as_empty(tmp_path):
    gold = {"a": "one two three four five", "b": "six seven eight nine ten"}
    report = run_eval(tmp_path, {"b": gold["b"]}, gold)
    assert report.pages == 2
    assert report.empty_outputs == 1
    assert report.precision == 1.0
    assert report.recall == pytest.approx(0.5)
    assert report.f1 == pytest.approx(2 / 3)
    assert report.mean_doc_f1 == pytest.approx(0.5)


def test_f1_is_from_means_not_mean_of_page_f1s(tmp_path):
    # page a: P 1, R 1/2 (page F1 2/3); page b: perfect.
    # means P 1, R 3/4 -> F1 6/7, while the mean of page F1s is 5/6.
    golds = {"a": "a b c d e", "b": "v w x y z"}
    report = run_eval(tmp_path, {"a": "a b c d", "b": "v w x y z"}, golds)
    assert report.precision == 1.0
    assert report.recall == pytest.approx(0.75)
    assert report.f1 == pytest.approx(6 / 7)
    assert report.mean_doc_f1 == pytest.approx(5 / 6)


def test_empty_gold_pages(tmp_path):
    # both empty: in no mean, exact, page F1 1; non-empty pred on empty gold: precision 0, no recall.
    golds = {"a": "", "b": "", "c": "p q r s t"}
    report = run_eval(tmp_path, {"a": "", "b": "stray words", "c": "p q r s t"}, golds)
    assert report.precision == pytest.approx(0.5)
    assert report.recall == 1.0
    assert report.accuracy == pytest.approx(2 / 3)
    assert {d.id: d.score.f1 for d in report.docs} == {"a": 1.0, "b": 0.0, "c": 1.0}


def test_extra_prediction_files_are_ignored(tmp_path):
    report = run_eval(tmp_path, {"a": "x y", "extra": "z"}, {"a": "x y"})
    assert report.pages == 1
    assert report.f1 == 1.0


def test_cli_json_and_per_doc(tmp_path, capsys):
    pred = write_pages(tmp_path / "pred", {"good": "a b c d", "bad": "q r s t"})
    gold = write_pages(tmp_path / "gold", {"good": "a b c d", "bad": "w x y z", "gone": "m n"})
    assert ev.main([str(pred), str(gold), "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pages"] == 3
    assert data["empty_outputs"] == 1
    assert data["recall"] == pytest.approx(1 / 3)
    assert data["precision"] == pytest.approx(0.5)
    assert [d["id"] for d in data["docs"]][-1] == "good"

    out_file = tmp_path / "report.json"
    assert ev.main([str(pred), str(gold), "--per-doc", "2", "--json", str(out_file)]) == 0
    out = capsys.readouterr().out
    assert "F1" in out and "0.333" in out
    assert "good" not in out.split("\n\n", 1)[1]  # only the 2 worst rows
    assert json.loads(out_file.read_text(encoding="utf-8"))["pages"] == 3


def test_cli_missing_folder_exits_2(tmp_path, capsys):
    gold = write_pages(tmp_path / "gold", {"a": "x"})
    with pytest.raises(SystemExit) as exc:
        ev.main([str(tmp_path / "nope"), str(gold)])
    assert exc.value.code == 2
    assert "does not exist" in capsys.readouterr().err


# The evaluation run: corpora, anchors, report, and the command over a corpus of two pages.
co = load_script("corpora")
an = load_script("anchors")

PAGE = """<html><head><title>Bridge reopens</title></head><body>
<nav><a href="http://www.coastal.example/">Home</a> <a href="http://www.coastal.example/sport">Sport</a></nav>
<h1>Bridge reopens</h1>
<p>The harbour bridge reopened to traffic on Sunday after two years of repairs that cost the city far
more than the council had planned when the work began, officials said on Monday.</p>
<p>Engineers replaced the steel cables, resurfaced the deck and strengthened the towers, which had been
weakened by decades of salt spray from the open sea.</p>
<footer>Copyright 2021 The Coastal Times. Terms of use.</footer></body></html>"""
GOLD = (
    "The harbour bridge reopened to traffic on Sunday after two years of repairs that cost the city far "
    "more than the council had planned when the work began, officials said on Monday.\n"
    "Engineers replaced the steel cables, resurfaced the deck and strengthened the towers, which had been "
    "weakened by decades of salt spray from the open sea.\n"
)


def write_corpus(root: Path) -> Path:
    import gzip

    wide = root / "wide"
    for sub in ("html", "text", "gold"):
        (wide / sub).mkdir(parents=True)
    rows = []
    for page_id, source, host in (("one-a", "one", "coastal.example"), ("two-b", "two", "")):
        with gzip.open(wide / "html" / f"{page_id}.html.gz", "wt", encoding="utf-8") as out:
            out.write(PAGE)
        (wide / "text" / f"{page_id}.txt").write_text(an.page_lines(PAGE), encoding="utf-8")
        (wide / "gold" / f"{page_id}.txt").write_text(GOLD, encoding="utf-8")
        rows.append(json.dumps({"id": page_id, "source": source, "host": host, "url": ""}))
    (wide / "index.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_pages_carry_source_and_site_and_a_missing_host_is_the_host_linked_most(tmp_path):
    pages = co.load("wide", write_corpus(tmp_path) / "wide")
    assert [(p.id, p.source, p.site) for p in pages] == [
        ("one-a", "one", "coastal.example"),
        ("two-b", "two", "coastal.example"),
    ]
    assert pages[0].input("html") == PAGE and pages[0].gold == GOLD
    archived = '<a href="https://web.archive.org/web/2005/http://www.forbes.com/x">x</a>' * 2
    assert co.linked_host(archived + '<a href="http://other.org/">y</a>') == "forbes.com"


def test_the_c4_filter_keeps_sentences_and_drops_code_and_menus():
    text = "Home\nThe bridge reopened on Sunday after repairs.\nvar x = {a: 1};\nPlease enable javascript now."
    assert an.c4_filter(text) == "The bridge reopened on Sunday after repairs."


def test_an_anchor_that_fails_gives_an_empty_text():
    def broken(_: str) -> str:
        raise RuntimeError("boom")

    assert an.run_anchor(broken, "<html></html>") == ""
    assert an.lines_as_page("a < b\nc") == "<html><body><p>a &lt; b</p><p>c</p></body></html>"


def test_the_worst_pages_are_named_by_kind_of_failure():
    rp = load_script("report")
    golds = {page_id: ("s", "a b c d e f") for page_id in ("good", "empty", "low")}
    texts = {
        "cleaner": {"good": "a b c d e f", "empty": "", "low": "x y z w"},
        "trafilatura": {"good": "a b c d e f", "empty": "a b c d e f", "low": "a b c d e f"},
    }
    table = rp.Table.build("wide · text", golds, texts)
    worst = table.worst()
    assert worst["empty outputs"] == [("empty", "empty")]
    assert [i for i, _ in worst["page F1 under 0.5"]] == ["empty", "low"]
    assert [i for i, _ in worst["more than 0.2 behind the best anchor"]] == ["empty", "low"]
    assert table.overall["cleaner"].f1 < table.overall["trafilatura"].f1 == 1.0


def test_one_run_scores_the_cleaner_and_every_anchor_per_source(tmp_path, monkeypatch):
    monkeypatch.setattr(ev, "OUT", tmp_path / "eval")  # not the checkout's out/eval
    monkeypatch.setattr(ev, "MODELS", tmp_path / "models")  # nor its fold models, if any
    shared = write_corpus(tmp_path / "shared")
    out = tmp_path / "figures.json"
    assert (
        ev.main(["--shared", str(shared), "--corpus", "wide", "--jobs", "1", "--json", str(out)])
        == 0
    )
    text, html = json.loads(out.read_text(encoding="utf-8"))
    for table, anchors in ((text, an.TEXT_ANCHORS), (html, an.HTML_ANCHORS)):
        assert {"cleaner", *anchors} <= set(table["overall"])
        assert set(table["by_source"]) == {"one", "two"}
        assert table["overall"]["cleaner"]["f1"] > 0.9
    assert (tmp_path / "eval" / "wide" / "html" / "cleaner" / "one-a.txt").is_file()


def test_fold_models_fitted_beside_another_model_stop_the_run_before_any_page(
    tmp_path, monkeypatch, capsys
):
    models = tmp_path / "models"
    models.mkdir()
    (models / "folds.json").write_text('{"coastal.example": 0}', encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    for kind, shipped in fm.MODEL_FILES.items():
        (models / f"{kind}-fold0.json").write_bytes((root / shipped).read_bytes())
        fm.record(kind, root / shipped, models)
    monkeypatch.setattr(ev, "MODELS", models)
    assert ev.stale_folds() is None
    other = tmp_path / "refitted.json"  # a refit, or a shipped model restored after one
    other.write_text("{}", encoding="utf-8")
    fm.record("html", other, models)
    shared = write_corpus(tmp_path / "shared")
    assert ev.main(["--shared", str(shared), "--corpus", "wide", "--jobs", "1"]) == 2
    assert "html-fold0.json" in capsys.readouterr().err
    fm.record("html", root / fm.MODEL_FILES["html"], models)
    (models / "text-fold0.json").unlink()
    assert "text-fold0.json" in ev.stale_folds()


def test_the_folds_are_fitted_where_the_model_was_not_where_a_revert_wrote_it(tmp_path) -> None:
    """After a refit and its revert, the last commit to touch the model is the revert, whose
    code fits another model: fold_models.py went there and copied nothing."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)
        return done.stdout.decode().strip()

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    commits = []
    for content in ("fitted", "refitted", "fitted"):
        (tmp_path / "model.json").write_text(content, encoding="utf-8")
        git("add", "model.json")
        git("commit", "-qm", content)
        commits.append(git("rev-parse", "HEAD"))
    assert fm.fitted_at(Path("model.json"), tmp_path) == commits[0]


def test_a_refit_that_differs_says_where_and_by_how_much() -> None:
    """A value settled to the other side of a grid midpoint moves one threshold by 2**-25
    (seen on a second machine); a changed input moves many."""
    tree = {"feature": [3, -1], "threshold": [0.29415240883827215, 0.0], "value": [0.0, 0.1]}
    shipped = {"first": {"trees": [tree]}, "routes": {"all": {"trees": [tree, tree]}}}
    moved = {**tree, "threshold": [0.29415243864059454, 0.0]}
    fitted = {"first": {"trees": [tree]}, "routes": {"all": {"trees": [tree, moved]}}}
    assert fm.difference(fitted, shipped) == (
        "/routes/all/trees[1]/threshold[0]: 0.29415243864059454 against 0.29415240883827215"
        " (by 2.98e-08)"
    )
    many = {**tree, "value": [0.5, 0.6]}
    assert fm.difference({"first": {"trees": [many]}}, {"first": {"trees": [tree]}}) == (
        "/first/trees[0]/value: 2 of 2 values differ"
    )
