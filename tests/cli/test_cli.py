import json
import subprocess
import sys
from pathlib import Path

import pytest

from policy_nlp.cli import build_parser, main
from policy_nlp.io.output import validate

from conftest import SEED, local_excerpt

SEED = Path(__file__).resolve().parents[2] / "corpora" / "000_49f5c10d9eda79ac.txt"
FAST = ["--stages", "paragraphs", "--no-lexicon", "--no-clean", "-q"]


COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)


def test_the_commands_are_all_there():
    assert COMMANDS == sorted(["annotate", "train", "suggest", "evaluate", "lexicon", "view", "report",
                               "export", "trace"])


@pytest.mark.parametrize("argv", [["--help"], *([c, "--help"] for c in COMMANDS), ["lexicon", "build", "--help"]])
def test_help_has_examples(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out
    if argv[0] != "--help":
        assert f"policy-nlp {argv[0]} " in out  # an example of this very command


def test_annotate_reports_a_broken_file_and_annotates_the_rest(tmp_path):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_bytes(SEED.read_bytes())
    (tmp_path / "in" / "broken.txt").write_bytes(b"\x00\x01binary")
    code = main(["annotate", str(tmp_path / "in"), "-o", str(tmp_path / "out"), *FAST])
    assert code == 1
    lines = (tmp_path / "out" / "annotations.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(l)["id"] for l in lines] == ["good"]
    validate(json.loads(lines[0]))
    (error,) = [json.loads(l) for l in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert error["source"].endswith("broken.txt") and "binary" in error["reason"]


def test_annotate_jsonl_keeps_ids_and_writes_spacy(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "A-1", "text": "同志们：今天开会。", "year": "2012"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["annotate", str(src), "-o", str(tmp_path / "o.json"), "--format", "json", *FAST]) == 0
    (doc,) = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert doc["id"] == "A-1" and doc["meta"]["year"] == 2012  # a given year, as a number
    assert main(["annotate", str(src), "-o", str(tmp_path / "o.spacy"), "--format", "spacy", *FAST]) == 0
    from policy_nlp.io.output import read_docbin
    (loaded,) = read_docbin(tmp_path / "o.spacy")
    assert loaded._.id == "A-1" and len(loaded.spans["paragraphs"]) == 1


def test_annotate_writes_the_format_the_output_file_names(tmp_path):
    """newuser: --help says "output file (ending in .jsonl/.json/.spacy)", but `-o docs.spacy`
    without --format made a folder docs.spacy/ holding annotations.jsonl."""
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "A-1", "text": "同志们：今天开会。"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    assert main(["annotate", str(src), "-o", str(tmp_path / "o.spacy"), *FAST]) == 0
    from policy_nlp.io.output import read_docbin
    (loaded,) = read_docbin(tmp_path / "o.spacy")
    assert loaded._.id == "A-1"
    assert main(["annotate", str(src), "-o", str(tmp_path / "o.json"), *FAST]) == 0
    assert json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))[0]["id"] == "A-1"
    assert main(["annotate", str(src), "-o", str(tmp_path / "folder"), *FAST]) == 0
    assert (tmp_path / "folder" / "annotations.jsonl").is_file()


def test_evaluate_says_when_the_topics_are_of_another_codebook(capsys):
    """newuser: `evaluate GOLD --topic-model` with a model of one's own codebook (三农, 党建 ...)
    printed 'paragraph topics right 0/139' and nothing else, as if the model were useless."""
    from policy_nlp.apps.evaluation import load_gold
    from policy_nlp.cli.evaluate import _warn_other_codebook
    gold = load_gold(Path(__file__).parents[1] / "fixtures" / "gold_local" / "dev" / "dev-0015.json")
    mine = {"paragraphs": [{"start": 0, "end": 9, "topic": {"label": "三农", "score": 0.7}}]}
    _warn_other_codebook([(gold, mine)])
    err = capsys.readouterr().err
    assert "the topics' labels (三农) are none of the gold's (agriculture_rural, general)" in err
    assert "--test CODED.csv" in err
    default = {"paragraphs": [{"start": 0, "end": 9, "topic": {"label": "general", "score": 0.7}}]}
    _warn_other_codebook([(gold, default), (gold, None)])
    assert capsys.readouterr().err == ""


def test_evaluate_says_when_only_some_topic_labels_are_the_golds(capsys):
    """codebook23: a codebook of one's own named economy / welfare / control / party / general
    shares two names with the gold's and scored 52/139 local paragraphs without a word."""
    from policy_nlp.apps.evaluation import load_gold
    from policy_nlp.cli.evaluate import _warn_other_codebook
    gold = load_gold(Path(__file__).parents[1] / "fixtures" / "gold_local" / "dev" / "dev-0015.json")
    mine = {"paragraphs": [{"start": 0, "end": 9, "topic": {"label": label, "score": 0.7}}
                           for label in ("general", "economy", "welfare", "control")]}
    _warn_other_codebook([(gold, mine)])
    err = capsys.readouterr().err
    assert "some of the topics' labels (control, welfare) are not the gold's codebook's" in err
    assert "compare two codebooks" in err
    codebook = {"paragraphs": [{"start": 0, "end": 9, "topic": {"label": "economy", "score": 0.7}},
                               {"start": 9, "end": 19, "topic": {"label": "general", "score": 0.7}}]}
    _warn_other_codebook([(gold, codebook)])          # a model of the gold's codebook: nothing said
    assert capsys.readouterr().err == ""


def test_evaluate_says_nothing_of_codebooks_when_the_default_model_misses_the_golds_labels(capsys):
    """review19: the default model (or one trained on the codebook's labels) whose labels on a
    document are none of its gold's (dev-0015's agriculture_rural and general; the model says
    economy) was told 'the topic scores above compare two codebooks': both are the codebook's,
    the scores are a model's misses, and 'score a model of your own codebook' sent the user astray."""
    from policy_nlp.apps.evaluation import load_gold
    from policy_nlp.cli.evaluate import _warn_other_codebook
    gold = load_gold(Path(__file__).parents[1] / "fixtures" / "gold_local" / "dev" / "dev-0015.json")
    default = {"paragraphs": [{"start": 0, "end": 9, "topic": {"label": "economy", "score": 0.7}}]}
    _warn_other_codebook([(gold, default)])
    assert capsys.readouterr().err == ""
    coded_own = {"topics": {"0": "三农"}}  # a gold of one's own codebook: the default model's labels are none of it
    _warn_other_codebook([(coded_own, default)])
    assert "the topics' labels (economy) are none of the gold's (三农)" in capsys.readouterr().err


def test_the_module_entry_point_annotates_and_reports_the_version(tmp_path):
    """``python -m policy_nlp.cli`` (what the policy-nlp script runs) does real work."""
    import policy_nlp
    out = tmp_path / "seed.jsonl"
    result = subprocess.run([sys.executable, "-m", "policy_nlp.cli", "annotate", str(SEED), "-o", str(out),
                             "--no-lexicon", "-q"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    (doc,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    validate(doc)
    assert doc["id"] == SEED.stem and doc["slogans"] and doc["lists"] and doc["tokens"]
    assert any(p["topic"] for p in doc["paragraphs"])
    version = subprocess.run([sys.executable, "-m", "policy_nlp.cli", "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"policy_nlp {policy_nlp.__version__}"


def test_lexicon_build_mines_ranked_candidates_usable_as_user_dict(tmp_path):
    src = tmp_path / "docs.jsonl"
    rows = [{"id": "a", "text": "坚持“四个全面”战略布局，推进“双联”行动。"},
            {"id": "b", "text": "协调推进“四个全面”，深化“双联”。实施五心工程。"},
            {"id": "c", "text": "协调推进“四个全面”战略布局。"}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "candidates.tsv"
    assert main(["lexicon", "build", str(src), "-o", str(out)]) == 0
    from policy_nlp.stages.lexicon import Lexicon
    lexicon = Lexicon.load(out)
    assert list(lexicon)[:2] == ["四个全面", "双联"]
    assert lexicon["四个全面"]["doc_freq"] == 3 and lexicon["四个全面"]["number"] == 4
    assert "a:" in lexicon["四个全面"]["note"]
    from policy_nlp.pipeline.tokenizer import read_user_dict
    assert read_user_dict(out) == ["四个全面", "双联"]


def test_a_five_megabyte_single_line_is_annotated(tmp_path):
    line = "推进社会管理创新，加快城乡一体化建设，实施“五心工程”；" * 65_000
    path = tmp_path / "huge.txt"
    path.write_text(line, encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    code = main(["annotate", str(path), "-o", str(tmp_path / "out"), "--stages", "paragraphs",
                 "--no-clean", "-q"])
    assert code == 0
    (doc,) = [json.loads(l) for l in (tmp_path / "out" / "annotations.jsonl").open(encoding="utf-8")]
    assert doc["text"] == line and len(doc["sentences"]) == 65_000
    assert sum(t["end"] - t["start"] for t in doc["tokens"]) == len(line)  # every character in a token


def test_view_segments_raw_text_like_annotate():
    """One default segmenter for every command that annotates raw text."""
    parser = build_parser()
    annotate = parser.parse_args(["annotate", "x.txt", "-o", "out"])
    view = parser.parse_args(["view", "x.txt", "-o", "out"])
    assert view.segmenter == annotate.segmenter == "fast"


def test_annotate_writes_the_tables_at_the_end_of_the_run(tmp_path):
    pytest.importorskip("duckdb")
    import duckdb
    from policy_nlp.cli import main
    out, tables = tmp_path / "out", tmp_path / "tables"
    assert main(["annotate", str(SEED), "-o", str(out), "--tables", str(tables), "-q"]) == 0
    annotated = [json.loads(line) for line in (out / "annotations.jsonl").read_text(encoding="utf-8").splitlines()]
    with duckdb.connect(str(tables / "corpus.duckdb"), read_only=True) as db:
        assert db.execute("select count(*) from formulations").fetchone()[0] == len(annotated[0]["slogans"])
        assert db.execute("select count(*) from paragraphs").fetchone()[0] == len(annotated[0]["paragraphs"])


def test_annotate_tables_drop_duplicates(tmp_path):
    pytest.importorskip("duckdb")
    import duckdb
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "copy.txt"):  # one text under two names: the second is an exact duplicate
        (corpus / name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out, tables = tmp_path / "out", tmp_path / "tables"
    assert main(["annotate", str(corpus), "-o", str(out), "--tables", str(tables), "--drop-duplicates", "-q"]) == 0
    with duckdb.connect(str(tables / "corpus.duckdb"), read_only=True) as db:
        assert db.execute("select count(*), count(*) filter (where duplicate) from documents").fetchone() == (1, 0)
    # without --tables it would do nothing: an error before the run, not silence after it
    with pytest.raises(SystemExit) as exited:
        main(["annotate", str(corpus), "-o", str(tmp_path / "none"), "--drop-duplicates", "-q"])
    assert exited.value.code == 2 and not (tmp_path / "none").exists()


def test_no_resume_help_says_what_a_rerun_with_other_settings_does(tmp_path, capsys):
    """The help said resume 'does not notice changed options such as --topic-model'; it
    does, and refuses the rerun (a trial user read the help, not the README)."""
    out = tmp_path / "out"
    assert main(["annotate", str(SEED), "-o", str(out), *FAST]) == 0
    with pytest.raises(SystemExit) as info:
        main(["annotate", str(SEED), "-o", str(out), "--stages", "paragraphs,slogans", "--no-lexicon",
              "--no-clean", "-q"])
    assert info.value.code == 2 and "made with other settings" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["annotate", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "is refused without it" in help_text and "does not notice" not in help_text


@pytest.mark.parametrize("argv", [["annotate"], ["suggest"], ["view"], ["lexicon", "build"]])
def test_every_command_reading_raw_documents_names_the_same_input_formats(argv, capsys):
    from policy_nlp.io.rows import KINDS
    with pytest.raises(SystemExit):
        main([*argv, "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert all(suffix in out for suffix in [".txt", *KINDS, "save_to_disk"])


def test_view_reads_a_tsv_table_as_raw_documents(tmp_path):
    # the help says tables: a .tsv of two rows is two documents, as annotate reads it
    text = SEED.read_text(encoding="utf-8").replace("\t", " ").replace("\n", " ")
    sheet = tmp_path / "speeches.tsv"
    sheet.write_text(f"id\ttext\nfirst\t{text[:400]}\nsecond\t{text[400:800]}\n", encoding="utf-8")
    assert main(["view", str(sheet), "-o", str(tmp_path / "view"), *FAST[:-1]]) == 0
    assert sorted(p.name for p in (tmp_path / "view").glob("*.html")) == ["first.html", "index.html", "second.html"]


def test_train_help_names_every_table_kind_it_reads(capsys):
    from policy_nlp.io.rows import KINDS
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert all(suffix in out for suffix in [*KINDS, ".parquet", ".xlsx", "save_to_disk"])


def test_trace_names_only_the_files_it_wrote(tmp_path, capsys):
    """A formulation whose mentions are all undated has no adoption curve: trace -o writes no
    adoption.png/.svg, and its last line must not say it did."""
    import policy_nlp
    from policy_nlp.io.output import doc_to_dict
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"])
    doc = doc_to_dict(policy_nlp.annotate(local_excerpt("dev-0087"), nlp, id="dev-0087"))
    assert doc["meta"].get("year") is None and any(s["text"] == "河长制" for s in doc["slogans"])
    path = tmp_path / "annotations.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["trace", "河长制", str(path), "-o", str(tmp_path / "trace")]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert not (tmp_path / "trace" / "adoption.png").exists()
    assert last.startswith("->") and "adoption.png" not in last and "mentions.csv" in last


# What the runnable examples read that an earlier step writes: the top-level help's first
# example (annotate corpora/ -o out/) and the sheet of benchmarks/train_local_example.py.
MADE_BY_AN_EARLIER_STEP = {"out/", "out/annotations.jsonl", "/tmp/local_example/local_units.csv"}
INPUT_DESTS = ["inputs", "data", "corpus", "gold", "annotated", "meta_file", "exclude", "model", "topic_model"]


def _help_examples(argv, capsys):
    with pytest.raises(SystemExit):
        main([*argv, "--help"])
    lines = capsys.readouterr().out.split("examples:")[1].splitlines()
    return [line.split("  #")[0].strip() for line in lines if line.strip().startswith("policy-nlp ")]


def _inputs_exist(example):
    import glob
    import shlex
    args = vars(build_parser().parse_args(shlex.split(example)[1:]))
    paths = [p for dest in INPUT_DESTS for p in ([args.get(dest)] if isinstance(args.get(dest), str)
                                                 else args.get(dest) or []) if p != "default"]
    root = SEED.parents[1]
    return all(p in MADE_BY_AN_EARLIER_STEP or glob.glob(str(root / p)) for p in paths)


@pytest.mark.parametrize("argv", [[c] for c in COMMANDS if c != "lexicon"] + [["lexicon", "build"]], ids=" ".join)
def test_every_help_has_an_example_that_runs_from_the_repository_root(argv, capsys):
    """newuser22: the help of train and suggest showed only placeholder files (my_labels.csv,
    reports.jsonl); a user copying an example from the repository root must find one whose
    inputs are there: the bundled sample, ../shared, or what an earlier example wrote."""
    if not (SEED.parents[2] / "shared" / "corpora").is_dir():
        pytest.skip("needs ../shared")
    examples = _help_examples(argv, capsys)
    assert any(_inputs_exist(example) for example in examples), examples


def test_the_trace_help_example_of_a_formulation_without_mentions_finds_it(tmp_path, capsys):
    """newuser22: the help promised 'trace 5个坚持 out/annotations.jsonl' would list 五个坚持,
    which neither the sample nor any corpus holds; the example now names one the sample holds."""
    (example,) = [e for e in _help_examples(["trace"], capsys) if "5心工程" in e]
    assert main(["annotate", str(SEED), "-o", str(tmp_path), "-q", "--stages", "paragraphs,slogans"]) == 0
    assert main(["trace", "5心工程", str(tmp_path / "annotations.jsonl")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("5心工程: 0 mentions") and out[2].strip().startswith("五心工程:")
