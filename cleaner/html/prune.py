"""Pre-pass with lexbor: cut what can never be article text before the slower extractor runs.

Trafilatura deletes the same elements itself, but only after lxml has parsed them and its XPath
passes have walked them; removing them here first makes the page it parses several times smaller.
The page's metadata must be read before pruning, since JSON-LD lives in `<script>` elements.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..lexicon import lexicon
from .cards import inline_images

# Code, embeds and widgets: never article text.
CODE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "object",
    "embed",
    "canvas",
)
# Page furniture the extractor deletes anyway (its cleaning list), and the page's or article's
# `<header>` (headline, byline, date: metadata, read before pruning); figures go to the metadata.
FURNITURE_TAGS = (
    "nav",
    "aside",
    "header",
    "footer",
    "menu",
    "button",
    "select",
    "textarea",
    "dialog",
    "figure",
)
# Hidden elements, and ARIA landmarks that are by definition not the main content.
NOT_CONTENT = ", ".join(
    (
        "[hidden]",
        '[aria-hidden="true"]',
        '[role="navigation"]',
        '[role="banner"]',
        '[role="complementary"]',
        '[role="contentinfo"]',
    )
)
# A comment thread's containers name themselves ("comments", "comment-list", "commentbody"), as
# trafilatura's comment XPaths read them ("commentary" is an article's); one that holds more than
# COMMENT_SHARE of the page's text wraps the article as well.
_COMMENT_NAME = re.compile(r"(?:^|[-_])comments?(?!ary|aries)", re.IGNORECASE)
COMMENT_CANDIDATES = ", ".join(
    f"{tag}[{attr}]"
    for tag in ("div", "section", "ol", "ul", "li", "dl", "aside", "form")
    for attr in ("class", "id")
)
COMMENT_SHARE = 0.5
# A blog engine's thread (MovableType's, TypePad's) may have no container: a heading named for
# comments (`<h2 id="comments">`, or an anchor so named inside it) that reads as a comment
# section's ("Comments", "7 Comments »"), and the comments as the siblings after it. A heading
# that links ("3 Comments" pointing at the thread) is a count over the article, not the thread.
HEADINGS = "h1, h2, h3, h4, h5, h6"
ANCHOR_NAMES = ("class", "id", "name")  # `<a name="comments">` marks where a thread begins
MAX_WRAPPERS = 20  # comment-named elements holding more than that share: past this many, stop
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# A form holding more than this share of the page's text wraps the page; any other form is a
# widget (search, login, newsletter, comment box) unless it is ASP.NET WebForms' one server form,
# marked by its __VIEWSTATE field, which wraps the content even where menus stand outside it.
FORM_WRAPPER_SHARE = 0.5
PAGE_FORM = 'input[name="__VIEWSTATE"]'
# Trafilatura's precision mode deletes an empty element together with the text that follows it
# ("…on Wednesday.<div class="fake-br"></div>The stabbing…"): empty blocks that separate text
# become line breaks and empty inline elements go.
BLOCK_TAGS = ("div", "p", "section", "article", "main", "blockquote", "li", "dd", "dt", "pre")
INLINE_TAGS = ("span", "b", "i", "em", "strong", "q")
EMPTY_BLOCKS = ", ".join(f"{tag}:empty" for tag in BLOCK_TAGS)
EMPTY_INLINE = ", ".join(f"{tag}:empty" for tag in INLINE_TAGS)
# Posts quoted in an article are part of its text, but extractors drop their wrappers
# (`<div class="social-media-embed">`), so the wrappers are unwrapped.
EMBEDDED_POSTS = "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed"
WRAPPER_TAGS = frozenset({"div", "span", "figure", "section"})
# libxml2, which trafilatura parses with, gives up past 256 levels and the article is lost; below
# this depth every element but those that hold paragraphs is unwrapped (its content kept).
MAX_DEPTH = 200
_TOO_DEEP = "body" + " > *" * MAX_DEPTH
PARAGRAPH_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "br", "td", "th"}
)


def _drop(nodes: Sequence[LexborNode]) -> None:
    """Delete matches innermost first (they come in document order), so no node outlives its
    parent."""
    for node in reversed(nodes):
        node.decompose()


def _hidden_by_style(root: LexborNode) -> list[LexborNode]:
    return [n for n in root.css("[style]") if _HIDDEN_STYLE.search(n.attributes.get("style") or "")]


def _comment_threads(root: LexborNode) -> list[LexborNode]:
    """The outermost elements named for comments that hold at most COMMENT_SHARE of the text.
    Each candidate's text is read once at most, and no more than MAX_WRAPPERS of them may hold
    more (a chain of nested ones on a hostile page would be read again at every level)."""
    total, found, inside, wrappers = len(root.text(deep=True)), list[LexborNode](), set[int](), 0
    for node in root.css(COMMENT_CANDIDATES):
        if node.mem_id in inside or not _named(node):
            continue
        if len(node.text(deep=True)) > total * COMMENT_SHARE:
            wrappers += 1
            if wrappers > MAX_WRAPPERS:
                break
            continue
        found.append(node)
        inside.update(n.mem_id for n in node.css(COMMENT_CANDIDATES))
    return found


def _named(node: LexborNode, attributes: Sequence[str] = ("class", "id")) -> bool:
    """Whether a word of the node's `attributes` names it for comments."""
    names = " ".join(node.attributes.get(a) or "" for a in attributes)
    return any(map(_COMMENT_NAME.search, names.split()))


