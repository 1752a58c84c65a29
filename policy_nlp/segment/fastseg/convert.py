"""Convert pkuseg's default model into fastseg's compact cached form.

pkuseg scores each character with the features built by
``pkuseg.feature_extractor.__get_node_features_idx``: feature 0, five
character templates (``c.``, ``c-1.``, ``c1.``, ``c-2.``, ``c2.``), three
character-pair templates (``c-1c.``, ``cc1.``, ``c-2c-1.``), ten word
templates (``w-1.``/``w1.`` for lengths 6..2) and fifty word-pair templates
(``ww.l.``/``ww.r.``), each looked up as a string in a 2.6 M-entry dict. Only
a feature string that the text can produce can fire, so instead of strings we
keep, per template, a table keyed by what produces the string:

* ``char_index``: code point -> node id, with pkuseg's ``keyword_rename`` and
  num/letter normalisation folded in (every digit maps to the ``**Num`` node).
  Node 0 is "a node no feature or word mentions".
* ``char_feats[node]``: the five character features.
* ``pair`` hash table: ``(node_a << 32 | node_b)`` -> the three pair features.
* a trie of the unigram words of 2..6 nodes (``trie`` hash table keyed by
  ``parent << 32 | node``), giving a word id per matched slice. Word id 0 is
  pkuseg's ``"**noWord"``, id 1 the empty string (pkuseg's out-of-range
  slice, which *is* in its unigram set), ids >= 2 the words.
* ``word_feats[word]``: its ``w-1.`` and ``w1.`` features.
* ``ww`` hash table: ``(template << 62 | pre << 31 | post)`` -> feature.

Features whose five weights are all zero are dropped (adding +-0.0 to a
running sum that starts at +0.0 never changes it), the rest are renumbered
densely. Weights are stored exactly: the model has ~22 k distinct float64
values, so each feature row is five uint16 (or uint32) indices into a float64
table of the distinct values -- no rounding anywhere.

The default dictionary used by pkuseg's post-processing is stored as UTF-32
code points plus an open-addressing table keyed by a polynomial hash
(verified against the stored characters on every hit).

Hash tables use linear probing without wrap-around: slot
``(key * GOLDEN mod 2**64) >> (64 - bits)``, probe upwards until the key or
an EMPTY slot; the table has enough trailing slots that it always ends with
an EMPTY one.
"""

import contextlib
import hashlib
import json
import logging
import mmap
import os
import pickle
import time

from policy_nlp._startup import cache_root

FORMAT_VERSION = 2
MAGIC = b"PNLPFSEG"
GOLDEN = 0x9E3779B97F4A7C15
DICT_BASE = 0x100000001B3  # polynomial base of the dictionary string hash
MASK64 = (1 << 64) - 1
EMPTY = MASK64

# pkuseg.feature_extractor.FeatureExtractor (0.0.25), verbatim.
KEYWORDS = "-._,|/*:"
NUM = set("0123456789." "几二三四五六七八九十千万亿兆零" "１２３４５６７８９０％")
LETTER = set(
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    "ａｂｃｄｅｆｇｈｉｇｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ" "／・－")
SPECIALS = ("**Num", "**Letter")
WORD_MIN, WORD_MAX = 2, 6
N_TAG = 5

CHAR_TEMPLATES = ("c.", "c-1.", "c1.", "c-2.", "c2.")
PAIR_TEMPLATES = ("c-1c.", "cc1.", "c-2c-1.")
WORD_TEMPLATES = ("w-1.", "w1.")
WW_TEMPLATES = ("ww.l.", "ww.r.")
NOWORD = "**noWord"


def normalize_char(ch):
    """pkuseg's node for one raw character (keyword_rename, then num/letter)."""
    if ch in KEYWORDS:
        ch = "&"
    if ch in NUM:
        return "**Num"
    if ch in LETTER:
        return "**Letter"
    return ch


def pkuseg_paths():
    """The three source files: features.pkl, weights.npz, dicts/default.pkl."""
    import importlib.util
    spec = importlib.util.find_spec("pkuseg")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pkuseg is not installed: fastseg converts its model")
    root = list(spec.submodule_search_locations)[0]
    model = os.path.join(root, "models", "default")
    return (os.path.join(model, "features.pkl"),
            os.path.join(model, "weights.npz"),
            os.path.join(root, "dicts", "default.pkl"))


