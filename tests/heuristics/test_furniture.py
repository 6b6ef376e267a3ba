"""Each lexicon-driven heuristic, by the blocks it claims and the (kind, rule) it gives them."""

from __future__ import annotations

import pytest
import regex
import yaml

from cleaner.heuristics import heuristics, lexicon, run
from cleaner.lexicon import FLAGS, LEXICON_FILE, AnyOf, branches

from ..conftest import SEEDS, blocks_of

ARTICLE = "The council voted on Tuesday to approve the budget, which includes new funding for libraries and parks."


def _by_id(hid: str):
    return next(h for h in heuristics() if h.id == hid)


CASES = [
    (
        "generic.navigation",
        "navigation",
        [
            "Skip to main content",
            "Back to top",
            "← Running Unbound on an old Raspberry Pi Sewing a bike bag that fits a laptop →",
            "Read more",
            "News | City Hall | Health | Sports | Arts | Transit | Opinion | Obituaries",
            "Like · Reply",
            "View gallery (14 photos)",
            "Ver galería (14 fotos)",
            "Zur Bildergalerie",
            "Zu den Bildern",
        ],
    ),
    (
        "generic.paywall",
        "paywall",
        [
            "Support Quality Journalism.",
            "Enjoy unlimited digital access",
            "Just $1.99 per week for the first 24 weeks",
            "Subscribe now",
            "Already a subscriber?",
            "Already a member? Log in",
            "Become a member",
            "Keep up with Wyndarra for just $2.50 a week with an Examiner membership.",
        ],
    ),
    (
        "generic.cookie",
        "cookie",
        [
            "To view this site properly, enable cookies in your browser. Read our privacy policy to learn more.",
            "How to enable cookies",
            "We use cookies to improve your experience. Accept cookies",
            "Manage preferences",
            "This site uses cookies",
        ],
    ),
    (
        "generic.advertisement",
        "advertisement",
        [
            "ADVERTISEMENT",
            "Story continues below advertisement",
            "Report this ad",
            "Sigue leyendo debajo del anuncio",
            "La suite après cette publicité",
            "Weiterlesen nach der Anzeige",
            "Continua após a publicidade",
            "Continue lendo após o anúncio",
            "Advertisement:",
            "Continue reading the main story",
            "Continue Reading Below",
            "Article continues below",
            "Story continues",
            "ADVERTISEMENT — SCROLL TO KEEP READING",
            "Publicidad",
            "Anzeige",
            "PUBLICITÉ",
            "— Advertisement —",
            "Annons",
            "REKLAMA",
            "--- Reklama ---",
            "Annonce",
        ],
    ),
    (
        "generic.promo",
        "promo",
        [
            "Our Morning Update newsletter is written by our editors. Sign up today.",
            "Follow the author of this article:",
            "Discuss this post on Lobsters or Hacker News, or reply by email.",
            "Subscribe to the Harbour Weekly newsletter for the week's best stories.",
            "Sign up for The Riverside Letter, our fortnightly guide to new writing. Sign up",
            "Enjoying this? Get one deep-dive like this in your inbox every Thursday.",
            "Suscríbete a nuestro boletín diario y recibe cada mañana las noticias más importantes.",
            "Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.",
            "Jeden Morgen die wichtigsten Nachrichten aus Ihrer Stadt – direkt in Ihr Postfach.",
            "Newsletter „Hohenbrück kompakt“",
            "E-Mail-Adresse eingeben | Jetzt kostenlos anmelden",
            "App Store | Google Play",
            "Get breaking news alerts: Download the WMRK 8 app for iPhone or Android.",
            "Follow us on Twitter",
            "Share this article",
            "No spam, we promise. You can unsubscribe at any time.",
            "Have a tip? Jane Doe may be reached at jane@example.com.",
            "POLL: Should the city build more affordable housing?",
            "Vote",
            "Download the KVTR 7 app to get breaking news alerts.",
            "Get the Courier’s Morning Briefing",
            "The day’s top local stories, delivered to your inbox every weekday at 6 a.m.",
            "By signing up, you agree to our Terms of Use and Privacy Policy.",
            "Support independent local news. Our reporting is free to read. Donate now",
            "Reach her at mokafor@northfielddispatch.org.",
            "Corrections? Contact the newsroom at news@harlowledger.ca",
            "Spotted an error? Let us know.",
            "Get the Evening Post in your inbox",
            "Sign me up",
            "We use your sign-up to provide content in ways you've consented to and to improve our understanding of you.",
            "Meld je aan voor de gratis nieuwsbrief van De Dijkbode en begin je dag goed geïnformeerd.",
            "Africa Briefing · Our correspondents on the continent, every Tuesday. Sign up here.",
            "The day's biggest stories, every weekday at 7am. Free, and you can unsubscribe whenever you like.",
            "Our What's On newsletter lands every Thursday with the best events and days out.",
            "Sign up to Ledger Road Running for race previews, results and training tips every Friday.",
            "Newsletter Kuriera: najważniejsze informacje z regionu. Wpisz e-mail: [__] [Zapisuję się]",
            "Podoba Ci się ten artykuł? Wesprzyj lokalne dziennikarstwo – wykup prenumeratę cyfrową.",
            "We're a nonprofit newsroom funded by readers like you. Support independent science journalism.",
            "Have a question about the rent ordinance? Send it to explained@civicledger.news.",
            "Every goal and every talking point from the weekend, straight to your inbox.",
        ],
    ),
    (
        "generic.copyright",
        "copyright",
        [
            "©2020 Bloomberg L.P.",
            "Copyright 2021 The Example Times. All rights reserved.",
            "(c) 2019 Example Media",
        ],
    ),
    (
        "generic.related",
        "related",
        [
            "READ: A Belarusian opposition leader tore up her passport",
            "Related article: Putin, Lukashenko To Talk",
            "Read more: Why rents are rising",
            "MORE FROM THE LEDGER: Transit strike enters third day",
            "BREAKING NEWS: Power outage affects 3,000 customers",
            "RELATED STORY → Boardwalk repair bill blows out to $2.1m",
            "LEER MÁS: Los agricultores piden ayudas urgentes ante la sequía",
            "Te puede interesar: La nueva biblioteca abre con 30.000 volúmenes",
            "Lesen Sie auch: Stadtrat beschließt neuen Haushalt",
            "À lire aussi : La grève des transports se poursuit",
            "Lees ook: Slagerij De Wit vindt toch een opvolger",
            "Läs också: Kommunen bygger ny skola",
            "Czytaj także: Remont mostu na Wiśle potrwa do grudnia",
            "ZOBACZ TEŻ: Tak wyglądają zrealizowane projekty [GALERIA]",
            "Læs også: Så meget regn faldt der i weekenden",
            "Čtěte také: Praha postaví téměř tři stovky družstevních bytů",
        ],
    ),
    (
        "generic.bare-url",
        "url",
        ["https://www.example.com/news/2020/09/13/story", "<https://example.org/a>"],
    ),
    (
        "generic.disclosure",
        "disclosure",
        [
            "If you buy something through this post, we may get a share of the sale.",
            "This article contains affiliate links.",
            "This article was co-published with the Tri-Lakes Courier.",
            "Disclosure statement: Helen Marsh receives research funding from the Eastmoor Trust.",
            "This story is part of Your City, Explained, a series answering readers' questions.",
        ],
    ),
    (
        "generic.bio",
        "author-bio",
        [
            "Jane Doe is a freelance writer based in Toronto. Her work has appeared in many places.",
            "About the author",
            "Joanna Whitlock is the data reporter for The Northfield Dispatch. Reach her at j@x.org.",
        ],
    ),
    (
        "generic.image",
        "caption",
        [
            "[Image: Un autorail TER en gare de Neussargues (Cantal), le 4 mars 2024.]",
            "[Foto: Ansa]",
            "[Image] Harbortown FC captain Luis Ortega celebrates after his third penalty attempt",
            "FILE - In this Aug. 28, 2023, file photo, students walk into Lakeview Middle School.",
        ],
    ),
    (
        "generic.embed",
        "embed",
        [
            "Twitter post by @LarchSheriff",
            "View on Twitter",
            "Play Video",
            "Video above: Iron Herons captain Priya Okafor explains how the team built its robot",
            "Duration 2:14",
            "This video is playable across all supported devices.",
            "Please turn on JavaScript. Media requires JavaScript to play.",
            "This video is hosted by a third party. To watch it, please accept video cookies.",
            "Now Playing",
            "Now Playing: Parents react to the school week vote 0:00 / 2:31 Play Unmute CC Settings",
            "[VIDEO]",
            "Lyt til artiklen · 4 min.",
            "Listen to this article",
            "A post shared by Odessa Kingsley (@odessakingsley)",
            "[IMG]",
        ],
    ),
    (
        "generic.consent",
        "cookie",
        [
            "We and our 143 partners store and access information on your device.",
            "We and our 143 partners store and/or access information on your device, such as "
            "cookies, and process personal data, such as unique identifiers and standard "
            "information sent by your device, for personalised advertising and content, "
            "advertising and content measurement, audience research and services development. "
            "With your permission we and our partners may use precise geolocation data and "
            "identification through device scanning.",
            "You may click to consent to our and our partners’ processing as described above. "
            "Alternatively you may access more detailed information and change your preferences "
            "before consenting or to refuse consenting. Please note that some processing of "
            "your personal data may not require your consent, but you have a right to object "
            "to such processing. Your preferences will apply to this website only.",
        ],
    ),
    (
        "generic.comment-form",
        "comments",
        [
            "Your email address will not be published. Required fields are marked *",
            "Notify me of follow-up comments by email.",
            "Save my name, email, and website in this browser for the next time I comment.",
            "Mail (will not be published) (required)",
            'You may use these HTML tags and attributes: <a href="" title=""> <b> <i>',
            "This is only a preview. Your comment has not yet been posted.",
            "As a final step before posting your comment, enter the letters and numbers you see.",
            "Having trouble reading this image? View an alternate.",
            "Comments are moderated, and will not appear until the author has approved them.",
            "By submitting this comment you agree to the Terms and Conditions",
            "By clicking and submitting a comment I acknowledge the Harbour Post Privacy Policy and "
            "agree to the Harbour Post Terms of Use. I understand that my comments are also being "
            "governed by Facebook, Yahoo, AOL, or Hotmail's Terms of Use and Privacy Policies as "
            "applicable, which can be found here.",
        ],
    ),
    (
        "generic.noscript",
        "boilerplate",
        [
            "This site requires that JavaScript be enabled and the Flash plug-in be installed.",
            "Please enable JavaScript to view the comments powered by Disqus.",
            "To view this video please enable JavaScript, and consider upgrading your browser",
            "Javascript is not enabled on your browser. Please enable javascript to use the "
            "community features on this page.",
            "You need to have javascript enabled to view this page correctly",
            "We have detected that you currently have Javascript disabled.",
            "This slideshow requires JavaScript.",
        ],
    ),
]


