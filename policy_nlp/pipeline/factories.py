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

from spacy.language import Language

from policy_nlp.pipeline.document import (add_spans, doc_text, register_extensions, set_sentence_starts,
                                        word_offsets)
from policy_nlp.stages.paragraphs import find_paragraphs, find_sentences

register_extensions()


def _offsets(group_spans):
    return [(span.start_char, span.end_char) for span in group_spans]


@Language.component("paragraphs")
def paragraphs_stage(doc):
    """Paragraph and sentence spans; sentence starts for ``doc.sents``."""
    paragraphs = find_paragraphs(doc_text(doc))
    sentences = find_sentences(doc_text(doc), paragraphs)
    add_spans(doc, "paragraphs", [{"start": s, "end": e} for s, e in paragraphs], "paragraph")
    add_spans(doc, "sentences", [{"start": s, "end": e} for s, e in sentences], "sentence")
    set_sentence_starts(doc, [span.start_char for span in doc.spans["sentences"]])
    return doc


def _require(doc, group, stage):
    if group not in doc.spans:
        raise ValueError(f"the {stage!r} stage needs the '{group}' span group: "
                         "add the 'paragraphs' stage before it")


@Language.factory("slogans", default_config={"lexicon": True})
def create_slogans_stage(nlp, name, lexicon: bool):
    """Numbered formulations (五心工程, 十四五) and quoted policy terms."""
    return SlogansStage(lexicon)


class SlogansStage:
    def __init__(self, lexicon=True):
        self.lexicon = lexicon

    def __call__(self, doc):
        from policy_nlp.stages.lexicon import default_lexicon
        from policy_nlp.stages.slogans import find_slogans
        from policy_nlp.stages.windows import find_in_windows
        tokens = word_offsets(doc)
        lexicon = default_lexicon() if self.lexicon else None
        # bounded windows on very long documents (whole documents up to 100,000 characters)
        slogans = find_in_windows(lambda text, tokens: find_slogans(text, lexicon, tokens=tokens),
                                  doc_text(doc), tokens)
        add_spans(doc, "slogans", slogans, lambda record: record["kind"])
        return doc


@Language.factory("enumerations", default_config={})
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
    add_spans(doc, "lists", records, lambda record: record["family"])
    add_spans(doc, "list_items", items, "item")
    return doc


@Language.factory("topics", default_config={"model": "default"})
def create_topics_stage(nlp, name, model: str):
    """Paragraph topics from a scikit-learn model (the default codebook model,
    or one trained with ``policy-nlp train``)."""
    return TopicsStage(model)


class TopicsStage:
    def __init__(self, model="default"):
        self.model_path = model
        self._model = None

    @property
    def model(self):
        if self._model is None:
            from policy_nlp.stages.topics import default_model, load_model
            self._model = default_model() if self.model_path == "default" else load_model(self.model_path)
        return self._model

    def __call__(self, doc):
        return next(self.pipe([doc]))

    def pipe(self, docs, batch_size=64):
        from policy_nlp.stages.topics import classify_paragraphs, inherit_heading_topics
        for doc in docs:
            _require(doc, "paragraphs", "topics")
            paragraphs = list(doc.spans["paragraphs"])
            tokens = [[t.text for t in span if not t.is_space] for span in paragraphs]
            results = classify_paragraphs(self.model, tokens)
            results = inherit_heading_topics([span.text for span in paragraphs], results)
            for span, result in zip(paragraphs, results):
                span._.topic = result
            yield doc
