/* fastseg core: pkuseg's default-model segmentation, compiled.
 *
 * Reproduces pkuseg 0.0.25 exactly: the features of
 * feature_extractor.__get_node_features_idx (same order, so node scores are
 * summed in the same order and are bit-identical), getLogYY + run_viterbi of
 * inference.pyx (same tie-breaking), the tag -> word assembly of
 * pkuseg._cut, Postprocesser.post_process(check_seperated=True) with the
 * default dictionary, and cut()'s whitespace split (Py_UNICODE_ISSPACE is what
 * str.split() and str.strip() use).
 *
 * The tables are arrays of the converted model (see convert.py), passed in as
 * buffers of a memory-mapped file. Only additions of doubles are performed,
 * in pkuseg's order; build without -ffast-math.
 *
 * Most time goes to cache misses in the large tables (hash tables, the
 * 26 MB weight rows). So the work is arranged for the memory system:
 * - filters built from the tables when the model is loaded skip lookups
 *   that cannot hit: ww_mask says which word ids occur in a word-pair key at
 *   all (per template and side), dict_filter is a one-bit-per-slot summary
 *   of the dictionary's hashes, trie_root is the trie's first level as an
 *   array. They only ever skip a lookup that would have failed.
 * - hash slots and weight rows are prefetched some positions ahead, and a
 *   position's feature ids are gathered first (without branching on
 *   loaded values) and summed afterwards, so that the misses overlap.
 * The features are still summed in pkuseg's order, one position at a time,
 * so the scores, and the output, are the same.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>

#define NT 5
#define NL 5            /* word lengths 6..2, index li <-> length 6 - li */
#define GOLDEN 0x9E3779B97F4A7C15ULL
#define EMPTY_KEY 0xFFFFFFFFFFFFFFFFULL
#define DICT_BASE 0x100000001B3ULL
#define DICT_FILTER_BITS 23     /* 1 MB: mostly in cache, ~5% false positives */
#define AHEAD 8                 /* positions prefetched ahead */
#define BLOCK 64                /* positions whose feature ids are gathered at once */
#define ROWS_AHEAD 16           /* weight rows prefetched ahead */
#define MAXF 72                 /* feature ids per position: 1 + 5 + 3 + 10 + 50 */
#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

enum {
    B_CHAR_INDEX, B_CHAR_FEATS, B_PAIR_KEYS, B_PAIR_VALS, B_TRIE_KEYS,
    B_TRIE_VALS, B_TRIE_WORD, B_WORD_FEATS, B_WW_KEYS, B_WW_VALS, B_WW_SMALL,
    B_WROW, B_WVALUES, B_EDGE, B_IS_BEGIN, B_DICT_KEYS, B_DICT_VALS,
    B_DICT_CHARS, B_DICT_OFFSETS, NBUF
};
static const char *buf_names[NBUF] = {
    "char_index", "char_feats", "pair_keys", "pair_vals", "trie_keys",
    "trie_vals", "trie_word", "word_feats", "ww_keys", "ww_vals", "ww_small",
    "wrow", "wvalues", "edge", "is_begin", "dict_keys", "dict_vals",
    "dict_chars", "dict_offsets"
};
static const Py_ssize_t buf_itemsize[NBUF] = {
    4, 4, 8, 4, 8, 4, 4, 4, 8, 4, 4, 0 /* 2 or 4 */, 8, 8, 1, 8, 4, 4, 8
};

