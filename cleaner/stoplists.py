"""Stopwords in 100 languages (jusText's lists, which trafilatura already installs; for Chinese
and Japanese, characters), and a page's language guessed from them: the list that covers most of
the page's words.

Whether a block reads as prose is measured by its share of stopwords, which needs the page's
language; guessing it from the stoplists themselves needs no language detector and works for
every language that has a list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

import numpy as np
from justext.utils import get_stoplist, get_stoplists

# Languages written without spaces, whose words are characters (`features.words_of`): the
# characters that do a stopword's work. Japanese: the hiragana, which carry its particles,
# endings and auxiliaries; Chinese: its commonest function characters, simplified and traditional.
CHARACTER_LISTS = {
    "Japanese": frozenset(chr(c) for c in range(0x3041, 0x3097)),
    "Chinese": frozenset(
        "的了是在和有我不这也就都而及与着之为他她们个一上中到说要会对以可能你那将所但把被让从因"
        "如于其很又等还或没來這們個為說會對於與將從讓還沒後時"
    ),
}


@cache
def _table() -> tuple[tuple[str, ...], dict[str, int], np.ndarray]:
    """The languages; for each stopword, the row of the matrix that says which languages' lists
    hold it (one row per distinct set of languages, 0/1 per language)."""
    languages = tuple(sorted({*get_stoplists(), *CHARACTER_LISTS}))
    masks: dict[str, int] = {}
    for bit, language in enumerate(languages):
        for word in stopwords(language):
            masks[word] = masks.get(word, 0) | (1 << bit)
    distinct = sorted(set(masks.values()))
    row_of = {mask: row for row, mask in enumerate(distinct)}
    matrix = np.array(
        [[(mask >> bit) & 1 for bit in range(len(languages))] for mask in distinct], dtype=np.int64
    )
    return languages, {word: row_of[mask] for word, mask in masks.items()}, matrix


@cache
def stopwords(language: str) -> frozenset[str]:
    return CHARACTER_LISTS.get(language) or frozenset(get_stoplist(language))


# ISO 639 codes of the lists' names (from babel's names where they agree, by hand where not).
ISO_639 = dict(
    pair.split("=")
    for pair in """
Afrikaans=af Albanian=sq Arabic=ar Aragonese=an Armenian=hy Aromanian=rup Asturian=ast
Azerbaijani=az Basque=eu Belarusian=be Belarusian_Taraskievica=be Bengali=bn
Bishnupriya_Manipuri=bpy Bosnian=bs Breton=br Bulgarian=bg Catalan=ca Cebuano=ceb Chinese=zh
Chuvash=cv Croatian=hr Czech=cs Danish=da Dutch=nl English=en Esperanto=eo Estonian=et
Finnish=fi French=fr Galician=gl Georgian=ka German=de Greek=el Gujarati=gu Haitian=ht
Hebrew=he Hindi=hi Hungarian=hu Icelandic=is Ido=io Igbo=ig Indonesian=id Irish=ga Italian=it
Japanese=ja Javanese=jv Kannada=kn Kazakh=kk Korean=ko Kurdish=ku Kyrgyz=ky Latin=la Latvian=lv
Lithuanian=lt Lombard=lmo Low_Saxon=nds Luxembourgish=lb Macedonian=mk Malay=ms Malayalam=ml
Maltese=mt Marathi=mr Neapolitan=nap Nepali=ne Newar=new Norwegian_Bokmal=nb
Norwegian_Nynorsk=nn Occitan=oc Persian=fa Piedmontese=pms Polish=pl Portuguese=pt Quechua=qu
Romanian=ro Russian=ru Samogitian=sgs Serbian=sr Serbo_Croatian=sh Sicilian=scn
Simple_English=en Slovak=sk Slovenian=sl Spanish=es Sundanese=su Swahili=sw Swedish=sv
Tagalog=tl Tamil=ta Telugu=te Turkish=tr Turkmen=tk Ukrainian=uk Urdu=ur Uzbek=uz
Vietnamese=vi Volapuk=vo Walloon=wa Waray_Waray=war Welsh=cy West_Frisian=fy
Western_Panjabi=pnb Yoruba=yo""".split()
)
MIN_STOPWORDS = 5  # fewer are no evidence of a language (a headline, a list of names)


def language_code(text: str) -> str | None:
    """The ISO 639 code of a text's language, guessed from its stopwords: the detector that
    costs nothing to install, since jusText's lists ship already. None when too few words tell."""
    words = text.lower().split()
    found = guess_language(words, MIN_STOPWORDS)
    return ISO_639.get(found) if found else None


def guess_language(words: Iterable[str], least: int = 1) -> str | None:
    """The language whose stoplist holds most of `words` (lower-cased), or None when no list
    holds `least` of them; on a tie, the first in alphabetical order."""
    languages, rows, matrix = _table()
    times = Counter(words)
    found = times.keys() & rows.keys()  # each distinct stopword once, intersected in C
    if not found:
        return None
    counts = np.array([times[w] for w in found]) @ matrix[[rows[w] for w in found]]
    best = int(np.argmax(counts))
    return languages[best] if counts[best] >= least else None
