"""The pipeline stages, declared by name with their defaults.

Each stage is a small callable ``Doc -> Doc`` that reads and writes the span
groups described in :mod:`policy_nlp.pipeline.document`. The text logic of a stage
lives in its own module (``paragraphs``, ``slogans``, ``enumerations``,
``topics``); this module only adapts it to spaCy.

Add a stage of your own exactly as these are declared::

    from spacy.language import Language

    @Language.component("count_chars")
    def count_chars(doc):
        doc._.meta = {**(doc._.meta or {}), "chars": len(doc.text)}
        return doc

    nlp = policy_nlp.load()
    nlp.add_pipe("count_chars", last=True)
"""

import shutil
from pathlib import Path

import numpy
import srsly
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Span

from policy_nlp.pipeline.document import (add_spans, doc_text, ensure_boundaries, reading_offsets,
                                          register_extensions, set_sentence_starts, word_attrs_within,
                                          word_offset_arrays, words_within)
from policy_nlp.stages.paragraphs import find_paragraphs, find_sentences

register_extensions()


def _offsets(group_spans):
    return [(span.start_char, span.end_char) for span in group_spans]


# assigns/requires let nlp.analyze_pipes() report a stage that is missing or
# out of order. The paragraphs stage is the one that sets sentence starts, so
# "token.is_sent_start" stands for its paragraph and sentence span groups.
_LIST_ATTRS = ["span._.level", "span._.items", "span._.parent", "span._.parent_item", "span._.claim",
               "span._.gaps", "span._.restart", "span._.marker", "span._.list_index", "span._.count_matches"]


@Language.component("paragraphs", assigns=["doc.spans", "token.is_sent_start"])
def paragraphs_stage(doc):
    """Paragraph and sentence spans; sentence starts for ``doc.sents``."""
    paragraphs = find_paragraphs(doc_text(doc))
    sentences = find_sentences(doc_text(doc), paragraphs)
    # the group's sentence starts: any it had before, then these (added at exactly these offsets)
    starts = [span.start_char for span in doc.spans["sentences"]] if "sentences" in doc.spans else []
    starts += [start for start, _ in sentences]
    with reading_offsets(doc):
        # every token split of both groups in one rebuild of the Doc, not one per group
        ensure_boundaries(doc, [offset for pair in paragraphs + sentences for offset in pair])
        add_spans(doc, "paragraphs", [{"start": s, "end": e} for s, e in paragraphs], "paragraph")
        add_spans(doc, "sentences", [{"start": s, "end": e} for s, e in sentences], "sentence")
        set_sentence_starts(doc, starts)
    return doc


def _require(doc, group, stage):
    if group not in doc.spans:
        raise ValueError(f"the {stage!r} stage needs the '{group}' span group: "
                         "add the 'paragraphs' stage before it")


@Language.factory("slogans", default_config={"lexicon": True},
                  assigns=["doc.spans", "span._.number", "span._.members", "span._.count_matches",
                           "span._.source", "doc._.meta"])
def create_slogans_stage(nlp, name, lexicon: bool):
    """Numbered formulations (五心工程, 十四五) and quoted policy terms, of the
    text (span group ``slogans``) and of ``doc._.meta["title"]``
    (``doc._.meta["title_slogans"]``)."""
    return SlogansStage(lexicon, getattr(nlp.tokenizer, "cut", None))


class SlogansStage:
    def __init__(self, lexicon=True, cut=None):
        self.lexicon = lexicon
        self.cut = cut   # the tokenizer's words of a string: the title is cut as the text is

    def __call__(self, doc):
        from policy_nlp.stages.lexicon import default_lexicon
        from policy_nlp.stages.slogans import find_slogans
        from policy_nlp.stages.windows import find_in_windows
        with reading_offsets(doc):
            tokens = numpy.column_stack(word_offset_arrays(doc))  # (start, end) rows
            lexicon = default_lexicon() if self.lexicon else None
            # bounded windows on very long documents (whole documents up to 100,000 characters)
            slogans = find_in_windows(lambda text, tokens: find_slogans(text, lexicon, tokens=tokens),
                                      doc_text(doc), tokens)
            add_spans(doc, "slogans", slogans, lambda record: record["kind"])
        self._title(doc, lexicon)
        return doc

    def _title(self, doc, lexicon):
        """The title's slogans, in ``doc._.meta`` beside the title: their offsets
        are into the title, which is no part of the Doc's text (none found: no field)."""
        from policy_nlp.stages.slogans import find_title_slogans
        meta = doc._.meta or {}
        found = find_title_slogans(meta.get("title"), lexicon, cut=self.cut,
                                   traditional=meta.get("script") == "traditional")
        if found:
            doc._.meta = {**meta, "title_slogans": found}
        elif "title_slogans" in meta:   # run again on a Doc whose title changed
            doc._.meta = {key: value for key, value in meta.items() if key != "title_slogans"}