typedef struct {
    PyObject_HEAD
    Py_buffer bufs[NBUF];
    int nbufs;
    const int32_t *char_index;
    Py_ssize_t n_char_index, n_nodes, n_words, n_features;
    const int32_t *char_feats;
    const uint64_t *pair_keys; const int32_t *pair_vals; int pair_bits;
    const uint64_t *trie_keys; const int32_t *trie_vals; int trie_bits;
    const int32_t *trie_word; Py_ssize_t n_trie;
    const int32_t *word_feats;
    const uint64_t *ww_keys; const int32_t *ww_vals; int ww_bits;
    int32_t ww_small[2][2][2];
    const uint16_t *wrow16; const uint32_t *wrow32;
    const double *wvalues;
    double edge[NT][NT];          /* edge[y][y_next] = 1.0 + w[...] */
    uint8_t is_begin[NT];
    const uint64_t *dict_keys; const int32_t *dict_vals; int dict_bits;
    const uint32_t *dict_chars; const int64_t *dict_offsets;
    Py_ssize_t dict_maxlen;
    uint64_t *dict_pow;
    uint8_t *ww_mask;             /* per word id: bit 2t = pre, 2t+1 = post in template t */
    int32_t *trie_root;           /* node id -> trie child of the root, or -1 */
    uint64_t *dict_filter;        /* bit (h * GOLDEN) >> (64 - DICT_FILTER_BITS) per word */
    int32_t empty_word, feature0;
    /* scratch, grown as needed (the GIL is held throughout a call) */
    Py_ssize_t cap;
    uint32_t *cps; int32_t *nodes; int32_t *wid; int32_t *pairslot;
    double *score; double *ms; uint8_t *back; uint8_t *tags;
    Py_ssize_t *tok; int8_t *tokdict; uint64_t *prefix;
} ModelObject;

static inline void
hprefetch(const uint64_t *keys, int bits, uint64_t key)
{
    PREFETCH(keys + ((key * GOLDEN) >> (64 - bits)));
}

static inline Py_ssize_t
hlookup(const uint64_t *keys, int bits, uint64_t key)
{
    uint64_t j = (key * GOLDEN) >> (64 - bits);
    for (;; j++) {
        uint64_t k = keys[j];
        if (k == key) return (Py_ssize_t)j;
        if (k == EMPTY_KEY) return -1;
    }
}

static void
model_free_scratch(ModelObject *m)
{
    PyMem_Free(m->cps); PyMem_Free(m->nodes); PyMem_Free(m->wid);
    PyMem_Free(m->pairslot); PyMem_Free(m->score); PyMem_Free(m->ms);
    PyMem_Free(m->back); PyMem_Free(m->tags); PyMem_Free(m->tok);
    PyMem_Free(m->tokdict); PyMem_Free(m->prefix);
    m->cps = NULL; m->nodes = NULL; m->wid = NULL; m->pairslot = NULL;
    m->score = NULL; m->ms = NULL; m->back = NULL; m->tags = NULL;
    m->tok = NULL; m->tokdict = NULL; m->prefix = NULL; m->cap = 0;
}

static int
model_reserve(ModelObject *m, Py_ssize_t n)
{
    if (n <= m->cap) return 0;
    Py_ssize_t cap = m->cap ? m->cap : 1024;
    while (cap < n) cap *= 2;
    model_free_scratch(m);
    m->cps = PyMem_Malloc(cap * sizeof(uint32_t));
    m->nodes = PyMem_Malloc(cap * sizeof(int32_t));
    m->wid = PyMem_Malloc(cap * NL * sizeof(int32_t));
    m->pairslot = PyMem_Malloc(cap * sizeof(int32_t));
    m->score = PyMem_Malloc(cap * NT * sizeof(double));
    m->ms = PyMem_Malloc(cap * NT * sizeof(double));
    m->back = PyMem_Malloc(cap * NT);
    m->tags = PyMem_Malloc(cap);
    m->tok = PyMem_Malloc((cap + 1) * sizeof(Py_ssize_t));
    m->tokdict = PyMem_Malloc(cap + 1);
    m->prefix = PyMem_Malloc((cap + 1) * sizeof(uint64_t));
    if (!m->cps || !m->nodes || !m->wid || !m->pairslot || !m->score ||
        !m->ms || !m->back || !m->tags || !m->tok || !m->tokdict || !m->prefix) {
        model_free_scratch(m);
        PyErr_NoMemory();
        return -1;
    }
    m->cap = cap;
    return 0;
}

static inline void
add_feature(const ModelObject *m, int32_t fid, double *acc)
{
    if (fid < 0) return;
    const double *v = m->wvalues;
    if (m->wrow16) {
        const uint16_t *r = m->wrow16 + (Py_ssize_t)fid * NT;
        acc[0] += v[r[0]]; acc[1] += v[r[1]]; acc[2] += v[r[2]];
        acc[3] += v[r[3]]; acc[4] += v[r[4]];
    } else {
        const uint32_t *r = m->wrow32 + (Py_ssize_t)fid * NT;
        acc[0] += v[r[0]]; acc[1] += v[r[1]]; acc[2] += v[r[2]];
        acc[3] += v[r[3]]; acc[4] += v[r[4]];
    }
}

