"""Mine a corpus into a candidate lexicon to curate: ``policy-nlp lexicon build``.

:func:`build_lexicon` reads a corpus (files, folders, tables), mines its
numbered formulations and quoted policy terms with
:func:`policy_nlp.stages.lexicon.mine_lexicon` (ranked by document frequency,
with example contexts) and saves them as a lexicon TSV to curate by hand.
"""

from policy_nlp.errors import DocumentError
from policy_nlp.io.corpus import read_inputs
from policy_nlp.run.batch import Progress
from policy_nlp.stages.lexicon import Lexicon, mine_lexicon

__all__ = ["build_lexicon"]


def build_lexicon(inputs, output, *, min_docs=2, examples=3, pattern=None, text_column="text",
                  id_column="id", quiet=False, on_skip=None):
    """Mine the documents of ``inputs`` into the lexicon TSV ``output``.

    Parameters
    ----------
    inputs : list of str or Path
        Files or folders (.txt, .jsonl, .csv).
    output : str or Path
        The lexicon TSV to write.
    min_docs : int
        Keep terms found in at least this many documents.
    examples : int
        Example contexts per term (kept in each entry's note).
    pattern, text_column, id_column
        As for :func:`policy_nlp.io.corpus.read_inputs`.
    quiet : bool
        No progress output.
    on_skip : callable, optional
        Called with the :class:`~policy_nlp.errors.DocumentError` of each
        input that could not be read (those are skipped).

    Returns
    -------
    dict
        ``candidates``, ``documents`` (read) and ``failed`` (skipped) counts.
    """
    documents, failed = [], 0
    for item in read_inputs(inputs, pattern=pattern, text_column=text_column, id_column=id_column):
        if isinstance(item, DocumentError):
            failed += 1
            if on_skip:
                on_skip(item)
        else:
            documents.append((item.id, item.text))
    progress = Progress(sum(len(text) for _, text in documents), quiet=quiet)

    def counted(documents):  # long work shows progress
        for id, text in documents:
            yield id, text
            progress.update(1, len(text))

    candidates = mine_lexicon(counted(documents), min_docs=min_docs, examples=examples)
    progress.close()
    lexicon = Lexicon()
    for c in candidates:
        contexts = " ‖ ".join(f"{e['doc_id']}: {e['context']}" for e in c["examples"])
        lexicon.add(c["term"], kind=c["kind"], number=c["number"], doc_freq=c["doc_freq"],
                    note=f"{c['count']} occurrences; {contexts}")
    lexicon.save(output)
    return {"candidates": len(candidates), "documents": len(documents), "failed": failed}