@pytest.mark.parametrize(("hid", "kind", "furniture"), CASES, ids=[c[0] for c in CASES])
def test_claims_its_furniture_and_leaves_the_article(
    hid: str, kind: str, furniture: list[str]
) -> None:
    blocks = blocks_of(ARTICLE, *furniture, ARTICLE.replace("Tuesday", "Friday"))
    heuristic = _by_id(hid)
    claimed = list(heuristic.find(blocks, lexicon()))
    assert [b.text for b in claimed] == [blocks_of(f)[0].text for f in furniture]
    assert heuristic.mark.kind == kind and heuristic.mark.rule == hid


@pytest.mark.parametrize("hid", [c[0] for c in CASES])
def test_a_long_paragraph_that_mentions_furniture_words_stays(hid: str) -> None:
    paragraph = (
        "Readers who subscribe now or sign up for the newsletter, the editor said, will be told when "
        "cookies are used, and the story continues below the fold with an advertisement for the new "
        "museum, which opened on Sunday to long queues of visitors from across the region and beyond."
    )
    assert list(_by_id(hid).find(blocks_of(paragraph), lexicon())) == []


# Article sentences that share words with furniture, each with the heuristic it must not fire.
NOT_FURNITURE = [
    ("generic.bio", "The New York Times reports on what went on the day before it collapsed:"),
    ("generic.bio", "Mr. Carrow writes about apples in his diary, noting each tree by name."),
    ("generic.bio", "Joe Biden covers the cost of the federal response, the White House said."),
    ("generic.bio", "New Zealand covers 268,000 square kilometres."),
    ("generic.promo", "Phishing emails sent to your inbox may look like they come from FEMA."),
    ("generic.promo", "Users can download the app for iPhone or Android, the agency said."),
    ("generic.promo", "Des tracts ont été déposés dans votre boîte aux lettres, selon eux."),
    ("generic.promo", "Öffnen Sie keine Anhänge, die unerwartet in Ihr Postfach gelangen."),
    ("generic.promo", "Inscrivez-vous sur les listes électorales, rappelle la lettre du maire."),
    ("generic.promo", "Regístrate en la web del ayuntamiento para recibir el boletín de ayudas."),
    # a blogger's aside after the label: prose, where a link line is a headline or a list of them
    (
        "generic.related",
        "RELATED: The mayor's endorsees did not fare well. Aside from the two incumbents who were"
        " never in danger, most of the slate went down in flames on election night.",
    ),
]