static inline int32_t
ww_feature(const ModelObject *m, int t, int32_t pre, int32_t post)
{
    if (pre <= 1 && post <= 1) return m->ww_small[t][pre][post];
    if (!(m->ww_mask[pre] & (1 << (2 * t))) || !(m->ww_mask[post] & (2 << (2 * t))))
        return -1;  /* no key has this pre or this post: the lookup would fail */
    uint64_t key = ((uint64_t)t << 62) | ((uint64_t)pre << 31) | (uint64_t)post;
    Py_ssize_t j = hlookup(m->ww_keys, m->ww_bits, key);
    return j < 0 ? -1 : m->ww_vals[j];
}

/* Word id of the slice [s, s+l) of a fragment of n nodes: pkuseg's
 * get_slice_str + "in unigram": "" (out of range) is a unigram word. */
static inline int32_t
slice_word(const ModelObject *m, Py_ssize_t s, int l, Py_ssize_t n)
{
    if (s < 0 || s + l > n) return m->empty_word;
    return m->wid[s * NL + (6 - l)];
}

/* Is text[s:e) (code points of the current fragment) a dictionary word? */
static int
in_dict(const ModelObject *m, const uint32_t *cps, const uint64_t *P,
        Py_ssize_t s, Py_ssize_t e)
{
    Py_ssize_t len = e - s;
    if (len > m->dict_maxlen) return 0;
    uint64_t h = P[e] - P[s] * m->dict_pow[len];
    uint64_t f = (h * GOLDEN) >> (64 - DICT_FILTER_BITS);
    if (!(m->dict_filter[f >> 6] & (1ULL << (f & 63)))) return 0;
    uint64_t j = (h * GOLDEN) >> (64 - m->dict_bits);
    for (;; j++) {
        uint64_t k = m->dict_keys[j];
        if (k == EMPTY_KEY) return 0;
        if (k != h) continue;
        int32_t idx = m->dict_vals[j];
        int64_t a = m->dict_offsets[idx], b = m->dict_offsets[idx + 1];
        if (b - a == len &&
            memcmp(m->dict_chars + a, cps + s, len * sizeof(uint32_t)) == 0)
            return 1;
    }
}

static inline void
prefetch_row(const ModelObject *m, int32_t fid)
{
    if (m->wrow16) PREFETCH(m->wrow16 + (Py_ssize_t)fid * NT);
    else PREFETCH(m->wrow32 + (Py_ssize_t)fid * NT);
}

/* The feature ids of position i in pkuseg's order (those that exist, i.e.
 * >= 0) into out; returns how many. */
static int
gather_features(const ModelObject *m, const int32_t *nodes, const int32_t *pairslot,
                Py_ssize_t i, Py_ssize_t n, int32_t *out)
{
    const int32_t *cf = m->char_feats;
    int c = 0, l, li, lj;
#define PUSH(v) do { int32_t v_ = (v); out[c] = v_; c += v_ >= 0; } while (0)
    PUSH(m->feature0);
    PUSH(cf[nodes[i] * 5 + 0]);
    if (i > 0) {
        PUSH(cf[nodes[i - 1] * 5 + 1]);
        if (pairslot[i - 1] >= 0) PUSH(m->pair_vals[pairslot[i - 1] * 3 + 0]);
    }
    if (i + 1 < n) {
        PUSH(cf[nodes[i + 1] * 5 + 2]);
        if (pairslot[i] >= 0) PUSH(m->pair_vals[pairslot[i] * 3 + 1]);
    }
    if (i > 1) {
        PUSH(cf[nodes[i - 2] * 5 + 3]);
        if (pairslot[i - 2] >= 0) PUSH(m->pair_vals[pairslot[i - 2] * 3 + 2]);
    }
    if (i + 2 < n)
        PUSH(cf[nodes[i + 2] * 5 + 4]);

    int32_t pre_in[NL], post_in[NL], pre_ex[NL], post_ex[NL];
    for (li = 0; li < NL; li++) {
        l = 6 - li;
        pre_in[li] = slice_word(m, i - l + 1, l, n);
        if (pre_in[li]) PUSH(m->word_feats[pre_in[li] * 2 + 0]);
    }
    for (li = 0; li < NL; li++) {
        l = 6 - li;
        post_in[li] = slice_word(m, i, l, n);
        if (post_in[li]) PUSH(m->word_feats[post_in[li] * 2 + 1]);
    }
    for (li = 0; li < NL; li++) {
        l = 6 - li;
        pre_ex[li] = slice_word(m, i - l, l, n);
        post_ex[li] = slice_word(m, i + 1, l, n);
    }
    for (li = 0; li < NL; li++)
        for (lj = 0; lj < NL; lj++)
            PUSH(ww_feature(m, 0, pre_ex[li], post_in[lj]));
    for (li = 0; li < NL; li++)
        for (lj = 0; lj < NL; lj++)
            PUSH(ww_feature(m, 1, pre_in[li], post_ex[lj]));
#undef PUSH
    return c;
}

