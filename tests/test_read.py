from __future__ import annotations

import codecs

import pytest

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


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
