"""Pure-Python/numpy fallback of the compiled core (same tables, same output).

Features are gathered for all characters of a text at once (one numpy pass
per feature slot, slots in pkuseg's order, so every character's node scores
are summed in pkuseg's order and are bit-identical); Viterbi, word assembly
and post-processing run in plain Python on doubles, as pkuseg does.
"""

import numpy as np

from .convert import EMPTY, GOLDEN

_GOLD = np.uint64(GOLDEN)
_EMPTY = np.uint64(EMPTY)
NT = 5


def _lookup(keys, bits, query):
    """Slot of each query key in a linear-probing table, or -1."""
    n = len(query)
    res = np.full(n, -1, dtype=np.int64)
    if not n:
        return res
    with np.errstate(over="ignore"):
        pos = ((query * _GOLD) >> np.uint64(64 - bits)).astype(np.int64)
    idx = np.arange(n)
    q = query
    while idx.size:
        k = keys[pos]
        hit = k == q
        res[idx[hit]] = pos[hit]
        cont = ~hit & (k != _EMPTY)
        idx, pos, q = idx[cont], pos[cont] + 1, q[cont]
    return res


class PureModel:
    """The converted model, cut with numpy and Python."""

    def __init__(self, container):
        c = container
        meta = c.meta
        self.char_index = c.array("char_index")
        self.char_feats = c.array("char_feats")
        self.pair_keys = c.array("pair_keys")
        self.pair_vals = c.array("pair_vals")
        self.trie_keys = c.array("trie_keys")
        self.trie_vals = c.array("trie_vals")
        self.trie_word = c.array("trie_word")
        self.word_feats = c.array("word_feats")
        self.ww_keys = c.array("ww_keys")
        self.ww_vals = c.array("ww_vals")
        self.ww_small = c.array("ww_small")
        self.wrow = c.array("wrow")
        self.wvalues = c.array("wvalues")
        edge = c.array("edge")
        # edge_score[y, y_next] = 1 + w[backoff + y_next * NT + y]
        self.edge = [[1.0 + float(edge[yp, y]) for yp in range(NT)]
                     for y in range(NT)]
        self.is_begin = [bool(b) for b in c.array("is_begin")]
        self.bits = {k: meta[f"{k}_bits"] for k in ("pair", "trie", "ww")}
        self.empty_word = meta["empty_word"]
        self.feature0 = meta["feature0"]
        self.pad = meta["pad_feature"]
        chars = c.array("dict_chars").tobytes().decode("utf-32-le", "surrogatepass")
        offs = c.array("dict_offsets").tolist()
        self.dict_words = {chars[a:b] for a, b in zip(offs, offs[1:])}

    # -- features -------------------------------------------------------
    # long: gathers pkuseg's feature slots in pkuseg's order, step for step as _fastseg.c does,
    # over arrays every step shares (layout, word ids, pair slots); split, the steps would pass
    # those arrays around and the slot-by-slot reading against the C engine would be lost.
    def _scores(self, frags):
        """Node scores (list of [NT floats] per character) of all fragments.

        The fragments are laid out with PAD sentinel slots before, between and
        after them; a sentinel has node 0 (no feature, no word), so neighbour
        features across a fragment boundary vanish, and a slice that covers a
        sentinel is out of range (pkuseg's "" word).
        """
        PAD = 6
        cps = np.frombuffer("".join(frags).encode("utf-32-le", "surrogatepass"),
                            dtype="<u4")
        N = len(cps)
        lens = np.fromiter(map(len, frags), dtype=np.int64, count=len(frags))
        pos = np.arange(N, dtype=np.int64) + PAD * (
            1 + np.repeat(np.arange(len(frags), dtype=np.int64), lens))
        P = PAD + N + PAD * len(frags)
        nodes = np.zeros(P, dtype=np.int64)
        nodes[pos] = self.char_index[cps]
        pads = np.ones(P, dtype=np.int64)
        pads[pos] = 0
        cpads = np.concatenate(([0], np.cumsum(pads)))

        # word id of the slice of l nodes starting at each character
        state = np.zeros(N, dtype=np.int64)
        alive = np.ones(N, dtype=bool)
        words = {}
        for l in range(1, 7):
            nd = nodes[pos + l - 1]
            sel = np.flatnonzero(alive & (nd != 0))
            key = (state[sel].astype(np.uint64) << np.uint64(32)) | nd[sel].astype(np.uint64)
            j = _lookup(self.trie_keys, self.bits["trie"], key)
            alive = np.zeros(N, dtype=bool)
            found = sel[j >= 0]
            alive[found] = True
            state[found] = self.trie_vals[j[j >= 0]]
            if l >= 2:
                w = np.full(P, self.empty_word, dtype=np.int64)
                ok = np.minimum(pos + l, P)
                valid = cpads[ok] - cpads[pos] == 0
                wr = np.zeros(N, dtype=np.int64)
                wr[found] = self.trie_word[state[found]]
                w[pos] = np.where(valid, wr, self.empty_word)
                words[l] = w

        def word(offset, l):
            return words[l][pos + offset]

        cf = self.char_feats
        pslot = np.full(P, -1, dtype=np.int64)
        nxt = nodes[pos + 1]
        pk = np.flatnonzero((nodes[pos] != 0) & (nxt != 0))
        pslot[pos[pk]] = _lookup(self.pair_keys, self.bits["pair"],
                                 (nodes[pos[pk]].astype(np.uint64) << np.uint64(32))
                                 | nxt[pk].astype(np.uint64))

        def pair_feat(d, t):
            ps = pslot[pos + d]
            return np.where(ps >= 0, self.pair_vals[np.maximum(ps, 0), t], -1)

        slots = [np.full(N, self.feature0, dtype=np.int64),
                 cf[nodes[pos], 0],
                 cf[nodes[pos - 1], 1], pair_feat(-1, 0),
                 cf[nodes[pos + 1], 2], pair_feat(0, 1),
                 cf[nodes[pos - 2], 3], pair_feat(-2, 2),
                 cf[nodes[pos + 2], 4]]

        lengths = range(6, 1, -1)
        pre_in = np.stack([word(-l + 1, l) for l in lengths])   # (5, N)
        post_in = np.stack([word(0, l) for l in lengths])
        pre_ex = np.stack([word(-l, l) for l in lengths])
        post_ex = np.stack([word(1, l) for l in lengths])
        wf = self.word_feats
        slots.append(np.where(pre_in != 0, wf[pre_in, 0], -1))
        slots.append(np.where(post_in != 0, wf[post_in, 1], -1))
        # ww.l: pre_ex (outer, 6..2) x post_in (inner); ww.r: pre_in x post_ex
        a = np.concatenate([np.repeat(pre_ex, 5, axis=0), np.repeat(pre_in, 5, axis=0)])
        b = np.concatenate([np.tile(post_in, (5, 1)), np.tile(post_ex, (5, 1))])
        t = np.repeat(np.arange(2), 25)[:, None]
        small = (a <= 1) & (b <= 1)
        ww = np.where(small, self.ww_small[t, np.minimum(a, 1), np.minimum(b, 1)], -1)
        big = np.nonzero(~small)
        if big[0].size:
            key = ((t[big[0], 0].astype(np.uint64) << np.uint64(62))
                   | (a[big].astype(np.uint64) << np.uint64(31))
                   | b[big].astype(np.uint64))
            j = _lookup(self.ww_keys, self.bits["ww"], key)
            ww[big] = np.where(j >= 0, self.ww_vals[np.maximum(j, 0)], -1)
        slots.append(ww)

        F = np.concatenate([np.atleast_2d(f) for f in slots])  # (69, N), pkuseg's order
        F[F < 0] = self.pad
        G = self.wvalues[self.wrow[F]]                          # (69, N, NT)
        acc = np.zeros((N, NT), dtype=np.float64)
        for k in range(G.shape[0]):     # sequential, as pkuseg sums (pad adds +0.0)
            acc += G[k]
        return acc.tolist()

    # -- decoding -------------------------------------------------------
    def _viterbi(self, sc):
        """inference.run_viterbi: backwards; ties go to the later next-tag
        (``>=``), the first tag's ties to the lower tag (``<``)."""
        n = len(sc)
        E = self.edge
        m0, m1, m2, m3, m4 = sc[n - 1]
        back = [None] * n
        for i in range(n - 2, -1, -1):
            node = sc[i]
            new, bk = [0.0] * NT, [0] * NT
            for y in range(NT):
                nd = node[y]
                # the five next tags unrolled: the pure engine's innermost loop (a loop over them made
                # this Viterbi 1.3x slower, 2026-12-05)
                e0, e1, e2, e3, e4 = E[y]
                best = m0 + nd + e0
                arg = 0
                s = m1 + nd + e1
                if s >= best:
                    best, arg = s, 1
                s = m2 + nd + e2
                if s >= best:
                    best, arg = s, 2
                s = m3 + nd + e3
                if s >= best:
                    best, arg = s, 3
                s = m4 + nd + e4
                if s >= best:
                    best, arg = s, 4
                new[y] = best
                bk[y] = arg
            back[i] = bk
            m0, m1, m2, m3, m4 = new
        ms = (m0, m1, m2, m3, m4)
        tag, ma = 0, m0
        for y in range(1, NT):
            if ma < ms[y]:
                ma, tag = ms[y], y
        tags = [tag]
        for i in range(1, n):
            tag = back[i - 1][tag]
            tags.append(tag)
        return tags

    def _post_process(self, sent):
        """pkuseg's Postprocesser.post_process(sent, check_seperated=True)."""
        other = self.dict_words
        for m in range(7, 1, -1):
            end = len(sent) - m
            if end < 0:
                continue
            i = 0
            while i < end + 1:
                merged = "".join(sent[i:i + m])
                if merged in other and not all(w in other for w in sent[i:i + m]):
                    sent[i:i + m] = [merged]
                    end = len(sent) - m
                i += 1
        return sent

    def cut(self, text):
        if not isinstance(text, str):
            raise TypeError(f"cut() needs a str, not {type(text).__name__}")
        frags = text.split()
        if not frags:
            return []
        scores = self._scores(frags)
        out, k = [], 0
        begin = self.is_begin
        for frag in frags:
            n = len(frag)
            tags = self._viterbi(scores[k:k + n])
            k += n
            words, cur = [], frag[0]
            for i in range(1, n):
                if begin[tags[i]]:
                    words.append(cur)
                    cur = frag[i]
                else:
                    cur += frag[i]
            words.append(cur)
            out.extend(self._post_process(words))
        return out