/* Segment one fragment (no whitespace) cps[0:n) of text, starting at
 * offset off; append to out its words (ends == 0) or the offsets in text
 * where its words end (ends == 1). */
static int
cut_fragment(ModelObject *m, PyObject *text, Py_ssize_t off, Py_ssize_t n,
             PyObject *out, int ends)
{
    const uint32_t *cps = m->cps;
    int32_t *nodes = m->nodes, *wid = m->wid, *pairslot = m->pairslot;
    double *score = m->score, *ms = m->ms;
    uint8_t *back = m->back, *tags = m->tags;
    Py_ssize_t i, s;
    int l, li;

    for (i = 0; i < n; i++) {
        uint32_t c = cps[i];
        nodes[i] = c < (uint32_t)m->n_char_index ? m->char_index[c] : 0;
    }
    /* word ids of every slice of 2..6 nodes (trie walk from each start) */
    for (s = 0; s < n; s++) {
        if (s + AHEAD + 1 < n && nodes[s + AHEAD] && nodes[s + AHEAD + 1]) {
            int32_t r = m->trie_root[nodes[s + AHEAD]];
            if (r >= 0)
                hprefetch(m->trie_keys, m->trie_bits,
                          ((uint64_t)r << 32) | (uint64_t)nodes[s + AHEAD + 1]);
        }
        int32_t *row = wid + s * NL;
        for (li = 0; li < NL; li++) row[li] = 0;
        int32_t cur = nodes[s] ? m->trie_root[nodes[s]] : -1;
        for (l = 2; cur >= 0 && l <= 6 && s + l <= n; l++) {
            int32_t nd = nodes[s + l - 1];
            if (nd == 0) break;
            Py_ssize_t j = hlookup(m->trie_keys, m->trie_bits,
                                   ((uint64_t)cur << 32) | (uint64_t)nd);
            if (j < 0) break;
            cur = m->trie_vals[j];
            row[6 - l] = m->trie_word[cur];
        }
    }
    for (i = 0; i + 1 < n; i++) {
        if (i + AHEAD + 1 < n && nodes[i + AHEAD] && nodes[i + AHEAD + 1])
            hprefetch(m->pair_keys, m->pair_bits,
                      ((uint64_t)nodes[i + AHEAD] << 32) | (uint64_t)nodes[i + AHEAD + 1]);
        pairslot[i] = -1;
        if (nodes[i] && nodes[i + 1]) {
            Py_ssize_t j = hlookup(m->pair_keys, m->pair_bits,
                                   ((uint64_t)nodes[i] << 32) | (uint64_t)nodes[i + 1]);
            pairslot[i] = (int32_t)j;
        }
    }
    /* node scores: feature ids gathered block by block, summed in order */
    Py_ssize_t b;
    for (b = 0; b < n; b += BLOCK) {
        int32_t fids[BLOCK * MAXF];
        int nf[BLOCK];
        Py_ssize_t bend = b + BLOCK < n ? b + BLOCK : n, k = 0;
        for (i = b; i < bend; i++) {
            if (i + AHEAD < n - 1 && pairslot[i + AHEAD] >= 0)
                PREFETCH(m->pair_vals + pairslot[i + AHEAD] * 3);
            nf[i - b] = gather_features(m, nodes, pairslot, i, n, fids + k);
            k += nf[i - b];
        }
        Py_ssize_t total = k, q;
        for (q = 0; q < total && q < ROWS_AHEAD; q++) prefetch_row(m, fids[q]);
        q = 0;
        for (i = b; i < bend; i++) {
            double acc[NT] = {0.0, 0.0, 0.0, 0.0, 0.0};
            int e = nf[i - b], x;
            for (x = 0; x < e; x++, q++) {
                if (q + ROWS_AHEAD < total) prefetch_row(m, fids[q + ROWS_AHEAD]);
                add_feature(m, fids[q], acc);
            }
            memcpy(score + i * NT, acc, sizeof acc);
        }
    }
    /* run_viterbi: backwards, ties -> later y_pre; start: ties -> first y */
    int y, yp;
    for (y = 0; y < NT; y++) ms[(n - 1) * NT + y] = score[(n - 1) * NT + y];
    for (i = n - 2; i >= 0; i--) {
        const double *nxt = ms + (i + 1) * NT;
        for (y = 0; y < NT; y++) {
            double node = score[i * NT + y];
            double best = (nxt[0] + node) + m->edge[y][0];
            int arg = 0;
            for (yp = 1; yp < NT; yp++) {
                double sc = (nxt[yp] + node) + m->edge[y][yp];
                if (sc >= best) { best = sc; arg = yp; }
            }
            ms[i * NT + y] = best;
            back[i * NT + y] = (uint8_t)arg;
        }
    }
    int tag = 0;
    double ma = ms[0];
    for (y = 1; y < NT; y++)
        if (ma < ms[y]) { ma = ms[y]; tag = y; }
    tags[0] = (uint8_t)tag;
    for (i = 1; i < n; i++) {
        tag = back[(i - 1) * NT + tag];
        tags[i] = (uint8_t)tag;
    }
    /* words: a word starts at 0 and at every tag containing "B" */
    Py_ssize_t *tok = m->tok;
    int8_t *tokdict = m->tokdict;
    Py_ssize_t T = 0;
    for (i = 0; i < n; i++)
        if (i == 0 || m->is_begin[tags[i]]) tok[T++] = i;
    tok[T] = n;
    /* Postprocesser.post_process(sent, check_seperated=True) */
    if (T >= 2) {
        uint64_t *P = m->prefix;
        P[0] = 0;
        for (i = 0; i < n; i++) P[i + 1] = P[i] * DICT_BASE + cps[i];
        for (i = 0; i < T; i++) tokdict[i] = -1;
        int mm;
        for (mm = 7; mm >= 2; mm--) {
            Py_ssize_t end = T - mm;
            if (end < 0) continue;
            Py_ssize_t k = 0;
            while (k < end + 1) {
                int do_seg = 0;
                if (in_dict(m, cps, P, tok[k], tok[k + mm])) {
                    int sep = 1, q;
                    for (q = 0; q < mm; q++) {
                        if (tokdict[k + q] < 0)
                            tokdict[k + q] = (int8_t)in_dict(m, cps, P, tok[k + q],
                                                             tok[k + q + 1]);
                        if (!tokdict[k + q]) { sep = 0; break; }
                    }
                    do_seg = !sep;
                }
                if (do_seg) {
                    memmove(tok + k + 1, tok + k + mm,
                            (T + 1 - (k + mm)) * sizeof(Py_ssize_t));
                    memmove(tokdict + k + 1, tokdict + k + mm, T - (k + mm));
                    tokdict[k] = 1;
                    T -= mm - 1;
                    end = T - mm;
                }
                k++;
            }
        }
    }
    for (i = 0; i < T; i++) {
        PyObject *w = ends ? PyLong_FromSsize_t(off + tok[i + 1])
                           : PyUnicode_Substring(text, off + tok[i], off + tok[i + 1]);
        if (!w) return -1;
        int r = PyList_Append(out, w);
        Py_DECREF(w);
        if (r < 0) return -1;
    }
    return 0;
}

