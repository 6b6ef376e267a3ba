"""Text bytes to text: the encoding a text file's bytes were written in, and what decoding them
had to mend (see `read` for the policy). Below both readers: `read` for text files, `html.decode`
for pages, whose declared charset comes first and these fallbacks after.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer
import ftfy

from .inline import normalize_space

CP1252_FALLBACK = "cleaner-cp1252"  # codec error handler: undecodable bytes read as cp1252
_MENDED = {CP1252_FALLBACK: "read them as cp1252", "replace": "each became U+FFFD"}
# Each BOM's encoding, and what its bytes that do not decode become: UTF-8 keeps the cp1252
# fallback of BOM-less files, UTF-16/32 put U+FFFD (a truncated file ends in half a character).
BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", CP1252_FALLBACK),
    (codecs.BOM_UTF32_LE, "utf-32", "replace"),
    (codecs.BOM_UTF32_BE, "utf-32", "replace"),
    (codecs.BOM_UTF16_LE, "utf-16", "replace"),
    (codecs.BOM_UTF16_BE, "utf-16", "replace"),
)
# UTF-16 without a BOM: in mostly-Latin text every other byte is NUL, and only every other one.
UTF16_SNIFF_BYTES = 4096
UTF16_NUL_SHARE = 0.3  # at least this share of one byte position is NUL …
UTF16_OTHER_NUL_SHARE = 0.02  # … and at most this share of the other
# Control characters that are neither text nor whitespace (NUL, BEL, ESC, DEL, C1 controls; the
# separators U+001C-U+001F, which Python's str methods call whitespace and the regex module not), and
# whole terminal escapes ("\x1b[1m"), which would otherwise leave "[1m" behind.
_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# The same characters in UTF-8: looking for them in the encoded text is ten times quicker than
# the scan above, and most texts have none.
_CONTROL_ASCII_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_C1_UTF8 = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]")
# Bytes that are neither UTF-8 nor UTF-16 by their NULs go to charset-normalizer, which reads
# this much of them; a guess whose text has fewer letters and spaces than this share is doubtful.
GUESS_SAMPLE_BYTES = 2**16
MIN_LETTERS_SHARE = 0.7
BINARY_CONTROL_SHARE = 0.05  # text has next to none of them; binary data about a tenth
# Cheap sign of UTF-8 read as cp1252 ("Ã©", "â€™"): a lead byte's character before a
# continuation byte's. Only text that shows it is handed to ftfy, so clean text stays untouched.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# Mojibake is repaired a word at a time, so that the repair cannot depend on neighbours that
# cleaning changes (spaces normalised, lines joined): cleaning the output again repairs nothing
# more. A no-break space right after a lead byte's character belongs to the word ("Ã\xa0" is
# "à"); control characters do too, since C1 controls stand for cp1252's undefined bytes.
_MOJIBAKE_WORD = re.compile(
    "(?:[^ \t\n\r\f\v\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]|(?<=[\u00c2-\u00f4])\xa0)+"
)
MOJIBAKE_ROUNDS = 3  # ftfy settles a word in one or two; a bound all the same
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # an undecodable byte under "surrogateescape"
_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> tuple[str, int]:
    """`text` with its lone surrogates (no Unicode characters: UTF-8 cannot carry them, and a
    string from JSON or an API may hold them) as U+FFFD, and how many there were."""
    return (text, 0) if text.isascii() else _SURROGATE.subn("\ufffd", text)


def surrogates_warning(count: int) -> str:
    """The warning for `count` lone surrogates that `without_surrogates` made U+FFFD. A string
    holds them for text that was not valid Unicode: bytes not valid UTF-8 read with
    "surrogateescape" (as JSONL lines are) or escapes such as `"\\udc80"` in JSON; in a string
    the two cannot be told apart, so JSONL records and `clean_text` say it in these words."""
    characters = f"{count:,} character{'s' * (count != 1)}"
    return f"{characters} not valid Unicode (bad UTF-8 bytes, lone surrogates) became U+FFFD"


def _repair_word(match: re.Match[str]) -> str:
    """A word with its mojibake repaired: first with its control characters (C1 ones can be part
    of it), then as cleaning the output again will read it (no control or invisible characters,
    NFC), until that changes nothing more."""
    word = match.group()
    if not (_MOJIBAKE_HINT.search(word) or _MOJIBAKE_HINT.search(_CONTROL.sub("", word))):
        return word
    fixed = ftfy.fix_encoding(word)
    for _ in range(MOJIBAKE_ROUNDS):
        seen = normalize_space(_CONTROL.sub("", fixed))
        if (again := ftfy.fix_encoding(seen)) == seen:
            break
        fixed = again
    return fixed


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)  # the five bytes cp1252 leaves undefined read as latin-1


_CP1252 = tuple(_cp1252_char(byte) for byte in range(256))


def _as_cp1252(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    return "".join(_CP1252[byte] for byte in err.object[err.start : err.end]), err.end


codecs.register_error(CP1252_FALLBACK, _as_cp1252)


class InputError(Exception):
    """An input that cannot be cleaned; the message names the problem, the caller names the file."""


def _decode_mending(data: bytes, encoding: str, errors: str, warnings: list[str]) -> str:
    """`data` as `encoding`; bytes that do not decode are mended by `errors`, with a warning."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        warnings.append(f"some bytes are not valid {encoding}; {_MENDED[errors]}")
        return data.decode(encoding, errors)


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 byte order the NUL bytes show, if they show one."""
    sample = data[:UTF16_SNIFF_BYTES]
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for encoding, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if pairs and nuls >= UTF16_NUL_SHARE * pairs and other <= UTF16_OTHER_NUL_SHARE * pairs:
            return encoding
    return None


def _guess(data: bytes, warnings: list[str]) -> tuple[str, str]:
    """Bytes in an encoding charset-normalizer names: cp1251, KOI8-R, Shift_JIS, GB18030, UTF-16
    without a BOM… Whatever cp1252 may have written stays cp1252 (on short Western texts the
    detector's first guess is often another code page that reads them wrong). A guess whose text
    is not mostly letters and spaces (random bytes read as box drawing) is named in a warning;
    no guess at all is cp1252, with a warning."""
    matches = charset_normalizer.from_bytes(data[:GUESS_SAMPLE_BYTES])
    best = matches.best()
    if any("cp1252" in match.could_be_from_charset for match in matches) or best is None:
        if best is None:
            warnings.append("the encoding could not be told; read as cp1252")
        return data.decode("cp1252", CP1252_FALLBACK), "cp1252"
    encoding = codecs.lookup(best.encoding).name
    text = data.decode(encoding, "replace")
    if _letters_share(text) < MIN_LETTERS_SHARE:
        warnings.append(f"the encoding is a guess ({encoding}) that reads as little text; check it")
    return text, encoding


def _letters_share(text: str) -> float:
    sample = text[:GUESS_SAMPLE_BYTES]
    return sum(c.isalpha() or c.isspace() for c in sample) / max(len(sample), 1)


def _decode_8bit(data: bytes, warnings: list[str]) -> tuple[str, str]:
    """UTF-8, or a guess when UTF-8 fails. UTF-8 with a few broken bytes (more bytes in valid
    multi-byte characters than invalid ones) stays UTF-8, the broken bytes read as cp1252."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", "surrogateescape")
    invalid = _ESCAPED_BYTE.subn("", escaped)[1]
    if len(data) - len(escaped) > invalid:  # bytes that valid multi-byte characters fold away
        warnings.append(f"bytes not valid UTF-8 ({invalid:,}) read as cp1252")
        return data.decode("utf-8", CP1252_FALLBACK), "utf-8"
    return _guess(data, warnings)


