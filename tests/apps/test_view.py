"""The HTML view of an annotated document (policy_nlp.apps.view).

The fixture is built by hand from the seed speech shipped in corpora/, with
offsets found in its text, so these tests do not depend on the slogan, list
and topic stages. The browser tests run headless Chromium (Debian's
``chromium``) and skip cleanly where /usr/bin/chromium is absent.
"""

import copy
import json
import os
import re
import subprocess
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from policy_nlp.io.output import validate
from policy_nlp.io.reading import read_text
from policy_nlp.apps.view import is_annotated, render_document, render_spans, write_views, _Element

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpora" / "000_49f5c10d9eda79ac.txt"
CHROMIUM = Path("/usr/bin/chromium")
# Appended to the seed text: markup-like text and a slogan inside it.
HOSTILE = "\n\n<script>alert('x')</script> & “<b>三个代表</b>” \"q\" 'a' </div>\n"


def _at(text, needle, nth=0, after=0):
    """(start, end) of the nth occurrence of needle at or after ``after``."""
    start = after - 1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _slogan(text, needle, kind, number, members=(), count_matches=None, nth=0, after=0, source="quotes"):
    start, end = _at(text, needle, nth, after)
    spans = []
    for member in members:
        m_start, m_end = _at(text, member, 0, max(0, start - 80))
        spans.append({"start": m_start, "end": m_end, "text": member})
    return {"start": start, "end": end, "text": needle, "kind": kind, "number": number,
            "members": spans, "count_matches": count_matches, "source": source}


def _list(text, family, markers, after, claim=None, level=0, parent=None, parent_item=None):
    items, position = [], after
    for marker in markers:
        start, _ = _at(text, marker, 0, position)
        items.append({"start": start, "end": start, "marker": marker})
        position = start + 1
    for i, item in enumerate(items):
        nxt = items[i + 1]["start"] if i + 1 < len(items) else text.find("\n", item["start"])
        item["end"] = nxt if nxt > item["start"] else len(text)
    claim_span = None
    if claim:
        c_start, c_end = _at(text, claim[0], 0, max(0, after - 80))
        claim_span = {"start": c_start, "end": c_end, "text": claim[0], "number": claim[1]}
    return {"family": family, "level": level, "items": items, "parent": parent, "parent_item": parent_item,
            "claim": claim_span, "count_matches": None if claim is None else claim[1] == len(items),
            "gaps": [], "restart": False, "start": items[0]["start"], "end": items[-1]["end"]}