/* Whitespace runs and words of text: cut() and boundaries(). With ends,
 * the list is every token boundary (0, each word's end, each whitespace
 * run's end), or None when a whitespace-free run is longer than max_run
 * (max_run > 0). */
static int
append_offset(PyObject *out, Py_ssize_t offset)
{
    PyObject *o = PyLong_FromSsize_t(offset);
    if (!o) return -1;
    int r = PyList_Append(out, o);
    Py_DECREF(o);
    return r;
}

static PyObject *
segment(ModelObject *m, PyObject *text, int ends, Py_ssize_t max_run)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "%s() needs a str, not %.100s",
                     ends ? "boundaries" : "cut", Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (PyUnicode_READY(text) < 0) return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (!out) return NULL;
    if (ends && max_run > 0) {  /* checked first: no work wasted on a refused text */
        Py_ssize_t run = 0, k;
        for (k = 0; k < len; k++) {
            run = Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k)) ? 0 : run + 1;
            if (run > max_run) {
                Py_DECREF(out);
                Py_RETURN_NONE;
            }
        }
    }
    if (ends && append_offset(out, 0) < 0) goto fail;
    Py_ssize_t i = 0;
    while (i < len) {
        while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) i++;
        if (ends && i > 0 && append_offset(out, i) < 0) goto fail;  /* a whitespace run's end */
        if (i >= len) break;
        Py_ssize_t a = i;
        while (i < len && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) i++;
        Py_ssize_t n = i - a, k;
        if (model_reserve(m, n) < 0) goto fail;
        for (k = 0; k < n; k++) m->cps[k] = PyUnicode_READ(kind, data, a + k);
        if (cut_fragment(m, text, a, n, out, ends) < 0) goto fail;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

