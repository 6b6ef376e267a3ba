from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner import Cleaner
from cleaner.html import cards as cards_module
from cleaner.html.prune import body_html, prune, without
from cleaner.packs.schema import selector_error

TEXT = "<p>Kept paragraph.</p>"


def pruned(body: str, remove: Sequence[str] = ()) -> str:
    root = prune(
        LexborHTMLParser(f"<html><head><title>t</title></head><body>{body}</body></html>"), remove
    )
    assert root is not None
    return root.html or ""


def for_extractors(body: str) -> str:
    return without(LexborHTMLParser(f"<html><body>{body}</body></html>"), ())


GONE = [
    # code, embeds and widgets
    "<script>var x = 1;</script>",
    "<style>p { color: red }</style>",
    "<noscript>Enable JavaScript</noscript>",
    "<template><p>Template</p></template>",
    "<iframe src='https://ads.example'></iframe>",
    "<svg><text>Icon</text></svg>",
    "<form><p>Search</p><input name='q'></form>",
    # furniture
    "<nav><a href='/'>Home</a></nav>",
    "<aside>Related stories</aside>",
    "<footer>© 2021</footer>",
    "<header><h1>Headline</h1></header>",
    "<button>Share</button>",
    "<figure><img src='a.jpg'><figcaption>Caption</figcaption></figure>",
    # hidden elements and landmarks that are not the main content
    "<div hidden>Hidden</div>",
    "<div aria-hidden='true'>Hidden</div>",
    "<div style='display:none'>Hidden</div>",
    "<span style='color: red; DISPLAY : none'>Hidden</span>",
    "<div style='visibility: hidden'>Hidden</div>",
    "<div role='navigation'>Menu</div>",
    "<div role='complementary'>Sidebar</div>",
]


@pytest.mark.parametrize("element", GONE)
def test_element_goes(element: str) -> None:
    assert pruned(f"{TEXT}{element}") == pruned(TEXT) == f"<body>{TEXT}</body>"


def test_visible_styled_element_stays() -> None:
    assert "Shown" in pruned("<div style='display: block'>Shown</div>")


def test_pack_selectors_go() -> None:
    html = pruned(
        f"{TEXT}<div class='promo'>Subscribe</div><p id='x'>Also gone</p>", remove=[".promo", "p#x"]
    )
    assert "Kept paragraph." in html and "Subscribe" not in html and "Also gone" not in html


def test_nested_matches_are_removed_safely() -> None:
    html = pruned("<div hidden><div hidden><p aria-hidden='true'>Deep</p></div></div><p>Kept.</p>")
    assert "Deep" not in html and "Kept." in html


def test_form_wrapping_the_page_stays() -> None:
    words = " ".join(["word"] * 50)
    html = pruned(f"<form id='aspnetForm'><p>{words}</p></form><form><input name='q'>Search</form>")
    assert words in html and "Search" not in html


def test_the_asp_net_server_form_stays_when_menus_stand_outside_it() -> None:
    """WebForms wraps the content in its one form even where most of the page's text (menus,
    lists of links) stands outside it: that form holds the article, not a widget."""
    article = " ".join(["word"] * 50)
    menus = "".join(
        f"<div><a href='/{i}'>Section number {i} of the site</a></div>" for i in range(40)
    )
    html = pruned(
        f"{menus}<form><input type='hidden' name='__VIEWSTATE' value='x'><p>{article}</p></form>"
    )
    assert article in html


def test_empty_block_between_text_becomes_a_line_break() -> None:
    html = pruned(
        "<div>First part.<div class='fake-br'></div>Second part.<span></span>Third part.</div>"
    )
    assert html == "<body><div>First part.<br>Second part.Third part.</div></body>"


def test_embedded_post_leaves_its_wrappers() -> None:
    tweet = "<blockquote class='twitter-tweet'><p>Quoted post.</p></blockquote>"
    script = "<script async src='https://platform.twitter.com/widgets.js'></script>"
    html = pruned(
        f"<figure class='embed'><div class='inner'>{tweet}\n{script}</div></figure>"
        f"<div class='x'>{tweet}<p>Sibling.</p></div>"
    )
    assert html.startswith('<body><blockquote class="twitter-tweet">')
    assert '<div class="x"><blockquote' in html  # a wrapper with other content is kept