def seed_document(hostile=True):
    """A realistic annotated document of the seed speech (schema-valid)."""
    text = read_text(SEED)[0]
    if hostile:
        text += HOSTILE
    paragraphs, position = [], 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append({"start": position, "end": position + len(line), "topic": None})
        position += len(line) + 1
    for para in paragraphs:
        body = text[para["start"]:para["end"]]
        if "农" in body:
            para["topic"] = {"label": "agriculture_rural", "score": 0.71,
                             "scores": {"agriculture_rural": 0.71, "economy": 0.2, "general": 0.09}}
        elif "党" in body:
            para["topic"] = {"label": "party_government", "score": 0.64,
                             "scores": {"party_government": 0.64, "general": 0.36}}
        elif len(body) > 60:
            para["topic"] = {"label": "general", "score": 0.4, "scores": {"general": 0.4}}
    slogans = [
        _slogan(text, "六大项目标责任书", "numbered", 6, source="grammar"),
        _slogan(text, "两品一游", "numbered", 3, ["精品", "珍品", "旅游观光"], True),
        _slogan(text, "开心农场", "quoted", None),
        _slogan(text, "双联", "numbered", 2),
        _slogan(text, "效能风暴", "quoted", None),
        # members that contain other slogans: overlapping spans
        _slogan(text, "十大项重点工作", "numbered", 10,
                ["“双联”行动", "效能风暴行动", "社会管理创新社区建设", "城乡一体化试点村建设",
                 "野麻湾产业园区建设", "平安和谐细胞工程", "基础设施项目建设", "“开心农场”建设",
                 "廉政风险防控", "基层组织建设年"], True, source="grammar"),
        _slogan(text, "双联", "numbered", 2, after=2184),
        _slogan(text, "效能风暴", "quoted", None, after=2190, source="mention"),
        # a count mismatch made for the test: claims 8, three members
        _slogan(text, "八个发展取向", "numbered", 8, ["一项重大使命", "十大重点行动", "三会一课"], False),
        _slogan(text, "五心工程", "numbered", 5,
                ["强化党建凝心", "服务居民贴心", "管理社区用心", "倾听民意真心", "繁荣文化润心"], True),
        _slogan(text, "三个代表", "numbered", 3, after=len(text) - len(HOSTILE)) if hostile else None,
    ]
    slogans = sorted((s for s in slogans if s), key=lambda s: (s["start"], -s["end"]))
    top = _list(text, "一、", ["一、", "二、", "三、"], 880, claim=("三点", 3))
    first = _list(text, "一是", ["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是"], 965,
                  claim=("八个方面", 8), level=1, parent=0, parent_item=0)
    second = _list(text, "一是", ["一是", "二是", "三是", "四是", "五是", "六是"], 2325,
                   claim=("五点", 5), level=1, parent=0, parent_item=1)  # a real mismatch: 6 items
    meta = {"source": str(SEED.relative_to(ROOT)), "encoding": "utf-8",
            "title": "在全区社会管理创新暨城乡一体化建设工作推进会议上的讲话", "speaker": "孙俨玲",
            "position": "区委副书记、区长", "date": "2012-06-15", "occasion": "社会管理创新暨城乡一体化建设工作推进会议",
            "salutation": "同志们", "removed": [
                {"start": 0, "end": 30, "text": "分享到:<a href=\"x\">微博</a> & 更多", "reason": "share widget"}]}
    data = {"id": "000_49f5c10d9eda79ac<&>", "text": text, "meta": meta, "paragraphs": paragraphs,
            "sentences": [], "tokens": [], "slogans": slogans, "lists": [top, first, second]}
    validate(data)
    return data


@pytest.fixture(scope="module")
def document():
    return seed_document()