@pytest.mark.parametrize(("hid", "line"), NOT_FURNITURE)
def test_an_article_sentence_with_furniture_words_stays(hid: str, line: str) -> None:
    assert list(_by_id(hid).find(blocks_of(line), lexicon())) == []


def test_moved_blocks_carry_their_field() -> None:
    blocks = blocks_of(ARTICLE, "READ: Another story", "https://example.com/x")
    run(blocks)
    assert [(b.mark.field if b.mark else None) for b in blocks] == [None, "related", "link"]


def test_a_pack_can_switch_a_heuristic_off() -> None:
    blocks = blocks_of(ARTICLE, "ADVERTISEMENT")
    run(blocks, disabled={"generic.advertisement"})
    assert blocks[1].mark is None or blocks[1].mark.rule != "generic.advertisement"


def _lexicon_lists() -> dict[str, list[str]]:
    data = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    lists = {name: entry["patterns"] for name, entry in data["furniture"].items()}
    return lists | {
        key: data[key]
        for key in (
            "comment_start",
            "comment_heading",
            "related_heading",
            "about_heading",
            "person_words",
            "self_url_labels",
        )
    }


@pytest.mark.parametrize(
    ("pattern", "alternatives"),
    [
        (
            r"^a(b|c)|[|\]]d|e\|f|[^]|]g",
            ["^a(b|c)", r"[|\]]d", r"e\|f", "[^]|]g"],
        ),  # groups, classes, escapes
        (r"[[:alpha:]|]x|y", ["[[:alpha:]|]x", "y"]),  # a POSIX class inside a class
        (
            r"(?s)^a.b|c.d",
            [r"(?:(?s)^a.b|c.d)"],
        ),  # a global flag covers every alternative: no split
        (r"^a(?#x|y)|b", [r"(?:^a(?#x|y)|b)"]),
    ],
)
def test_patterns_split_at_their_top_level_bars(pattern: str, alternatives: list[str]) -> None:
    assert branches(pattern) == alternatives


