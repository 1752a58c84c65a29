"""Word segmenters: the engines behind the tokenizer stage.

A segmenter turns a string into a list of words whose concatenation is the
string with its whitespace removed (pkuseg's contract). Engines are loaded once
per process and shared, because pkuseg's model costs seconds and hundreds of
megabytes to load.

``"pkuseg"`` is pkuseg itself with its bundled default model and default
dictionary: the reference every other engine is checked against.
"""

import functools
import warnings

SEGMENTERS: dict = {}
# "fast" gives pkuseg's output token for token (policy_nlp.segment.fastseg), many times faster.
DEFAULT_SEGMENTER = "fast"


def register_segmenter(name):
    """Register a factory ``() -> object with .cut(text) -> list[str]`` by name."""
    def decorator(factory):
        SEGMENTERS[name] = factory
        return factory
    return decorator


@register_segmenter("pkuseg")
def _pkuseg():
    import pkuseg
    # user_dict="default" keeps pkuseg's own dictionary; policy terms are
    # merged by the tokenizer afterwards (see policy_nlp.pipeline.tokenizer), so that
    # every token outside a policy term is exactly pkuseg's.
    return pkuseg.pkuseg(model_name="default", user_dict="default")


@functools.lru_cache(maxsize=None)
def load_segmenter(name=DEFAULT_SEGMENTER):
    """The segmenter called ``name``, loaded once per process.

    Examples
    --------
    >>> load_segmenter("pkuseg").cut("坚持农业农村优先发展")
    ['坚持', '农业', '农村', '优先', '发展']
    """
    try:
        factory = SEGMENTERS[name]
    except KeyError:
        raise ValueError(f"unknown segmenter {name!r}; choose one of "
                         f"{sorted(SEGMENTERS)}") from None
    return factory()


@register_segmenter("fast")
def _fast():
    from policy_nlp.segment.fastseg import FastSegmenter
    return FastSegmenter()


@functools.lru_cache(maxsize=None)
def dictionary_words():
    """The words of pkuseg's own dictionary (about 390,000: 斤斤计较,
    金字招牌, 十年磨一剑), read once per process from the installed pkuseg.

    Without pkuseg (a segmenter of one's own registered instead) the set is
    empty and a ``RuntimeWarning`` says so, once per process: the slogans
    stage then knows no word of the language: a quoted idiom (“斤斤计较”) is
    read like a coined name of four characters (a term on the cues of a
    name's shape or a binding word, not only on a head or a policy verb), and
    a quoted two-character word (“数据”) gets unquoted mentions.

    Examples
    --------
    >>> "斤斤计较" in dictionary_words(), "一票否决" in dictionary_words()
    (True, False)
    """
    from policy_nlp.segment.fastseg.convert import pkuseg_paths, read_dictionary
    try:
        path = pkuseg_paths()[2]
    except ImportError:
        warnings.warn("pkuseg is not installed: the slogans stage reads quoted words without pkuseg's "
                      "dictionary (idioms and two-character words are then read like coined names)",
                      RuntimeWarning, stacklevel=2)
        return frozenset()
    return frozenset(read_dictionary(path))