def source_key(paths):
    """Identity of the source model: format version, paths, sizes, mtimes."""
    parts = [f"v{FORMAT_VERSION}"]
    for p in paths:
        st = os.stat(p)
        parts.append(f"{os.path.realpath(p)}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def cache_dir():
    return os.path.join(cache_root(), "fastseg")


def cache_path(paths):
    digest = hashlib.sha256(source_key(paths).encode()).hexdigest()[:16]
    return os.path.join(cache_dir(), f"model-v{FORMAT_VERSION}-{digest}.bin")


# ---------------------------------------------------------------- hashing ---

def _table_bits(n, load=0.5):
    bits = 4
    while (1 << bits) * load < n:
        bits += 1
    return bits


def build_hash(keys, values=None, load=0.5):
    """Linear-probing table, vectorised: returns (bits, slot_keys, slot_vals).

    ``keys`` uint64 (distinct unless values are verified on lookup),
    ``values`` an array whose first axis matches keys.
    """
    import numpy as np
    keys = np.asarray(keys, dtype=np.uint64)
    n = len(keys)
    bits = _table_bits(n, load)
    with np.errstate(over="ignore"):
        home = ((keys * np.uint64(GOLDEN)) >> np.uint64(64 - bits)).astype(np.int64)
    order = np.argsort(home, kind="stable")
    h = home[order]
    j = np.arange(n, dtype=np.int64)
    pos = (np.maximum.accumulate(h - j) + j) if n else h
    size = max((1 << bits), int(pos.max()) + 2 if n else 1)
    slot_keys = np.full(size, EMPTY, dtype=np.uint64)
    slot_keys[pos] = keys[order]
    slot_vals = None
    if values is not None:
        values = np.asarray(values)
        slot_vals = np.full((size,) + values.shape[1:], -1, dtype=values.dtype)
        slot_vals[pos] = values[order]
    assert slot_keys[-1] == EMPTY
    return bits, slot_keys, slot_vals


def dict_hash(codepoints):
    h = 0
    for c in codepoints:
        h = (h * DICT_BASE + c) & MASK64
    return h


# ------------------------------------------------------------- conversion ---

def convert(paths, out_path, log=None):
    """Read pkuseg's model and dictionary at ``paths``, write ``out_path``.

    The steps: load the model; collect the nodes (characters and
    placeholders a text position can become) and the unigram words of 2..6
    nodes; parse the feature strings into per-template tables; keep the
    features with a nonzero weight; build the node, pair, trie and word
    tables and the post-processing dictionary; write one container.
    """
    import numpy as np
    t0 = time.time()
    say = log or (lambda msg: None)
    feat_path, weight_path, dict_path = paths
    unigram, f2i, tag_to_idx, w, n_feature = _load_model(feat_path, weight_path)
    say(f"loaded pkuseg model in {time.time() - t0:.1f}s")

    nodes = _Nodes()
    word_ids, empty_id, trie_words, n_words = _words(unigram, nodes)
    feats = _parse_features(f2i, nodes, word_ids)
    say(f"parsed {len(f2i)} features in {time.time() - t0:.1f}s")

    remap, kept, values, wrow = _kept_weights(w, n_feature, feats)
    edge = np.ascontiguousarray(w[n_feature * N_TAG:].reshape(N_TAG, N_TAG))
    tables = {**_node_tables(nodes, feats, remap), **_trie_tables(trie_words),
              **_word_tables(feats, remap, n_words)}
    say(f"built feature tables in {time.time() - t0:.1f}s")
    dictionary = _dictionary_tables(dict_path)
    say(f"built dictionary in {time.time() - t0:.1f}s")

    is_begin = np.zeros(N_TAG, dtype=np.uint8)
    for tag, idx in tag_to_idx.items():
        is_begin[idx] = "B" in tag

    bits = {name: tables.pop(name) for name in ("pair_bits", "trie_bits", "ww_bits")}
    bits["dict_bits"] = dictionary.pop("dict_bits")
    dict_maxlen = dictionary.pop("dict_maxlen")
    arrays = {
        "char_index": tables["char_index"], "char_feats": tables["char_feats"],
        "pair_keys": tables["pair_keys"], "pair_vals": tables["pair_vals"],
        "trie_keys": tables["trie_keys"], "trie_vals": tables["trie_vals"], "trie_word": tables["trie_word"],
        "word_feats": tables["word_feats"], "ww_keys": tables["ww_keys"], "ww_vals": tables["ww_vals"],
        "ww_small": tables["ww_small"],
        "wrow": wrow, "wvalues": values.astype(np.float64), "edge": edge,
        "is_begin": is_begin,
        "dict_keys": dictionary["dict_keys"], "dict_vals": dictionary["dict_vals"],
        "dict_chars": dictionary["dict_chars"], "dict_offsets": dictionary["dict_offsets"],
    }
    meta = {
        "format_version": FORMAT_VERSION, "source_key": source_key(paths),
        **bits, "dict_maxlen": dict_maxlen,
        "empty_word": empty_id, "n_features_kept": int(len(kept)),
        "n_features_source": n_feature, "n_distinct_weights": int(len(values)),
        "pad_feature": int(len(kept)), "feature0": int(remap[0]),
    }
    write_container(out_path, arrays, meta)
    say(f"wrote {out_path} in {time.time() - t0:.1f}s")
    return out_path


def _load_model(feat_path, weight_path):
    """pkuseg's unigram set, feature index, tag index, weights and feature count."""
    import numpy as np
    with open(feat_path, "rb") as f:
        data = pickle.load(f)
    unigram = set(data["unigram"])
    f2i = data["feature_to_idx"]
    tag_to_idx = data["tag_to_idx"]
    del data  # the 1.1 M bigram list is never used in cutting
    npz = np.load(weight_path)
    sizes = npz["sizes"]
    w = np.asarray(npz["w"], dtype=np.float64)
    n_tag, n_feature = int(sizes[0]), int(sizes[1])
    if n_tag != N_TAG or len(tag_to_idx) != N_TAG:
        raise ValueError(f"fastseg supports {N_TAG}-tag models, got {n_tag}")
    assert w.shape[0] == n_tag * (n_feature + n_tag)
    return unigram, f2i, tag_to_idx, w, n_feature


class _Nodes:
    """Nodes: every string a text position can become (a normalised
    character or a placeholder such as ``**Num``), numbered from 1 as met."""

    def __init__(self):
        self.specials = {s: i for i, s in enumerate(SPECIALS)}
        self.ids = {}  # node string -> id >= 1

    def id(self, s):
        i = self.ids.get(s)
        if i is None:
            i = self.ids[s] = len(self.ids) + 1
        return i

    def is_node(self, s):
        if s in self.specials:
            return True
        return len(s) == 1 and normalize_char(s) == s

    def parse(self, word):
        """The node strings whose concatenation is ``word`` (None if none)."""
        out, k = [], 0
        while k < len(word):
            for sp in SPECIALS:
                if word.startswith(sp, k):
                    out.append(sp)
                    k += len(sp)
                    break
            else:
                ch = word[k]
                if not self.is_node(ch):
                    return None
                out.append(ch)
                k += 1
        return out


def _words(unigram, nodes):
    """Word ids of the words reachable as slices of 2..6 nodes, plus "" (an
    out-of-range slice): ``(word_ids, empty_id, [(node ids, word id)], number of ids)``."""
    word_ids = {NOWORD: 0}  # NOWORD only matters as a ww component
    empty_id = 0
    if "" in unigram:
        word_ids[""] = empty_id = 1
    trie_words = []  # (node id sequence, word id)
    next_wid = 2
    for word in unigram:
        if not word:
            continue
        parsed = nodes.parse(word)
        if parsed is None or not WORD_MIN <= len(parsed) <= WORD_MAX:
            continue
        word_ids[word] = next_wid
        trie_words.append(([nodes.id(s) for s in parsed], next_wid))
        next_wid += 1
    return word_ids, empty_id, trie_words, next_wid


def _splits(rest, sep):
    """Every cut of ``rest`` in two at one ``sep`` (a feature names two words or
    characters, either of which may hold the separator): ``(before, after)`` pairs."""
    k = rest.find(sep)
    while k >= 0:
        yield rest[:k], rest[k + 1:]
        k = rest.find(sep, k + 1)


def _parse_features(f2i, nodes, word_ids):
    """The feature strings that a text can produce, by what produces them:
    ``{"char": node -> [5 fids], "pair": (a, b) -> [3 fids],
    "word": word id -> [2 fids], "ww": (t, pre, post) -> fid}``."""
    char_feats, pair_feats, word_feats, ww_feats = {}, {}, {}, {}
    for feat, fid in f2i.items():
        if feat.startswith("ww."):
            for t, prefix in enumerate(WW_TEMPLATES):
                if not feat.startswith(prefix):
                    continue
                for pre, post in _splits(feat[len(prefix):], "*"):
                    if pre in word_ids and post in word_ids:
                        ww_feats[(t, word_ids[pre], word_ids[post])] = fid
        elif feat.startswith("w"):
            for t, prefix in enumerate(WORD_TEMPLATES):
                if feat.startswith(prefix):
                    wid = word_ids.get(feat[len(prefix):])
                    if wid:  # not NOWORD: pkuseg only looks up words
                        word_feats.setdefault(wid, [-1, -1])[t] = fid
        elif feat.startswith("c"):
            for t, prefix in enumerate(CHAR_TEMPLATES):
                if feat.startswith(prefix) and nodes.is_node(feat[len(prefix):]):
                    char_feats.setdefault(nodes.id(feat[len(prefix):]),
                                          [-1] * 5)[t] = fid
            for t, prefix in enumerate(PAIR_TEMPLATES):
                if not feat.startswith(prefix):
                    continue
                for a, b in _splits(feat[len(prefix):], "."):
                    if nodes.is_node(a) and nodes.is_node(b):
                        pair_feats.setdefault((nodes.id(a), nodes.id(b)),
                                              [-1] * 3)[t] = fid
    return {"char": char_feats, "pair": pair_feats, "word": word_feats, "ww": ww_feats}


def _kept_weights(w, n_feature, feats):
    """Keep the referenced features with a nonzero weight, renumbered:
    ``(remap, kept, distinct values, wrow)``; ``wrow`` holds indices into
    the values, its last row the padding ("no feature" adds +0.0)."""
    import numpy as np
    n_tag = N_TAG
    W = w[: n_feature * n_tag].reshape(n_feature, n_tag)
    used = np.zeros(n_feature, dtype=bool)
    used[0] = True  # pkuseg appends feature 0 to every position
    for table in (feats["char"], feats["pair"], feats["word"]):
        for fids in table.values():
            for f in fids:
                if f >= 0:
                    used[f] = True
    ww_feats = feats["ww"]
    used[np.fromiter(ww_feats.values(), dtype=np.int64, count=len(ww_feats))] = True
    used &= (W != 0).any(axis=1)
    remap = np.full(n_feature + 1, -1, dtype=np.int32)  # remap[-1] stays -1
    kept = np.flatnonzero(used)
    remap[kept] = np.arange(len(kept), dtype=np.int32)
    values, inverse = np.unique(W[kept], return_inverse=True)
    if 0.0 not in values:
        values = np.append(values, 0.0)
    zero_idx = int(np.flatnonzero(values == 0.0)[0])
    wdtype = np.uint16 if len(values) <= 0xFFFF else np.uint32
    wrow = np.empty((len(kept) + 1, n_tag), dtype=wdtype)
    wrow[:-1] = inverse.reshape(len(kept), n_tag)
    wrow[-1] = zero_idx  # padding row: "no feature" adds +0.0
    return remap, kept, values, wrow


def _node_tables(nodes, feats, remap):
    """``char_index`` (code point -> node), ``char_feats`` and the pair hash table."""
    import numpy as np
    n_nodes = len(nodes.ids) + 1
    cf = np.full((n_nodes, 5), -1, dtype=np.int32)
    for nid, fids in feats["char"].items():
        cf[nid] = [int(remap[f]) for f in fids]
    char_index = np.zeros(0x110000, dtype=np.int32)
    for s, nid in nodes.ids.items():
        if len(s) == 1:
            char_index[ord(s)] = nid
    for sp in SPECIALS:
        nid = nodes.ids.get(sp, 0)
        for ch in (NUM if sp == "**Num" else LETTER):
            char_index[ord(ch)] = nid
    for ch in KEYWORDS:  # renamed to "&" before normalisation
        char_index[ord(ch)] = nodes.ids.get(normalize_char(ch), 0)
    pair_feats = feats["pair"]
    pk = np.array([(a << 32) | b for a, b in pair_feats], dtype=np.uint64)
    pv = np.array([[int(remap[f]) for f in v] for v in pair_feats.values()],
                  dtype=np.int32).reshape(-1, 3)
    pair_bits, pair_keys, pair_vals = build_hash(pk, pv, load=0.6)
    return {"char_index": char_index, "char_feats": cf, "pair_bits": pair_bits,
            "pair_keys": pair_keys, "pair_vals": pair_vals}


def _trie_tables(trie_words):
    """The word trie over node ids: key ``parent << 32 | node`` -> child,
    and the word id ending at each child."""
    import numpy as np
    trie_children = {}
    trie_word = [0]
    for node_ids, wid in trie_words:
        cur = 0
        for nid in node_ids:
            key = (cur << 32) | nid
            nxt = trie_children.get(key)
            if nxt is None:
                nxt = trie_children[key] = len(trie_word)
                trie_word.append(0)
            cur = nxt
        trie_word[cur] = wid
    tk = np.fromiter(trie_children.keys(), dtype=np.uint64, count=len(trie_children))
    tv = np.fromiter(trie_children.values(), dtype=np.int32, count=len(trie_children))
    trie_bits, trie_keys, trie_vals = build_hash(tk, tv)
    return {"trie_bits": trie_bits, "trie_keys": trie_keys, "trie_vals": trie_vals,
            "trie_word": np.array(trie_word, dtype=np.int32)}


def _word_tables(feats, remap, n_words):
    """``word_feats``, the word-pair hash table and the small ww table
    (pre, post in {0, 1})."""
    import numpy as np
    wf = np.full((n_words, 2), -1, dtype=np.int32)
    for wid, fids in feats["word"].items():
        wf[wid] = [int(remap[f]) for f in fids]
    ww_feats = feats["ww"]
    wwk = np.array([(t << 62) | (a << 31) | b for (t, a, b) in ww_feats],
                   dtype=np.uint64)
    wwv = np.array([int(remap[f]) for f in ww_feats.values()], dtype=np.int32)
    keep = wwv >= 0
    ww_bits, ww_keys, ww_vals = build_hash(wwk[keep], wwv[keep])
    ww_small = np.full((2, 2, 2), -1, dtype=np.int32)  # pre, post in {0, 1}
    for (t, a, b), f in ww_feats.items():
        if a <= 1 and b <= 1:
            ww_small[t, a, b] = int(remap[f])
    return {"word_feats": wf, "ww_bits": ww_bits, "ww_keys": ww_keys, "ww_vals": ww_vals,
            "ww_small": ww_small}


def read_dictionary(dict_path):
    """The words of pkuseg's post-processing dictionary ("other_words"), in
    the file's order (the installed pkuseg's own pickle, which pkuseg loads too)."""
    with open(dict_path, "rb") as f:
        return pickle.load(f).strip().split("\n")


def _dictionary_tables(dict_path):
    """pkuseg's post-processing dictionary ("other_words") as UTF-32 code
    points with a hash table keyed by :func:`dict_hash`."""
    import numpy as np
    words = sorted(set(read_dictionary(dict_path)))
    enc = [np.frombuffer(wd.encode("utf-32-le", "surrogatepass"), dtype="<u4")
           for wd in words]
    dict_offsets = np.zeros(len(words) + 1, dtype=np.int64)
    dict_offsets[1:] = np.cumsum([len(e) for e in enc])
    dict_chars = (np.concatenate(enc).astype(np.uint32) if enc
                  else np.zeros(0, dtype=np.uint32))
    dh = np.array([dict_hash(e.tolist()) for e in enc], dtype=np.uint64)
    dict_bits, dict_keys, dict_vals = build_hash(
        dh, np.arange(len(words), dtype=np.int32))
    return {"dict_bits": dict_bits, "dict_keys": dict_keys, "dict_vals": dict_vals,
            "dict_chars": dict_chars, "dict_offsets": dict_offsets,
            "dict_maxlen": max((len(e) for e in enc), default=0)}


# -------------------------------------------------------------- container ---

def write_container(path, arrays, meta):
    """MAGIC, uint64 header length, JSON header, 64-byte aligned arrays."""
    import numpy as np
    entries, offset, blobs = {}, 0, []
    for name, arr in arrays.items():
        arr = np.ascontiguousarray(arr)
        arr = arr.astype(arr.dtype.newbyteorder("<"), copy=False)
        entries[name] = {"offset": offset, "dtype": arr.dtype.str,
                         "shape": list(arr.shape)}
        blobs.append((offset, arr))
        offset += (arr.nbytes + 63) // 64 * 64
    header = json.dumps({"meta": meta, "arrays": entries}).encode()
    base = (len(MAGIC) + 8 + len(header) + 63) // 64 * 64
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as f:
            f.write(MAGIC)
            f.write(len(header).to_bytes(8, "little"))
            f.write(header)
            for off, arr in blobs:
                f.seek(base + off)
                f.write(arr.tobytes())
            f.truncate(base + offset)
        os.replace(tmp, path)  # atomic: concurrent readers see old or new file
    except BaseException:  # a full disk, Ctrl-C, a document's time limit: no 1.6 GB left behind
        with contextlib.suppress(OSError):
            os.remove(tmp)
        raise


class Container:
    """A memory-mapped cache file: ``.meta`` and ``.buffer(name)``."""

    def __init__(self, path):
        with open(path, "rb") as f:
            self._mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        mm = self._mm
        if mm[: len(MAGIC)] != MAGIC:
            raise ValueError(f"{path}: not a fastseg model")
        n = int.from_bytes(mm[len(MAGIC): len(MAGIC) + 8], "little")
        start = len(MAGIC) + 8
        header = json.loads(mm[start: start + n])
        self.base = (start + n + 63) // 64 * 64
        self.meta = header["meta"]
        self.entries = header["arrays"]
        if self.meta.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"{path}: format {self.meta.get('format_version')}")
        for name, e in self.entries.items():  # a truncated file is rebuilt
            count = 1
            for dim in e["shape"]:
                count *= dim
            if self.base + e["offset"] + count * _itemsize(e["dtype"]) > len(mm):
                raise ValueError(f"{path}: truncated ({name})")

    def buffer(self, name):
        """A read-only memoryview of array ``name`` (flat, typed)."""
        e = self.entries[name]
        nbytes = _itemsize(e["dtype"])
        count = 1
        for s in e["shape"]:
            count *= s
        mv = memoryview(self._mm)[self.base + e["offset"]:
                                  self.base + e["offset"] + count * nbytes]
        return mv.cast(_format(e["dtype"]))

    def array(self, name):
        import numpy as np
        e = self.entries[name]
        return np.frombuffer(self._mm, dtype=np.dtype(e["dtype"]),
                             count=int(np.prod(e["shape"], dtype=np.int64)),
                             offset=self.base + e["offset"]).reshape(e["shape"])