class _Tree(HTMLParser):
    """Checks that tags nest and collects the text under ids and slogan pieces."""
    VOID = {"meta", "br", "img", "input", "link", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []
        self.ids = {}
        self.text_parts = []        # the article's text, badges left out
        self.slogan_text = {}       # data-s -> text of all its pieces
        self.member_text = {}       # data-of -> [text of member pieces]

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        if "id" in attrs:
            if attrs["id"] in self.ids:
                self.errors.append(f"duplicate id {attrs['id']}")
            self.ids[attrs["id"]] = True
        self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        in_text = any(a.get("id") == "text" for _, a in self.stack)
        in_badge = any("badge" in (a.get("class") or "").split() for _, a in self.stack)
        if in_text and not in_badge:
            self.text_parts.append(data)
            for _, attrs in self.stack:
                if "data-s" in attrs:
                    self.slogan_text[attrs["data-s"]] = self.slogan_text.get(attrs["data-s"], "") + data


def _parse(page):
    tree = _Tree()
    tree.feed(page)
    tree.close()
    return tree


def test_fixture_is_a_valid_annotated_document(document):
    assert is_annotated(document)
    assert any(s["count_matches"] is False for s in document["slogans"])
    assert document["lists"][2]["count_matches"] is False


def test_page_is_self_contained_and_well_formed(document):
    page = render_document(document)
    tree = _parse(page)
    assert tree.errors == []
    assert tree.stack == []
    # no network: no external scripts, styles, images or fonts
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and "url(http" not in page
    assert "<script>" in page and "<style>" in page


def test_text_and_offsets_survive_rendering(document):
    tree = _parse(render_document(document))
    text = document["text"]
    rendered = "".join(tree.text_parts)
    # Paragraphs are blocks; the newlines between them are the only text that may go.
    assert rendered.replace("\n", "") == text.replace("\n", "")
    for index, slogan in enumerate(document["slogans"]):
        assert tree.slogan_text[str(index)] == slogan["text"] == text[slogan["start"]:slogan["end"]]


def test_escaping(document):
    page = render_document(document)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; “&lt;b&gt;" in page or \
        "&lt;script&gt;alert('x')&lt;/script&gt; &amp; “&lt;b&gt;" in page
    assert "000_49f5c10d9eda79ac&lt;&amp;&gt;" in page
    # the removed furniture is shown as text, collapsed
    assert '<details id="removed">' in page
    assert "分享到:&lt;a href=&quot;x&quot;&gt;微博&lt;/a&gt; &amp; 更多" in page
    # the slogan inside the hostile paragraph is still highlighted
    assert re.search(r'class="s numbered"[^>]*>三个代表</span>', page)


def test_view_and_report_escape_with_one_helper_that_shows_none_as_nothing():
    """polish22: view's copy of the helper wrote None as "None", report's as nothing."""
    from policy_nlp.apps import report, view
    assert report.escape is view.escape
    assert view.escape(None) == "" and view.escape(0) == "0" and view.escape('“x”<"') == "“x”&lt;&quot;"


def test_slogans_lists_topics_and_mismatches(document):
    page = render_document(document)
    slogans = document["slogans"]
    bad = next(i for i, s in enumerate(slogans) if s["text"] == "八个发展取向")
    assert f'id="s{bad}" class="s numbered bad hasm"' in page
    assert "COUNT MISMATCH: claims 8, 3 spelled out" in page
    good = next(i for i, s in enumerate(slogans) if s["text"] == "五心工程")
    match = re.search(rf'id="s{good}"[^>]*title="([^"]*)"', page)
    assert "number: 5" in match.group(1) and "强化党建凝心、服务居民贴心" in match.group(1)
    assert page.count(f'data-of="{good}"') == 5
    # the outline: every item has an anchor in the text and a link in the side panel
    outline = page.split('<div id="outline">')[1].split("</nav>")[0]
    for li, lst in enumerate(document["lists"]):
        for ii, _ in enumerate(lst["items"]):
            assert f'id="L{li}-{ii}"' in page
            assert f'href="#L{li}-{ii}"' in outline
    assert 'class="olist bad" data-list="2"' in outline and "≠ 5" in outline
    # nested: the 一是 lists sit inside the items of the 一、 list
    assert outline.index('data-list="1"') > outline.index('href="#L0-0"')
    assert outline.index('data-list="2"') > outline.index('href="#L0-1"')
    # topic badges with scores, metadata on top
    assert ">agriculture_rural 0.71</span>" in page
    assert page.count('class="badge"') >= sum(1 for p in document["paragraphs"] if p["topic"])
    header = page.split("<main>")[0]
    assert "孙俨玲" in header and "2012-06-15" in header and "区委副书记、区长" in header


def test_overlapping_spans_nest():
    text = "abcdefghij"
    elements = [_Element(0, 6, 0, "div", ' id="p"'), _Element(4, 10, 3, "span", ' id="x" class="x"'),
                _Element(2, 8, 3, "span", ' id="y" class="y"'), _Element(5, 5, 3, "span", ' id="z"')]
    html = render_spans(text, elements)
    tree = _parse(f"<article id='text'>{html}</article>")
    assert tree.errors == []
    assert "".join(tree.text_parts) == text
    assert html.count('id="x"') == 1 and html.count('id="y"') == 1 and 'id="z"' not in html
    assert html.startswith('<div id="p">ab<span id="y" class="y">cd<span id="x" class="x">ef</span></span></div>')


def test_empty_and_partial_documents():
    data = {"id": None, "text": "", "meta": {}, "paragraphs": [], "sentences": [], "tokens": [],
            "slogans": [], "lists": []}
    assert "No numbered lists." in render_document(data)
    data = {"id": "x", "text": "同志们：今天开会。", "meta": {"year": None},
            "paragraphs": [{"start": 0, "end": 99, "topic": None}],  # out of range: clipped
            "sentences": [], "tokens": [], "slogans": [], "lists": []}
    assert _parse(render_document(data)).errors == []


def _long_document(document, copies):
    """The seed document repeated ``copies`` times, every span shifted."""
    text, step = document["text"], len(document["text"]) + 1
    data = {**copy.deepcopy(document), "text": "\n".join([text] * copies)}
    for key in ("paragraphs", "slogans", "lists"):
        data[key] = []
    def shift(obj, by, lists_by):
        if isinstance(obj, dict):
            return {k: (v + by if k in ("start", "end") and isinstance(v, int) else
                        v + lists_by if k == "parent" and isinstance(v, int) else shift(v, by, lists_by))
                    for k, v in obj.items()}
        if isinstance(obj, list):
            return [shift(v, by, lists_by) for v in obj]
        return obj
    for n in range(copies):
        for key in ("paragraphs", "slogans", "lists"):
            data[key].extend(shift(document[key], n * step, n * len(document["lists"])))
    return data


def _best_of(function, runs=3):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def test_thirty_thousand_characters_render_in_linear_time(document):
    big = _long_document(document, 5)
    assert len(big["text"]) > 30_000
    page = render_document(big)
    tree = _parse(page)
    assert tree.errors == []
    assert len(tree.slogan_text) == len(big["slogans"])
    # A generous bound on growth, not a time limit: 5x the text should cost about 5x.
    small = _best_of(lambda: render_document(document))
    large = _best_of(lambda: render_document(big))
    assert large / max(small, 1e-6) < 40


def test_write_views_from_annotated_jsonl(document, tmp_path):
    path = tmp_path / "annotations.jsonl"
    other = {**document, "id": document["id"]}  # same id twice: distinct file names
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in (document, other)) + "\n",
                    encoding="utf-8")
    pages = write_views([path], tmp_path / "views")
    assert len(pages) == 2 and len({p.name for p in pages}) == 2
    assert all(p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") for p in pages)
    index = (tmp_path / "views" / "index.html").read_text(encoding="utf-8")
    assert all(p.name in index for p in pages)
    # a folder from 'policy-nlp annotate -o DIR' works too
    assert len(write_views([tmp_path], tmp_path / "views2", limit=1)) == 1


def test_write_views_of_a_folder_annotated_with_format_json(document, tmp_path):
    """Not taken for raw inputs (which annotated its errors.jsonl as documents)."""
    (tmp_path / "annotations.json").write_text(json.dumps([document], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "errors.jsonl").write_text('{"id": null, "source": "a.txt", "reason": "empty"}\n',
                                           encoding="utf-8")
    pages = write_views([tmp_path], tmp_path / "views")
    assert len(pages) == 1 and document["text"][:20] in pages[0].read_text(encoding="utf-8")


def test_write_views_annotates_raw_inputs(tmp_path):
    raw = tmp_path / "speech.txt"
    raw.write_text("同志们：\n今天开会，我讲两点意见。\n一是抓落实。二是转作风。\n", encoding="utf-8")
    pages = write_views([raw], tmp_path / "views", clean=False,
                        settings={"stages": ["paragraphs"], "lexicon": False})
    assert [p.name for p in pages] == ["speech.html"]
    page = pages[0].read_text(encoding="utf-8")
    assert 'id="p0" class="para"' in page and "今天开会" in page


def test_view_limit_annotates_no_raw_document_past_it(tmp_path, monkeypatch):
    """view --limit N on raw inputs annotated document N+1 before it stopped (and warned when that
    one failed): three local speeches, limit 1 and 2; a limit below 1 is refused, before anything is read."""
    import policy_nlp.run.worker as worker
    from conftest import local_excerpt
    raw = tmp_path / "speeches.jsonl"
    raw.write_text("".join(json.dumps({"id": i, "text": local_excerpt(i)}, ensure_ascii=False) + "\n"
                           for i in ("dev-0015", "dev-0016", "dev-0018")), encoding="utf-8")
    annotated = []
    annotate = worker.annotate_record
    monkeypatch.setattr(worker, "annotate_record", lambda nlp, item, **kw: annotated.append(item.id)
                        or annotate(nlp, item, **kw))
    for limit in (1, 2):
        annotated.clear()
        pages = write_views([raw], tmp_path / f"views{limit}", settings={"stages": ["paragraphs"], "lexicon": False},
                            limit=limit)
        assert [p.name for p in pages] == [f"{i}.html" for i in ("dev-0015", "dev-0016")[:limit]]
        assert annotated == ["dev-0015", "dev-0016"][:limit]
    for limit in (0, -1, 1.5):
        with pytest.raises(ValueError, match="limit must be a positive integer"):
            write_views([raw], tmp_path / "none", limit=limit)
    assert not (tmp_path / "none").exists()


def test_cli_view(document, tmp_path):
    from policy_nlp.cli import main
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert main(["view", str(path), "-o", str(tmp_path / "out")]) == 0
    assert len(list((tmp_path / "out").glob("*.html"))) == 2  # the page and the index


def test_cli_view_of_the_raw_seed_annotates_it_and_says_what_it_expects_otherwise(tmp_path, capsys):
    from policy_nlp.cli import main
    assert main(["view", str(SEED), "-o", str(tmp_path / "seed"), "--stages", "paragraphs,slogans"]) == 0
    assert capsys.readouterr().out.startswith("1 page(s) in ")
    page = (tmp_path / "seed" / "000_49f5c10d9eda79ac.html").read_text(encoding="utf-8")
    assert "五心工程" in page and 'class="para"' in page
    # a JSONL whose text field has another name: each line's reason, then what view takes
    raw = tmp_path / "raw.jsonl"
    raw.write_text('{"content": "同志们：今天开会。"}\n', encoding="utf-8")
    assert main(["view", str(raw), "-o", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"policy-nlp: not viewed: {raw}:1: no 'text' field (fields: content); " \
                     "name the text field with --text-column"
    assert err[1].startswith("policy-nlp: no page written") and "--text-column" in err[1]


# --- in a real browser -----------------------------------------------------------

def chromium(url, *extra, timeout=120):
    """Run headless Chromium on ``url``; (stdout, stderr). Skips without Chromium."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                   "--no-first-run", "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                   "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", *extra, url]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                env={**os.environ, "LANG": "C.UTF-8"})
    return result.stdout, result.stderr


def console_errors(stderr):
    """Console lines in Chromium's log: the pages log nothing, so any is an error."""
    return [line for line in stderr.splitlines() if "Uncaught" in line or ":CONSOLE" in line]


def test_browser_check_catches_script_errors(tmp_path):
    """The checks below would see a broken page: the error box and the log."""
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html><body><div id="js-errors"></div><script>'
                    "window.addEventListener('error',function(e){"
                    "document.getElementById('js-errors').textContent=e.message;});"
                    "</script><script>console.error('boom'); missing();</script></body></html>",
                    encoding="utf-8")
    dom, stderr = chromium(page.as_uri(), "--dump-dom")
    assert "missing is not defined" in dom
    assert len(console_errors(stderr)) == 2


def test_view_in_chromium(document, tmp_path):
    page = tmp_path / "view.html"
    page.write_text(render_document(document), encoding="utf-8")
    dom, stderr = chromium(page.as_uri(), "--dump-dom")
    assert 'data-ready="1"' in dom, stderr[-2000:]
    assert re.search(r'<div id="js-errors"></div>', dom), dom.split('id="js-errors"')[1][:300]
    assert console_errors(stderr) == []
    status = re.search(r'<span id="status" class="muted">ready: (\d+) slogan elements, (\d+) list markers, '
                       r'(\d+) topic badges</span>', dom)
    assert status, "the page's script did not run"
    markers = sum(len(l["items"]) for l in document["lists"])
    assert int(status.group(2)) == markers
    assert int(status.group(3)) == sum(1 for p in document["paragraphs"] if p["topic"])
    assert int(status.group(1)) >= len(document["slogans"])


def test_view_in_chromium_shows_a_slogan_from_the_address(document, tmp_path):
    page = tmp_path / "view.html"
    page.write_text(render_document(document), encoding="utf-8")
    index = next(i for i, s in enumerate(document["slogans"]) if s["text"] == "五心工程")
    dom, stderr = chromium(page.as_uri() + f"#s{index}", "--dump-dom")
    assert console_errors(stderr) == []
    # the info box shows the number and the members; the members are outlined
    info = re.search(r'<div id="info" class="show">([^<]*)</div>', dom)
    assert info and "number: 5" in info.group(1) and "繁荣文化润心" in info.group(1)
    assert len(re.findall(rf'class="m m{index} on"', dom)) == 5


def test_view_screenshot(document, tmp_path):
    page = tmp_path / "view.html"
    page.write_text(render_document(document), encoding="utf-8")
    shot = tmp_path / "view.png"
    chromium(page.as_uri(), f"--screenshot={shot}", "--window-size=1200,800", "--hide-scrollbars")
    assert shot.exists() and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_traditional_page_says_it_was_converted_not_every_character(tmp_path):
    """The header showed meta.converted as JSON: every converted character with its
    offset, hundreds of them for a page (dev-0182 of the local speeches, in Traditional)."""
    raw = tmp_path / "trad.txt"
    raw.write_text("同志們：\n今天,我們在這裏召開大會,主要任務是就全鄉(鎮)建立村(居)民監督委員會的工作進行動員和培訓。\n",
                   encoding="utf-8")
    (page,) = write_views([raw], tmp_path / "views", settings={"stages": ["paragraphs"], "lexicon": False})
    header = page.read_text(encoding="utf-8").split('id="meta"')[1].split("</div></div>")[0]
    assert "traditional → simplified, " in header and " characters (the text below is the Simplified copy" in header
    assert '"chars"' not in header and "[[" not in header


def test_the_title_s_slogans_are_marked_in_the_heading_apart_from_the_text_s():
    """A title's terms (meta.title_slogans: offsets into the title; Xi speech all_data:49)
    are marked in the heading and listed apart, never as spans of the text."""
    title = "弘扬“上海精神” 深化团结协作 构建更加紧密的命运共同体——在上海合作组织成员国元首理事会第二十次会议上的讲话"
    data = {"id": "all_data:49", "text": "尊敬的普京总统：", "paragraphs": [], "sentences": [], "tokens": [],
            "slogans": [], "lists": [],
            "meta": {"title": title, "title_slogans": [{"start": 3, "end": 7, "text": "上海精神", "kind": "quoted",
                                                        "number": None, "members": [], "count_matches": None,
                                                        "source": "quotes"}]}}
    validate(data)
    page = render_document(data)
    heading = page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert re.search(r'弘扬“<span class="ts quoted" title="in the title, quoted term: 上海精神[^"]*">上海精神</span>”',
                     heading)
    assert 'class="s ' not in page.split("<article", 1)[1].split("</article>", 1)[0]
    assert "In the title:" in page and '"start": 3' not in page   # not dumped among the meta fields


def _own_codebook(doc):
    """``doc`` with the topics of a codebook of one's own: five labels (a blank, a hyphen,
    Chinese), three of which took one colour, and a 'general' that is not the codebook's."""
    labels = ["Economy", "party-building", "social welfare", "维稳", "general"]
    doc = copy.deepcopy(doc)
    classified = [para for para in doc["paragraphs"] if para["topic"]]
    for n, para in enumerate(classified):
        label = labels[n % len(labels)]
        para["topic"] = {"label": label, "score": 0.6,
                         "scores": {other: 0.6 if other == label else 0.1 for other in labels}}
    return doc, labels


def test_a_codebook_of_ones_own_has_a_colour_per_label_and_no_default_names():
    """codebook23: Economy, party-building and social welfare all took #8c6d31 (the view's
    badges, the report's stacked bars), and a 'general' of one's own was titled 综述与动员."""
    from policy_nlp.apps.view import topic_colour
    doc, labels = _own_codebook(seed_document(hostile=False))
    page = render_document(doc)
    colours = {label: set(re.findall(rf'--c:(#[0-9a-f]{{6}})" contenteditable="false" title="{re.escape(label)}',
                                     page)) for label in labels}
    assert all(len(found) == 1 for found in colours.values()), colours
    assert len({found.pop() for found in colours.values()}) == len(labels)
    assert 'data-topic="social welfare"' in page and "综述与动员" not in page
    assert topic_colour("party-building", labels) != topic_colour("Economy", labels)
    assert "综述与动员" in render_document(seed_document(hostile=False))   # the default codebook's still named