def test_any_of_finds_what_one_union_of_the_lexicon_finds() -> None:
    """Regrouping by anchoring changes no answer: each lexicon list, searched and matched as
    AnyOf and as the plain union of its patterns, over the lines of the seeds and every
    furniture example in this module."""
    lines = {
        line.strip()
        for seed in SEEDS
        for line in seed.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    lines |= {text for _, _, examples in CASES for text in examples} | {ARTICLE}
    # Other first characters too (the anchored alternatives are picked by the first one).
    lines |= {t[cut:] for t in list(lines) for cut in (1, 2, 4)} | {"", " ", "É", "Éditorial"}
    for patterns in _lexicon_lists().values():
        union = regex.compile("|".join(f"(?:{p})" for p in patterns), FLAGS)
        any_of = AnyOf.of(patterns)
        assert all(
            regex.compile(b, FLAGS) for p in patterns for b in branches(p)
        )  # each alternative stands alone
        assert [any_of.search(t) for t in lines] == [union.search(t) is not None for t in lines]
        assert [any_of.match(t) for t in lines] == [union.match(t) is not None for t in lines]


@pytest.mark.parametrize(
    "text",
    ["", " Read", "read", "READ", "«Read", "Élan", "élan", "eLAN", "9 min", "x", "\0x", "Ωmega"],
)
def test_anchored_alternatives_picked_by_the_first_character_answer_as_the_union(
    text: str,
) -> None:
    """Alternatives whose first character is optional, a class, a group, in another case, a
    look-ahead or nothing at all are all tried when they can start with the text's first."""
    patterns = [
        r"^(?:\s*|«)read",
        r"^[ée]lan\b",
        r"^\d+ min",
        r"^(?=x)\w",
        r"^(?:ωmega)?$",
        r"^.?lan",
        r"^\0x",
    ]
    union = regex.compile("|".join(f"(?:{p})" for p in patterns), FLAGS)
    any_of = AnyOf.of(patterns)
    assert any_of.match(text) == (union.match(text) is not None)
    assert any_of.search(text) == (union.search(text) is not None)


@pytest.mark.parametrize(
    ("text", "search", "match"),
    [
        ("Read more", True, True),  # anchored alternative at the start
        ("Please read more", False, False),  # anchored alternatives match only at the start
        ("We sell all rights reserved", True, False),  # a floating alternative anywhere
        ("All rights reserved", True, True),
        ("Nothing here", False, False),
    ],
)
def test_any_of_tries_anchored_alternatives_at_the_start_only(
    text: str, search: bool, match: bool
) -> None:
    patterns = AnyOf.of([r"^read more$|\ball rights reserved$", "^nothing$"])
    assert (patterns.search(text), patterns.match(text)) == (search, match)


def test_short_lines_between_two_lines_of_one_furniture_are_its_own() -> None:
    blocks = blocks_of(
        ARTICLE,
        "POLL: Is the plan good?",
        "Yes",
        "No",
        "Vote",
        "Share this story",
        ARTICLE.replace("Tuesday", "Friday"),
    )
    run(blocks)
    assert [b.mark.rule if b.mark else None for b in blocks] == [
        None,
        "generic.promo",
        "generic.between-furniture",
        "generic.between-furniture",
        "generic.promo",
        "generic.promo",
        None,
    ]


def test_a_subheading_between_two_ad_markers_stays() -> None:
    blocks = blocks_of(ARTICLE, "Advertisement", "What happens next", "Advertisement", ARTICLE)
    run(blocks)
    assert blocks[2].mark is None


def test_an_embedded_posts_text_goes_with_it() -> None:
    post = (
        "Highway 14 remains CLOSED in both directions. Please avoid the area and use other routes."
    )
    blocks = blocks_of(
        ARTICLE, "Twitter post by @LarchSheriff", post, "View on Twitter", ARTICLE[:60]
    )
    run(blocks)
    assert [b.mark.rule if b.mark else None for b in blocks][1:4] == [
        "generic.embed",
        "generic.between-furniture",
        "generic.embed",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Enable JavaScript in Chrome: open Settings, then Privacy.",
        "This video is unavailable in China, where YouTube is blocked.",
    ],
)
def test_a_how_to_line_about_video_or_javascript_is_no_player_notice(line: str) -> None:
    blocks = blocks_of(ARTICLE, line)
    assert list(_by_id("generic.embed").find(blocks, lexicon())) == []