def _itemsize(dtype_str):
    return int(dtype_str[2:])


def _format(dtype_str):
    kind, size = dtype_str[1], int(dtype_str[2:])
    return {("i", 4): "i", ("i", 8): "q", ("u", 1): "B", ("u", 2): "H",
            ("u", 4): "I", ("u", 8): "Q", ("f", 8): "d"}[(kind, size)]


def ensure_model(log=None):
    """Path of the cached conversion of the installed model, built if needed."""
    paths = pkuseg_paths()
    path = cache_path(paths)
    if os.path.exists(path):
        try:
            c = Container(path)
            if c.meta.get("source_key") == source_key(paths):
                return path
        except (ValueError, OSError, KeyError):
            pass
    if log is None:
        logger = logging.getLogger(__name__)
        # The conversion's progress is detail (INFO, or WARNING with
        # POLICY_NLP_FASTSEG_VERBOSE=1); the one-line notice is a WARNING so
        # that a first run, which waits 15-60 s, says why even when logging
        # is not configured (Python's last-resort handler prints it).
        verbose = os.environ.get("POLICY_NLP_FASTSEG_VERBOSE", "") not in ("", "0")
        log = logger.warning if verbose else logger.info
        logger.warning("fast segmenter, first use on this machine: converting pkuseg's model into "
                       "%s for the fast segmenter (once, 20-60 s)", path)
    convert(paths, path, log=log)
    # Remove stale conversions of this same installation (older model files
    # or formats); conversions of other installations are left alone.
    mine = _source_paths(source_key(paths))
    for name in os.listdir(cache_dir()):
        full = os.path.join(cache_dir(), name)
        if full == path or not (name.startswith("model-v") and name.endswith(".bin")):
            continue
        try:
            with open(full, "rb") as f:
                head = f.read(1 << 16)
            n = int.from_bytes(head[len(MAGIC): len(MAGIC) + 8], "little")
            meta = json.loads(head[len(MAGIC) + 8: len(MAGIC) + 8 + n])["meta"]
            if _source_paths(meta.get("source_key", "")) == mine:
                os.remove(full)
        except (OSError, ValueError, KeyError):
            pass
    return path


def _source_paths(key):
    return [part.rsplit(":", 2)[0] for part in key.split("|")[1:]]