def test_page_without_body() -> None:
    assert prune(LexborHTMLParser("<html><frameset><frame src='a.html'></frameset></html>")) is None
    root = prune(
        LexborHTMLParser("<html><head><title>t</title></head></html>")
    )  # lexbor adds an empty body
    assert root is not None and body_html(root) == "<html><body></body></html>"


def test_body_selector_picks_the_article() -> None:
    stories = '<div class="story">Story one.</div><div class="story">Story two.</div>'
    root = prune(LexborHTMLParser(f"<body><div class='teaser'>Teaser</div>{stories}</body>"))
    assert root is not None
    assert body_html(root, ".story") == f"<html><body>{stories}</body></html>"
    assert "Teaser" in body_html(
        root, ".missing"
    )  # a selector that matches nothing falls back to the page
    assert "Teaser" in body_html(root)


def test_selector_errors_for_pack_validation() -> None:
    assert selector_error("div.promo > a[href^='/subscribe']") is None
    assert selector_error("[[") == "Can't parse CSS selector."


def text_of(html: str) -> str:
    body = LexborHTMLParser(html).body
    return body.text() if body else ""


ARTICLE = "<p>" + "An article's paragraph, long enough to be most of the page. " * 4 + "</p>"


@pytest.mark.parametrize(
    "thread",
    [
        "<div id='comments'><p>Great post!</p></div>",
        "<ol class='commentlist'><li>First!</li></ol>",
        "<div class='commentbody by-alan'>I disagree.</div>",
        "<section class='post-comments'><h3>3 Responses</h3><p>Nice.</p></section>",
        "<ul><li id='comment-1234' class='reply'>Thanks for this.</li></ul>",
        "<div class='Article_Comments'>Join the discussion</div>",
    ],
)
def test_comment_thread_goes(thread: str) -> None:
    assert text_of(pruned(f"{ARTICLE}{thread}")) == text_of(pruned(ARTICLE))


FOOTER = "<p>Footer line.</p>"
COMMENT = "<div id='c1'><p>Ha! Our lows were in the 80s.</p></div><p>Posted by: Ellen</p>"


@pytest.mark.parametrize(
    "heading",
    [
        "<h2 id='comments'>Comments</h2>",  # MovableType
        "<h2><a id='comments'></a>Comments</h2>",  # TypePad
        "<h3 class='comments-header'>7 Comments »</h3>",
    ],
)
def test_thread_a_heading_opens_goes_with_the_heading(heading: str) -> None:
    page = f"<div class='entry'>{ARTICLE}{heading}{COMMENT * 3}</div>{FOOTER}"
    assert text_of(pruned(page)) == text_of(pruned(f"<div class='entry'>{ARTICLE}</div>{FOOTER}"))


@pytest.mark.parametrize(
    "heading",
    [
        "<h3 class='comments-link'><a href='#comments'>3 Comments</a></h3>",  # a count, a link
        "<h2 id='comments'>Why the comments matter</h2>",  # an article's subheading
        "<h2 class='section'>Comments</h2>",  # named for nothing
    ],
)
def test_heading_that_opens_no_thread_keeps_what_follows(heading: str) -> None:
    assert "Ha! Our lows" in text_of(pruned(f"{heading}{ARTICLE}{COMMENT}"))


@pytest.mark.parametrize(
    "element",
    [
        "<div class='commentary'><p>The columnist's own words.</p></div>",  # an opinion article
        "<p class='comment'>A paragraph styled as an aside.</p>",  # no container: text rules decide
        "<span class='comment-count'>3 comments</span>",
        "<div class='recommended'>Also read</div>",
    ],
)
def test_element_named_otherwise_stays(element: str) -> None:
    assert text_of(pruned(f"{ARTICLE}{element}")) != text_of(pruned(ARTICLE))