static PyObject *
Model_cut(ModelObject *m, PyObject *text)
{
    return segment(m, text, 0, 0);
}

static PyObject *
Model_boundaries(ModelObject *m, PyObject *args)
{
    PyObject *text;
    Py_ssize_t max_run = 0;
    if (!PyArg_ParseTuple(args, "O|n:boundaries", &text, &max_run)) return NULL;
    return segment(m, text, 1, max_run);
}

static void
Model_dealloc(ModelObject *m)
{
    int k;
    for (k = 0; k < m->nbufs; k++) PyBuffer_Release(&m->bufs[k]);
    model_free_scratch(m);
    PyMem_Free(m->dict_pow);
    PyMem_Free(m->ww_mask);
    PyMem_Free(m->trie_root);
    PyMem_Free(m->dict_filter);
    Py_TYPE(m)->tp_free((PyObject *)m);
}

static int
get_int(PyObject *meta, const char *name, long *out)
{
    PyObject *v = PyDict_GetItemString(meta, name);
    if (!v) {
        PyErr_Format(PyExc_KeyError, "meta lacks %s", name);
        return -1;
    }
    *out = PyLong_AsLong(v);
    return (*out == -1 && PyErr_Occurred()) ? -1 : 0;
}

/* The lookup filters (see the top of this file), from the hash tables. */
static int
build_filters(ModelObject *m)
{
    Py_ssize_t j, n_ww = m->bufs[B_WW_KEYS].len / 8, n_dict = m->bufs[B_DICT_KEYS].len / 8;
    m->ww_mask = PyMem_Calloc(m->n_words, 1);
    m->dict_filter = PyMem_Calloc((1 << DICT_FILTER_BITS) / 64, sizeof(uint64_t));
    m->trie_root = PyMem_Malloc((m->n_nodes ? m->n_nodes : 1) * sizeof(int32_t));
    if (!m->ww_mask || !m->dict_filter || !m->trie_root) { PyErr_NoMemory(); return -1; }
    m->trie_root[0] = -1;  /* node 0 is in no word */
    for (j = 1; j < m->n_nodes; j++) {
        Py_ssize_t slot = hlookup(m->trie_keys, m->trie_bits, (uint64_t)j);
        m->trie_root[j] = slot < 0 ? -1 : m->trie_vals[slot];
    }
    for (j = 0; j < n_ww; j++) {
        uint64_t k = m->ww_keys[j];
        if (k == EMPTY_KEY) continue;
        int t = (int)(k >> 62);
        uint64_t pre = (k >> 31) & 0x7FFFFFFFULL, post = k & 0x7FFFFFFFULL;
        if (pre >= (uint64_t)m->n_words || post >= (uint64_t)m->n_words) {
            PyErr_SetString(PyExc_ValueError, "ww_keys: word id out of range");
            return -1;
        }
        m->ww_mask[pre] |= (uint8_t)(1 << (2 * t));
        m->ww_mask[post] |= (uint8_t)(2 << (2 * t));
    }
    for (j = 0; j < n_dict; j++) {
        uint64_t h = m->dict_keys[j];
        if (h == EMPTY_KEY) continue;
        uint64_t f = (h * GOLDEN) >> (64 - DICT_FILTER_BITS);
        m->dict_filter[f >> 6] |= 1ULL << (f & 63);
    }
    return 0;
}

