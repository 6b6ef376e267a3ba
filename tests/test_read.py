from __future__ import annotations

import codecs
import os

import pytest

from cleaner import Cleaner
from cleaner.read import InputError, decode


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Café “quoted”".encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + "Café".encode("utf-8"), "utf-8-sig"),
        ("Café".encode("utf-16"), "utf-16"),
        ("Café “quoted”".encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_with_bom_and_fallbacks(data: bytes, encoding: str) -> None:
    text, used = decode(data)
    assert used == encoding
    assert text.startswith("Café")


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE])
def test_a_stray_utf16_or_utf32_bom_before_utf8_text_is_dropped(bom: bytes) -> None:
    """Read as UTF-16, the text was a line of CJK ideographs, with no warning."""
    warnings: list[str] = []
    text, used = decode(bom + "The council met on Tuesday. Café".encode("utf-8"), warnings)
    assert (text, used) == ("The council met on Tuesday. Café", "utf-8")
    assert warnings == [
        f"a {'UTF-16' if len(bom) == 2 else 'UTF-32'} byte-order mark before UTF-8 text was dropped"
    ]
    # Real UTF-16 and UTF-32 keep their marks' word: Latin text has NULs, CJK is no UTF-8.
    for text in ("Café “quoted”", "東京は大きい都市です。"):
        for encoding in ("utf-16", "utf-32"):
            assert decode(text.encode(encoding)) == (text, encoding)


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00")


@pytest.mark.parametrize(
    ("char", "removed"),
    [
        ("\x00", True),
        ("\x07", True),
        ("\x1c", True),
        ("\x7f", True),
        ("\x80", True),
        ("\x9f", True),
        ("\x85", False),  # NEL is a line break, not a stray control
        ("\t", False),
        ("\u00c2", False),  # the character whose UTF-8 lead byte C1 controls share
    ],
)
def test_control_characters_are_removed_with_a_warning(char: str, removed: bool) -> None:
    warnings: list[str] = []
    text, _ = decode(
        f"Café {char}text, long enough not to look like binary data.".encode("utf-8"), warnings
    )
    assert (char in text) is not removed
    assert bool(warnings) is removed


def test_terminal_escapes_are_removed_whole() -> None:
    warnings: list[str] = []
    source = "Café \x1b[1mbold\x1b[0m text, long enough not to look like binary data."
    assert (
        decode(source.encode("utf-8"), warnings)[0]
        == "Café bold text, long enough not to look like binary data."
    )
    assert warnings == ["removed 2 control characters or terminal escapes"]


def test_a_folder_or_a_pipe_given_as_a_file_is_named_an_input_error(tmp_path) -> None:
    """`clean explain DIR` and `Cleaner().clean_file(DIR)` raised IsADirectoryError: the check
    ran after `fdopen`, which refuses a folder itself."""
    with pytest.raises(InputError, match="is a folder, not a file"):
        Cleaner().clean_file(tmp_path)
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(InputError, match="not a regular file"):
        Cleaner().clean_file(tmp_path / "pipe")