# Article sentences that this stop's first furniture patterns claimed (a review found them).
ARTICLE_SENTENCES = [
    "“Our church newsletter goes out every Sunday,” said the Rev. Maria Lopez, who leads it.",
    "Scammers are now sending fake delivery notices straight to your inbox, police warned.",
    "The foundation was set up in 2019 to support independent journalism in Hungary.",
    "Last year, about 400 families came to the food bank to sign up here.",
    "Meer dan 10.000 inwoners wilden zich aanmelden voor de nieuwsbrief van de gemeente.",
    "Fałszywa strona banku prosiła klientów: podaj swój adres e-mail i hasło.",
    "A post shared by the mayor on Facebook on Sunday drew hundreds of angry comments.",
    "Listen to the story of the man who saved the village.",
    "Comments are moderated by the council before the minutes are published, a clerk said.",
    "La suite après cette publicité a surpris les spectateurs du festival.",
    "Your email address will be published in the register unless you opt out, the board says.",
    "Your email address will not be published in the register, the trust told residents.",
    "Required fields are marked in red on the planning form, which residents must return.",
    "You must be logged in to post a comment on the council's consultation page, it said.",
    "A TikTok video by a 19-year-old nursing student in Ohio, filmed during a night shift, has "
    "drawn 40 million views.",
    "Even if you have JavaScript disabled, the exploit still works, the researchers said.",
    "The new browser runs most pages when JavaScript is disabled, the company said.",
    "Researchers advised users to disable JavaScript in Adobe Reader until a patch ships.",
    "By clicking a link in the email, staff agreed to share their passwords, the audit found.",
    "By posting comments under a false name, he broke the forum's rules, the court heard.",
]


@pytest.mark.parametrize("sentence", ARTICLE_SENTENCES)
def test_no_furniture_rule_claims_an_article_sentence(sentence: str) -> None:
    blocks = blocks_of(ARTICLE, sentence, ARTICLE.replace("Tuesday", "Friday"))
    for hid, _, _ in CASES:
        assert list(_by_id(hid).find(blocks, lexicon())) == [], hid