@Language.factory("enumerations", default_config={}, requires=["token.is_sent_start"],
                  assigns=["doc.spans", *_LIST_ATTRS])
def create_enumerations_stage(nlp, name):
    """Numbered lists as an outline, with announced counts checked."""
    return enumerations_stage


def enumerations_stage(doc):
    from policy_nlp.stages.enumerations import find_lists
    _require(doc, "sentences", "enumerations")
    lists = find_lists(doc_text(doc), _offsets(doc.spans["paragraphs"]), _offsets(doc.spans["sentences"]))
    records, items = [], []
    for index, record in enumerate(lists):
        first, last = record["items"][0], record["items"][-1]
        records.append({**record, "start": first["start"], "end": last["end"]})
        items.extend({**item, "list_index": index} for item in record["items"])
    with reading_offsets(doc):
        ensure_boundaries(doc, [item[key] for item in items for key in ("start", "end")])
        add_spans(doc, "lists", records, lambda record: record["family"])
        add_spans(doc, "list_items", items, "item")
    return doc


@Language.factory("topics", default_config={"model": "default"}, requires=["token.is_sent_start"],
                  assigns=["span._.topic", "doc.cats"])
def create_topics_stage(nlp: Language, name: str, model: str) -> "TopicsStage":
    """Paragraph topics from a scikit-learn model (the default codebook model,
    or one trained with ``policy-nlp train``)."""
    return TopicsStage(model)