def test_comment_named_wrapper_of_the_article_stays() -> None:
    html = pruned(f"<div class='entry has-comments'>{ARTICLE}<div id='comments'>Nice.</div></div>")
    assert "An article's paragraph" in html and "Nice." not in html


CARD = (
    "<p>The mayor, <span class='people'><a href='/people/ana-ruiz'>Ana Ruiz</a>"
    "<span class='card'><span><img src='/ruiz.jpg'><a href='/people/ana-ruiz'>Ana Maria Ruiz"
    "</a><a href='/news/1'>Mayor defends the harbour plan</a> <a href='/news/2'>City drops"
    " parking rules</a></span></span></span> (L), defended the budget.</p>"
)


@pytest.mark.parametrize("page", [pruned, for_extractors], ids=["prune", "without"])
def test_a_hover_card_inside_a_sentence_goes_and_the_name_stays(page: Callable[[str], str]) -> None:
    """A person's card (photo, full name, latest headlines) sits inside the sentence that names
    them; every route read its headlines as part of the paragraph."""
    html = page(
        CARD + "<p>A photo of <span><img src='/x.jpg'><a href='/a'>the</a> harbour</span>"
        " and <span><a href='/b'>two</a> <a href='/c'>links</a></span> stay.</p>"
    )
    text = " ".join(LexborHTMLParser(html).body.text(separator=" ").split())
    assert "The mayor, Ana Ruiz (L), defended the budget." in text
    assert "Maria" not in text and "parking rules" not in text
    assert "the harbour" in text and "two links stay." in text


def test_cards_are_sought_near_images_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph of spans nested 400 deep, an image at every level: only the spans near the
    paragraph are judged, each once (judging every span reads the nest's text at every level)."""
    judged: list[object] = []
    real = cards_module._is_card
    monkeypatch.setattr(cards_module, "_is_card", lambda span: judged.append(span) or real(span))
    pruned("<p>" + "<span><img src='/x.jpg'>" * 400 + "Text." + "</span>" * 400 + "</p>")
    assert 0 < len(judged) <= cards_module.CARD_DEPTH


PHOTO = (
    "<span class='storyimage'><span><img src='/bridge.jpg'></span><span class='caption'>"
    "<span>© Provided by Harbour Press</span> <span>The old harbour bridge</span></span></span>"
)
LEDE = (
    "The council voted on Tuesday to close the old harbour bridge for repairs next spring, after"
    " engineers found corrosion in two of its supports during an inspection in May."
)


@pytest.mark.parametrize("page", [pruned, for_extractors], ids=["prune", "without"])
def test_a_captioned_photo_inside_a_paragraph_gets_a_line_of_its_own(
    page: Callable[[str], str],
) -> None:
    """Inline, the photo's credit opened the paragraph's text: "© Provided by Harbour Press The
    old harbour bridge The council voted…", which the copyright rule removed whole."""
    before, photo, after = page(f"<p>{PHOTO} {LEDE}</p>").split("<br>")
    assert "Harbour Press" in photo and LexborHTMLParser(after).body.text().strip() == LEDE
    byline = page(f"<p>By <span><img src='/ana.jpg'> Ana Ruiz</span>, March 3</p>")
    assert "<br>" not in byline  # an avatar beside a name, in a paragraph of little else


def test_a_paragraph_opened_by_a_photo_credit_stays() -> None:
    rest = (
        "Drivers will be sent over the new ring road while the work goes on, the council said.",
        "Shops on the quay fear they will lose trade for the months the bridge stays shut.",
        "The engineers' report, published on Monday, found two of the supports rusted through.",
        "A ferry will carry people on foot across the harbour every twenty minutes from March.",
    )
    body = f"<p>{PHOTO} {LEDE}</p>" + "".join(f"<p>{p}</p>" for p in rest)
    page = f"<html><head><title>Bridge</title></head><body><article>{body}</article></body></html>"
    text = Cleaner().clean_text(page, html=True).text
    assert text.startswith(LEDE) and "Provided by" not in text