static int
Model_init(ModelObject *m, PyObject *args, PyObject *kwds)
{
    PyObject *arrays, *meta;
    static char *kwlist[] = {"arrays", "meta", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!O!", kwlist,
                                     &PyDict_Type, &arrays, &PyDict_Type, &meta))
        return -1;
    if (m->nbufs) {
        PyErr_SetString(PyExc_RuntimeError, "Model already initialised");
        return -1;
    }
    int k;
    for (k = 0; k < NBUF; k++) {
        PyObject *o = PyDict_GetItemString(arrays, buf_names[k]);
        if (!o) {
            PyErr_Format(PyExc_KeyError, "arrays lacks %s", buf_names[k]);
            return -1;
        }
        if (PyObject_GetBuffer(o, &m->bufs[k], PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
            return -1;
        m->nbufs = k + 1;
        Py_ssize_t isz = m->bufs[k].itemsize;
        if ((buf_itemsize[k] && isz != buf_itemsize[k]) ||
            (!buf_itemsize[k] && isz != 2 && isz != 4)) {
            PyErr_Format(PyExc_ValueError, "%s: bad item size %zd",
                         buf_names[k], isz);
            return -1;
        }
    }
#define BUF(k) (m->bufs[k].buf)
#define NITEMS(k) (m->bufs[k].len / m->bufs[k].itemsize)
    m->char_index = BUF(B_CHAR_INDEX); m->n_char_index = NITEMS(B_CHAR_INDEX);
    m->char_feats = BUF(B_CHAR_FEATS); m->n_nodes = NITEMS(B_CHAR_FEATS) / 5;
    m->pair_keys = BUF(B_PAIR_KEYS); m->pair_vals = BUF(B_PAIR_VALS);
    m->trie_keys = BUF(B_TRIE_KEYS); m->trie_vals = BUF(B_TRIE_VALS);
    m->trie_word = BUF(B_TRIE_WORD); m->n_trie = NITEMS(B_TRIE_WORD);
    m->word_feats = BUF(B_WORD_FEATS); m->n_words = NITEMS(B_WORD_FEATS) / 2;
    m->ww_keys = BUF(B_WW_KEYS); m->ww_vals = BUF(B_WW_VALS);
    if (m->bufs[B_WROW].itemsize == 2) m->wrow16 = BUF(B_WROW);
    else m->wrow32 = BUF(B_WROW);
    m->n_features = NITEMS(B_WROW) / NT;
    m->wvalues = BUF(B_WVALUES);
    m->dict_keys = BUF(B_DICT_KEYS); m->dict_vals = BUF(B_DICT_VALS);
    m->dict_chars = BUF(B_DICT_CHARS); m->dict_offsets = BUF(B_DICT_OFFSETS);
    if (NITEMS(B_WW_SMALL) != 8 || NITEMS(B_EDGE) != NT * NT ||
        NITEMS(B_IS_BEGIN) != NT) {
        PyErr_SetString(PyExc_ValueError, "bad ww_small, edge or is_begin");
        return -1;
    }
    memcpy(m->ww_small, BUF(B_WW_SMALL), sizeof m->ww_small);
    const double *e = BUF(B_EDGE);
    int y, yp;
    /* pkuseg: edge_score[s_pre, s] = 1 + w[backoff + s * NT + s_pre], used as
     * edge_score[y, y_next]; the stored edge is w[backoff:].reshape(NT, NT). */
    for (y = 0; y < NT; y++)
        for (yp = 0; yp < NT; yp++)
            m->edge[y][yp] = 1.0 + e[yp * NT + y];
    memcpy(m->is_begin, BUF(B_IS_BEGIN), NT);
    long v[7];
    static const char *ints[7] = {"pair_bits", "trie_bits", "ww_bits",
        "dict_bits", "dict_maxlen", "empty_word", "feature0"};
    for (k = 0; k < 7; k++)
        if (get_int(meta, ints[k], &v[k]) < 0) return -1;
    m->pair_bits = (int)v[0];
    m->trie_bits = (int)v[1];
    m->ww_bits = (int)v[2];
    m->dict_bits = (int)v[3];
    m->dict_maxlen = v[4];
    m->empty_word = (int32_t)v[5];
    m->feature0 = (int32_t)v[6];
    m->dict_pow = PyMem_Malloc((m->dict_maxlen + 1) * sizeof(uint64_t));
    if (!m->dict_pow) { PyErr_NoMemory(); return -1; }
    m->dict_pow[0] = 1;
    Py_ssize_t q;
    for (q = 1; q <= m->dict_maxlen; q++) m->dict_pow[q] = m->dict_pow[q - 1] * DICT_BASE;
    return build_filters(m);
}

static PyMethodDef Model_methods[] = {
    {"cut", (PyCFunction)Model_cut, METH_O,
     "cut(text) -> list of str: pkuseg's segmentation of text."},
    {"boundaries", (PyCFunction)Model_boundaries, METH_VARARGS,
     "boundaries(text, max_run=0) -> list of int: every token boundary of text\n"
     "(0, the end of each of cut(text)'s words and of each whitespace run), or\n"
     "None if max_run > 0 and a run without whitespace is longer than max_run."},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject ModelType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "policy_nlp.segment.fastseg._fastseg.Model",
    .tp_basicsize = sizeof(ModelObject),
    .tp_dealloc = (destructor)Model_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Model(arrays, meta): the converted model; .cut(text).",
    .tp_methods = Model_methods,
    .tp_init = (initproc)Model_init,
    .tp_new = PyType_GenericNew,
};

/* substrings(text, bounds): [text[a:b] for a, b in zip(bounds, bounds[1:])],
 * without a slice object and a method call per piece. */
static PyObject *
substrings(PyObject *self, PyObject *args)
{
    PyObject *text, *bounds;
    if (!PyArg_ParseTuple(args, "UO!:substrings", &text, &PyList_Type, &bounds)) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(bounds), len = PyUnicode_GET_LENGTH(text), i;
    PyObject *out = PyList_New(n > 1 ? n - 1 : 0);
    if (!out) return NULL;
    Py_ssize_t a = n ? PyLong_AsSsize_t(PyList_GET_ITEM(bounds, 0)) : 0;
    if (a == -1 && PyErr_Occurred()) goto fail;
    for (i = 1; i < n; i++) {
        Py_ssize_t b = PyLong_AsSsize_t(PyList_GET_ITEM(bounds, i));
        if (b == -1 && PyErr_Occurred()) goto fail;
        if (a < 0 || b < a || b > len) {
            PyErr_SetString(PyExc_ValueError, "substrings: bounds must increase within the text");
            goto fail;
        }
        PyObject *w = PyUnicode_Substring(text, a, b);
        if (!w) goto fail;
        PyList_SET_ITEM(out, i - 1, w);
        a = b;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef module_methods[] = {
    {"substrings", substrings, METH_VARARGS,
     "substrings(text, bounds) -> list of str: text[a:b] for each pair of\n"
     "consecutive offsets in bounds (a list of non-decreasing ints)."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "_fastseg",
    "Compiled core of policy_nlp.segment.fastseg.", -1, module_methods
};

PyMODINIT_FUNC
PyInit__fastseg(void)
{
    if (PyType_Ready(&ModelType) < 0) return NULL;
    PyObject *mod = PyModule_Create(&moduledef);
    if (!mod) return NULL;
    Py_INCREF(&ModelType);
    if (PyModule_AddObject(mod, "Model", (PyObject *)&ModelType) < 0) {
        Py_DECREF(&ModelType);
        Py_DECREF(mod);
        return NULL;
    }
    PyModule_AddIntConstant(mod, "FORMAT_VERSION", 2);
    return mod;
}