def _decode_any(data: bytes, warnings: list[str]) -> tuple[str, str]:
    for bom, encoding, errors in BOMS:
        if data.startswith(bom):
            if encoding != "utf-8-sig" and _utf8_after_bom(data[len(bom) :]):
                warnings.append(
                    f"a {encoding.upper()} byte-order mark before UTF-8 text was dropped"
                )
                return data[len(bom) :].decode("utf-8"), "utf-8"
            return _decode_mending(data, encoding, errors, warnings), encoding
    if utf16 := _utf16_without_bom(data):
        return _decode_mending(data, utf16, "replace", warnings), utf16
    return _decode_8bit(data, warnings)


def _utf8_after_bom(rest: bytes) -> bool:
    """Whether what follows a UTF-16 or UTF-32 byte-order mark is UTF-8 text, the mark a stray
    one (a tool that prepended it): no NUL byte, which UTF-32 and mostly-Latin UTF-16 are full
    of, and valid UTF-8 throughout, which UTF-16 of other scripts almost never is. Read as
    UTF-16, ASCII text becomes a line of CJK ideographs."""
    if not rest or b"\0" in rest:
        return False
    try:
        rest.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _has_controls(text: str) -> bool:
    """Whether `_CONTROL` would find anything (one regex over the bytes is seven times slower)."""
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded.translate(None, _CONTROL_ASCII_BYTES)) < len(encoded):
        return True
    return _CONTROL_C1_UTF8.search(encoded) is not None


def decode(data: bytes, warnings: list[str] | None = None) -> tuple[str, str]:
    """Return (text, encoding name); what had to be mended is appended to `warnings`.
    Raises InputError for binary data: a share of control characters no text has."""
    warnings = [] if warnings is None else warnings
    text, encoding = _decode_any(data, warnings)
    stripped, controls = _CONTROL.subn("", text) if _has_controls(text) else (text, 0)
    if controls and controls >= BINARY_CONTROL_SHARE * len(text):
        raise InputError(
            f"looks like a binary file ({controls / len(text):.0%} control characters), not text"
        )
    if not text.isascii() and (_MOJIBAKE_HINT.search(text) or _MOJIBAKE_HINT.search(stripped)):
        fixed = _MOJIBAKE_WORD.sub(_repair_word, text)
        if fixed != text:
            warnings.append("repaired mojibake (UTF-8 that had been read as cp1252)")
            stripped, controls = _CONTROL.subn("", fixed)
    if controls:
        warnings.append(f"removed {controls:,} control characters or terminal escapes")
    return stripped, encoding