class TopicsStage:
    """The ``topics`` component: a topic of every paragraph, in three places.

    - ``span._.topic`` of each ``doc.spans["paragraphs"]`` span:
      ``{"label", "score", "scores"}`` or None (boilerplate), plus ``codes``
      (``{crosswalk: [code, ...]}``) when the model reports in crosswalks
      (:func:`~policy_nlp.stages.topics.multilabel.model_crosswalks`);
    - ``doc.spans["topics"]``: one span per classified paragraph whose
      ``label_`` is its topic label (kept by a plain ``DocBin()``, shown by
      displaCy's span view);
    - ``doc.cats``: the share of the classified paragraphs' characters under
      each label (a document-level profile that sums to 1).

    Parameters
    ----------
    model : str
        ``"default"`` (the model packaged in ``policy_nlp/models``) or the
        folder of a model saved with ``policy-nlp train``.

    Notes
    -----
    The model is read on first use, or by :func:`policy_nlp.load`, which
    touches :attr:`model` so that a bad model fails there. ``nlp.to_disk``
    writes a user-trained model's files into the pipeline folder
    (``topics/model.json``, ``topics/model.npz``) and ``from_disk`` reads them
    from there, so a saved pipeline keeps working after it is moved; for the
    packaged default only ``topics/topics.json`` (``{"model": "default"}``)
    is written.
    """

    def __init__(self, model: str = "default") -> None:
        self.model_path = str(model)
        self._model = None
        self._id_table = (None, None)  # (classifier, its word ids by spaCy string id)

    # Not named ``model``: spaCy probes components for a ``model`` attribute
    # (its ListenedToComponent protocol) while it builds a pipeline, before
    # ``from_disk`` has put the weights in place; a property of that name
    # would load the model from the wrong place at that moment.
    @property
    def classifier(self):
        """The :class:`~policy_nlp.stages.topics.TopicModel` in use (loaded once; numpy only)."""
        if self._model is None:
            from policy_nlp.stages.topics import default_model, load_model
            self._model = default_model() if self.model_path == "default" else load_model(self.model_path)
        return self._model

    # No ``pipe``: a document's headings take their topic from its own body,
    # so documents are classified one at a time and a batch size would mean
    # nothing; spaCy's nlp.pipe calls this for each document.
    def __call__(self, doc):
        from policy_nlp.stages.topics.multilabel import model_crosswalks, topic_codes
        from policy_nlp.stages.topics import classify_paragraphs, inherit_heading_topics
        from policy_nlp.stages.topics.classify import catch_all_label
        _require(doc, "paragraphs", "topics")
        paragraphs = list(doc.spans["paragraphs"])
        text = doc_text(doc)
        offsets = [(span.start_char, span.end_char) for span in paragraphs]
        texts = [text[start:end] for start, end in offsets]
        with reading_offsets(doc):  # the token offsets checked once for both reads
            words = words_within(doc, offsets)
            predict = self._predict_by_ids(doc, offsets, words)
        results = classify_paragraphs(self.classifier, words, headings="own", read_title=True,
                                      predict_proba=predict, meta=doc._.meta)
        catch_all = catch_all_label(self.classifier)
        results = inherit_heading_topics(texts, results, mixed_label=catch_all)
        shares = {str(label): 0.0 for label in self.classifier.classes_}
        labelled = []
        crosswalks = model_crosswalks(self.classifier)
        # a catch-all named in training goes with every topic, for the tables' main_topic to set aside
        named = catch_all if (self.classifier.metadata_ or {}).get("catch_all") else None
        codes = {}  # (label, labels) -> the codes in each crosswalk, the same for every paragraph
        for span, result, (start, end) in zip(paragraphs, results, offsets):
            span._.topic = result
            if result is not None:
                if crosswalks:  # the label's codes in each crosswalk the model reports in
                    key = (result["label"], tuple(result.get("labels") or ()))
                    if key not in codes:
                        codes[key] = topic_codes(result, crosswalks)
                    result["codes"] = {name: list(found) for name, found in codes[key].items()}
                if named:
                    result["catch_all"] = named
                labelled.append(Span(doc, span.start, span.end, label=result["label"]))
                shares[result["label"]] += end - start
        doc.spans["topics"] = labelled
        total = sum(shares.values())
        doc.cats = {label: round(n / total, 4) if total else 0.0 for label, n in shares.items()}
        return doc

    def _word_id_table(self):
        """The tokens of the classifier's word features as (their spaCy string
        ids, sorted; their ``TopicModel.word_ids``), or None when it has none
        or two of them share a string id."""
        model = self.classifier
        if self._id_table[0] is not model:
            table = None
            ids = getattr(model, "word_ids", None)
            if ids:
                orths = numpy.fromiter(map(get_string_id, ids), dtype=numpy.uint64, count=len(ids))
                order = numpy.argsort(orths)
                orths = orths[order]
                if not (orths[1:] == orths[:-1]).any():
                    table = (orths, numpy.fromiter(ids.values(), dtype=numpy.int64, count=len(ids))[order])
            self._id_table = (model, table)
        return self._id_table[1]

    def _predict_by_ids(self, doc, offsets, words):
        """``predict(indices)``: the classifier's probabilities of the paragraphs
        at ``indices`` (increasing) of ``offsets``, whose tokens are ``words``,
        read from the Doc's string ids of the tokens (``ORTH``) instead of
        looking up a string per token (``TopicModel.predict_proba_ids``: the
        same probabilities); None when the classifier cannot take ids."""
        table = self._word_id_table()
        if table is None:
            return None
        model, (known, known_ids) = self.classifier, table
        orths, counts, lengths = word_attrs_within(doc, offsets, ORTH)

        def predict(indices):
            chosen = numpy.zeros(len(counts), dtype=bool)
            chosen[indices] = True
            tokens = numpy.repeat(chosen, counts)
            proba = None
            if lengths[tokens].all():  # no empty token (predict_proba would drop it)
                # each distinct string looked up once (a document repeats most of its words)
                distinct, inverse = numpy.unique(orths[tokens], return_inverse=True)
                found = numpy.minimum(numpy.searchsorted(known, distinct), len(known) - 1)
                ids = numpy.where(known[found] == distinct, known_ids[found], 0)[inverse]
                proba = model.predict_proba_ids(ids, counts[chosen], ["".join(words[i]) for i in indices])
            return proba if proba is not None else model.predict_proba([words[i] for i in indices])
        return predict

    # spaCy serialisation: like a trainable component, the weights go into
    # the pipeline folder, so a saved pipeline does not depend on the path
    # the model was first loaded from.
    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.model_path == "default":
            srsly.write_json(path / "topics.json", {"model": "default"})
            return
        model = self.classifier  # fails here, before anything is written, if it cannot load
        srsly.write_json(path / "topics.json", {"model": "saved", "source": self.model_path})
        source = Path(self.model_path)
        if source.is_file():
            source = source.parent
        if source.resolve() == path.resolve():
            return  # saving over the folder it was loaded from
        if all((source / name).is_file() for name in ("model.json", "model.npz")):
            for name in ("model.json", "model.npz"):  # byte for byte: versions and metadata kept
                shutil.copyfile(source / name, path / name)
        else:  # the source folder is gone: write the loaded model
            from policy_nlp.stages.topics import save_model
            save_model(model, path, getattr(model, "metadata_", None))

    def from_disk(self, path, *, exclude=tuple()):
        from policy_nlp.stages.topics import load_model
        path = Path(path)
        if not (path / "topics.json").is_file():  # saved before models travelled with pipelines
            return self
        if srsly.read_json(path / "topics.json").get("model") == "default":
            self.model_path, self._model = "default", None
        else:
            self.model_path = str(path)
            self._model = load_model(path)
        return self