def _headed_threads(root: LexborNode) -> list[LexborNode]:
    """Each heading of a comment section that no container holds, and the siblings after it."""
    heading = lexicon().comment_heading
    found: list[LexborNode] = []
    taken: set[int] = set()
    for node in root.css(HEADINGS):
        if node.mem_id in taken or node.css_first("a[href]") is not None:
            continue
        named = any(_named(n, ANCHOR_NAMES) for n in (node, *node.css("a")))
        if named and heading.search(" ".join(node.text(deep=True).split())):
            sibling: LexborNode | None = node
            while sibling is not None and sibling.mem_id not in taken:
                found.append(sibling)
                taken.update(n.mem_id for n in (sibling, *sibling.css("*")))
                sibling = sibling.next
    return found


def _drop_comments(root: LexborNode) -> None:
    """Delete the comment threads: those a container holds, then those a heading opens."""
    _drop(_comment_threads(root))
    _drop(_headed_threads(root))


def _widget_forms(root: LexborNode) -> list[LexborNode]:
    forms = root.css("form")
    if not forms:
        return []
    total = len(root.text(deep=True))
    return [
        f
        for f in forms
        if len(f.text(deep=True)) <= total * FORM_WRAPPER_SHARE and f.css_first(PAGE_FORM) is None
    ]


def _set_apart(tree: LexborHTMLParser, root: LexborNode) -> None:
    """Delete the hover cards inside sentences; set captioned photos on lines of their own."""
    cards, photos = inline_images(root)
    _drop(cards)
    for photo in photos:
        photo.insert_before(tree.create_node("br"))
        photo.insert_after(tree.create_node("br"))


def _only_child(node: LexborNode) -> bool:
    siblings = (
        [n for n in node.parent.iter(include_text=True) if not n.is_empty_text_node]
        if node.parent
        else []
    )
    return siblings == [node]


def _unwrap_embeds(root: LexborNode) -> None:
    for post in root.css(EMBEDDED_POSTS):
        while post.parent is not None and post.parent.tag in WRAPPER_TAGS and _only_child(post):
            post.parent.unwrap()


def _break_empty(tree: LexborHTMLParser, root: LexborNode) -> None:
    for node in reversed(root.css(EMPTY_BLOCKS)):
        if node.next is not None and node.next.is_text_node and not node.next.is_empty_text_node:
            node.replace_with(tree.create_node("br"))
        else:
            node.decompose()
    _drop(root.css(EMPTY_INLINE))


def _flatten_deep(root: LexborNode) -> None:
    """Unwrap the elements nested below MAX_DEPTH, keeping their text and their paragraphs."""
    for top in root.css(_TOO_DEEP):
        for node in top.css("*"):
            if node.tag not in PARAGRAPH_TAGS:
                node.unwrap()


def prune(tree: LexborHTMLParser, remove: Sequence[str] = ()) -> LexborNode | None:
    """Delete code, furniture, hidden elements, widget forms, hover cards, comment threads and the
    `remove` selectors (a pack's) from the page's body, in place; returns the body, or None for a
    page without one."""
    root = tree.body
    if root is None:
        return None
    tree.strip_tags(list(CODE_TAGS))
    _unwrap_embeds(root)  # before furniture goes: a figure may be all that wraps a post
    tree.strip_tags(list(FURNITURE_TAGS))
    _drop(root.css(NOT_CONTENT))
    _drop(_hidden_by_style(root))
    for selector in remove:
        _drop(root.css(selector))
    _drop(_widget_forms(root))
    _set_apart(tree, root)
    _break_empty(tree, root)
    _flatten_deep(root)
    _drop_comments(root)
    return root


def without(tree: LexborHTMLParser, remove: Sequence[str]) -> str:
    """Delete code, the `remove` selectors' elements (a pack's), hover cards and the comment
    threads from the parsed page, in place, and return it as HTML: what an extractor that reads
    the whole page gets, so that a pack's removals hold on every route and no route reads the
    comments or a card's headlines inside a sentence. (Code goes first: a script's text would
    make the article's comment-named wrapper look like a small share of the page.)"""
    tree.strip_tags(list(CODE_TAGS))
    for selector in remove:
        _drop(tree.css(selector))
    if tree.body is not None:
        _set_apart(tree, tree.body)
        _drop_comments(tree.body)
    return tree.html or ""


def body_html(root: LexborNode, body: str | None = None) -> str:
    """The page to extract from: the elements matching the `body` selector when it matches any,
    else the whole (pruned) body. Wrapped in `<html>`, which trafilatura wants to see early."""
    chosen = root.css(body) if body else []
    inner = "".join(node.html or "" for node in chosen) if chosen else root.inner_html or ""
    return f"<html><body>{inner}</body></html>"
