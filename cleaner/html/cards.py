"""Images set inside a sentence's element: hover cards, which go, and captioned photos, which get
a line of their own.

A hover card (a person's photo, full name and latest headlines, shown on hover) is a `<span>` in
a paragraph that holds an image and CARD_LINKS links or more, and almost no text outside them;
the sentence keeps the name it links. A photo with its caption or credit and no such links, that
opens or closes a paragraph of prose, stays but apart: inline, its credit "© Provided by …"
opened the paragraph and the copyright rule took both (a wide page's F1 0.90 to 0.99). A byline's
avatar and name, in a paragraph of little else, and a formula's image inside a sentence are
left as they are.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

CARD_STOPS = frozenset({"p", "li"})  # the sentence's element
CARD_DEPTH = 8  # elements between an image and the sentence's element, at most
CARD_LEVELS = 3  # spans around an image that may be its card
CARD_LINKS = 2
CARD_LINK_SHARE = 0.9
PHOTO_CAPTION_CHARS = 300  # a photo's span holding more text is no caption's
PHOTO_PROSE_CHARS = 100  # the paragraph's text besides the photo's, at least
Ends = tuple[int, str, str]  # a text's length, its first and its last PHOTO_CAPTION_CHARS


def inline_images(root: LexborNode) -> tuple[list[LexborNode], list[LexborNode]]:
    """The hover cards (each image's innermost among the CARD_LEVELS spans around it) and the
    captioned photos' outermost spans, in paragraphs or list items at most CARD_DEPTH elements
    up. Ancestors are walked by hand, a bounded number: a descendant selector ("p span") reads
    every ancestor of every span, and in a deep nest a span's text is long; so each element's
    text is read once, however many images it holds."""
    judged: dict[int, bool] = {}
    seen: dict[int, Ends] = {}
    photos: dict[int, LexborNode] = {}
    for image in root.css("img"):
        spans: list[LexborNode] = []
        node = image.parent
        for _ in range(CARD_DEPTH):
            if node is None or node.tag in CARD_STOPS:
                break
            if node.tag == "span" and len(spans) < CARD_LEVELS:
                spans.append(node)
            node = node.parent
        if node is None or node.tag not in CARD_STOPS or not spans:
            continue  # no sentence around the image, or nothing between them
        for span in spans:
            if span.mem_id not in judged:
                judged[span.mem_id] = _is_card(span)
            if judged[span.mem_id]:
                break
        else:
            if _captioned(spans[-1], node, seen):
                photos[spans[-1].mem_id] = spans[-1]
    # most pages have no card: no need to list their spans
    cards = [s for s in root.css("span") if judged.get(s.mem_id)] if any(judged.values()) else []
    return cards, list(photos.values())


def _captioned(span: LexborNode, paragraph: LexborNode, seen: dict[int, Ends]) -> bool:
    """Whether an image's span holds a caption that opens or closes a paragraph of prose (an
    inline formula's image stands inside a sentence)."""
    size, caption, _ = _ends(span, seen)
    if not 0 < size <= PHOTO_CAPTION_CHARS:
        return False
    whole, head, tail = _ends(paragraph, seen)
    edge = head.startswith(caption) or tail.endswith(caption)
    return edge and whole - size >= PHOTO_PROSE_CHARS


def _ends(node: LexborNode, seen: dict[int, Ends]) -> Ends:
    """A node's text as `_captioned` reads it, remembered by node: a paragraph may hold many
    images, and only its ends are kept, however long it is."""
    if node.mem_id not in seen:
        text = node.text(deep=True).strip()
        seen[node.mem_id] = len(text), text[:PHOTO_CAPTION_CHARS], text[-PHOTO_CAPTION_CHARS:]
    return seen[node.mem_id]


def _is_card(span: LexborNode) -> bool:
    links = span.css("a")
    linked = sum(len(link.text(deep=True).strip()) for link in links)
    text = span.text(deep=True).strip()
    return len(links) >= CARD_LINKS and linked >= CARD_LINK_SHARE * len(text)
