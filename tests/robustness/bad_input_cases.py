"""The README's "Bad input" rows added by issue 13 (hostile inputs, streams, packs, names):
each a `Case` run by test_bad_input.py like the rows before them."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import typer

from cleaner.cli import app
from cleaner.cli.rules import app as rules_app

ARTICLE = (
    "A paragraph of article text about the Café that is long enough to keep, with some words in it.\n\n"
    "Another paragraph of the article, “quoted” and long enough to keep as well.\n"
)
RECORD = {"id": 1, "text": ARTICLE}
BODY = (
    "<body><article><p>"
    + "Words of the article, which go on long enough to be kept. " * 8
    + "</p></article></body>"
)
BODY_TEXT = ("Words of the article, which go on long enough to be kept. " * 8).strip() + "\n"
RUSSIAN = "Президент России Владимир Путин заявил в понедельник, что переговоры с Белоруссией о более тесной интеграции продолжатся.\n"
JAPANESE = "東京都は月曜日、新型コロナウイルスの感染者が新たに確認されたと発表しました。政府は対策を強化する方針です。\n"
CHINESE = "国家主席周一在北京会见了来访的外国领导人，双方就两国关系深入交换了意见。\n"
Setup = Callable[[Path], list[str]]


@dataclass(frozen=True)
class Case:
    """One row: `setup` writes the inputs into a folder and returns the command's arguments
    (`-o OUT` is added unless they have one); `text` is the expected x.txt (None: not written),
    or `check` looks at the output folder itself."""

    name: str
    setup: Setup
    code: int
    says: str
    text: str | None = None
    metadata: dict[str, object] = field(default_factory=dict)  # expected values in x.json
    stdin: bytes | None = None
    root_skips: bool = False  # root reads any file: the case cannot fail as root
    check: Callable[[Path, str], None] | None = None  # (output folder, stdout)
    command: typer.Typer = app


def file_(data: bytes | str, name: str = "x.txt") -> Setup:
    def setup(folder: Path) -> list[str]:
        (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return [str(folder / name), str(folder / "good.txt")]

    return setup


def _jsonl(*lines: bytes | dict, args: tuple[str, ...] = ()) -> Setup:
    def setup(folder: Path) -> list[str]:
        data = b"".join(
            (json.dumps(x).encode() if isinstance(x, dict) else x) + b"\n" for x in lines
        )
        (folder / "in.jsonl").write_bytes(data)
        return [
            "--jsonl",
            str(folder / "in.jsonl"),
            "-o",
            str(folder.parent / "out" / "x.jsonl"),
            *args,
        ]

    return setup


def _records(*ids: object) -> Callable[[Path, str], None]:
    """Check that x.jsonl holds records with these ids, in order."""

    def check(out: Path, stdout: str) -> None:
        found = [
            json.loads(line) for line in (out / "x.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        assert [r["id"] for r in found if "text" in r] == list(ids), found

    return check


def _stdin_records(*ids: object) -> Callable[[Path, str], None]:
    return lambda out, stdout: _check_ids([json.loads(line) for line in stdout.splitlines()], ids)


def _check_ids(found: list[dict], ids: tuple[object, ...]) -> None:
    assert [r["id"] for r in found if "text" in r] == list(ids), found


def _in_folder(make: Callable[[Path], object]) -> Setup:
    """A folder `x` holding a good file and the entry `make` makes in it."""

    def setup(folder: Path) -> list[str]:
        (folder / "x").mkdir()
        (folder / "x" / "a.txt").write_text(ARTICLE, encoding="utf-8")
        make(folder / "x")
        return [str(folder / "x")]

    return setup


def _unreadable_subfolder(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub").chmod(0)


def _loop(folder: Path) -> None:
    (folder / "loop.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop.txt")


def _pack(content: str, name: str = "hostile.yaml") -> Setup:
    def setup(folder: Path) -> list[str]:
        (folder.parent / name).write_text(content, encoding="utf-8")
        return [str(folder / "good.txt"), "--rules", str(folder.parent / name)]

    return setup


def _catastrophic_pack(folder: Path) -> list[str]:
    rules = "".join(
        f"  - {{id: r{i}, kind: promo, action: drop, pattern: '^(\\w|\\w\\w)+$'}}\n"
        for i in range(50)
    )
    content = f"format: 1\nid: hostile\nname: Hostile\ndomains: [hostile.example]\nrules:\n{rules}"
    (folder.parent / "hostile.yaml").write_text(content, encoding="utf-8")
    (folder / "x.txt").write_text(f"{ARTICLE}\n{'A' + 'a' * 39 + '!'}\n", encoding="utf-8")
    return [
        str(folder / "x.txt"),
        "--rules",
        str(folder.parent / "hostile.yaml"),
        "--outlet",
        "hostile",
    ]


def _laughs() -> str:
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        levels.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return (
        "format: 1\nid: laughs\nname: Laughs\ndomains: [laughs.example]\n"
        + "\n".join(levels)
        + "\n"
    )


def _suggest_over_a_sample(folder: Path) -> list[str]:
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(ARTICLE, encoding="utf-8")
    return [
        "suggest",
        str(folder / "a.txt"),
        str(folder / "b.txt"),
        "--outlet",
        "x",
        "-o",
        str(folder / "a.txt"),
    ]


def _unchanged(name: str, content: str) -> Callable[[Path, str], None]:
    def check(out: Path, stdout: str) -> None:
        assert (out.parent / "in" / name).read_text(encoding="utf-8") == content

    return check


def _named(name: bytes, content: str = ARTICLE) -> Setup:
    def setup(folder: Path) -> list[str]:
        path = folder / os.fsdecode(name)
        path.write_text(content, encoding="utf-8")
        return [str(path), str(folder / "good.txt")]

    return setup


def _written_as(name: bytes, text: str) -> Callable[[Path, str], None]:
    def check(out: Path, stdout: str) -> None:
        assert (out / os.fsdecode(name)).read_text(encoding="utf-8") == text

    return check


def _read_as_utf8(name: str, charset: str) -> Case:
    """A page declaring a charset browsers ignore: its text is written, read as UTF-8."""
    page = file_(f'<html><head><meta charset="{charset}"></head>{BODY}</html>', "x.html")
    return Case(name, page, 0, "", None, check=_written_as(b"x.txt", BODY_TEXT))


def _proc(folder: Path) -> list[str]:
    return ["/proc/self/status", "--max-bytes", "100"]


def _every_word_accounted(out: Path, source: str) -> None:
    """Every word of the input is in the text or in a removal record, none twice."""
    metadata = json.loads((out / "x.json").read_text(encoding="utf-8"))
    removed = [w for r in metadata["removed"] for w in r["text"].split()]
    assert sorted((out / "x.txt").read_text(encoding="utf-8").split() + removed) == sorted(
        source.split()
    )


_LINES = "".join(
    random.Random(i).choice(["abc", "de", "fghij", "k", "lmno pq"]) + "\n" for i in range(80_000)
)
_RANDOM = bytes(random.Random(1).randrange(128, 256) for _ in range(2000))
_LONG_URL = f"https://{'a.' * 100_000}com/x"
_OUT_LINK = _in_folder(lambda f: (f / "passwd.txt").symlink_to("/etc/passwd"))

CASES_13 = [
    _read_as_utf8("HTML page declaring a non-text charset (base64)", "base64"),
    Case(
        "canonical link that is no URL (http://[::1)",
        file_(
            f'<html><head><link rel="canonical" href="http://[::1"></head>{BODY}</html>', "x.html"
        ),
        0,
        "",
        None,
        check=_written_as(b"x.txt", BODY_TEXT),
    ),
    Case(
        "Original url: line that is no URL",
        file_(f"Original url: http://[::1\n\n{ARTICLE}"),
        0,
        "",
        ARTICLE,
    ),
    Case(
        "--url that is no URL",
        lambda folder: ["-", "--url", "http://[::1"],
        0,
        "",
        None,
        stdin=ARTICLE.encode(),
        check=lambda out, stdout: _equal(stdout, ARTICLE),
    ),
    Case(
        "JSON-LD nested 100,000 deep",
        file_(
            f'<html><head><script type="application/ld+json">{"[" * 100_000}{"]" * 100_000}</script></head>{BODY}</html>',
            "x.html",
        ),
        0,
        "",
        None,
        check=_written_as(b"x.txt", BODY_TEXT),
    ),
    Case(
        "file name with non-UTF-8 bytes",
        _named(b"x\xff.txt"),
        0,
        "",
        None,
        check=_written_as(b"x\xff.txt", ARTICLE),
    ),
    Case(
        "path component over 255 bytes",
        lambda folder: [str(folder / ("x" * 300 + ".txt")), str(folder / "good.txt")],
        1,
        "File name too long",
    ),
    Case(
        "JSONL record with a lone surrogate (\\udc80)",
        _jsonl(b'{"id": 1, "text": "Caf\\udc80 ' + ARTICLE[2:40].encode() + b'"}', RECORD),
        0,
        "",
        check=_records(1, 1),
    ),
    Case(
        "JSONL record with a 5,000-digit number",
        _jsonl(RECORD, b'{"id": ' + b"9" * 5000 + b', "text": "x"}', RECORD),
        1,
        "in.jsonl:2: not valid JSON here (Exceeds the limit (4300 digits)",
        check=_records(1, 1),
    ),
    Case(
        "JSONL record nested 100,000 deep",
        _jsonl(RECORD, b'{"id": 2, "a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", RECORD),
        1,
        "in.jsonl:2: not valid JSON here: nested too deeply",
        check=_records(1, 1),
    ),
    Case(
        "JSONL record with a URL that is no URL",
        _jsonl({"id": 1, "url": "http://[::1", "text": ARTICLE}),
        0,
        "",
        check=_records(1),
    ),
    Case(
        "JSONL with an invalid UTF-8 byte on stdin",
        lambda folder: ["--jsonl", "-"],
        0,
        "",
        stdin=b'{"id": 1, "text": "Caf\xe9"}\n',
        check=_stdin_records(1),
    ),
    Case(
        "JSONL record with NaN",
        _jsonl(RECORD, b'{"id": NaN, "text": "x"}', RECORD),
        1,
        "in.jsonl:2: not valid JSON here (NaN is not JSON)",
        check=_records(1, 1),
    ),
    Case(
        "JSONL record over --max-bytes",
        _jsonl(RECORD, {"id": 2, "text": ARTICLE * 20}, RECORD, args=("--max-bytes", "1000")),
        1,
        "in.jsonl:2: over the --max-bytes limit of 1,000",
        check=_records(1, 1),
    ),
    Case(
        "missing file among JSONL inputs",
        lambda folder: [
            *_jsonl(RECORD)(folder),
            str(folder / "missing.jsonl"),
            str(folder / "in.jsonl"),
        ],
        1,
        "missing.jsonl: No such file or directory",
        check=_records(1, 1),
    ),
    Case(
        "--strict and a malformed line",
        _jsonl(RECORD, b"[1]", RECORD, args=("--strict",)),
        1,
        "1 record before it written",
        check=_records(1),
    ),
    Case(
        "JSONL with a UTF-8 BOM",
        lambda folder: ["--jsonl", "-"],
        0,
        "",
        stdin=b"\xef\xbb\xbf" + json.dumps(RECORD).encode() + b"\n",
        check=_stdin_records(1),
    ),
    Case(
        "UTF-16 JSONL",
        lambda folder: ["--jsonl", "-"],
        0,
        "",
        stdin=(json.dumps(RECORD) + "\n").encode("utf-16"),
        check=_stdin_records(1),
    ),
    Case(
        "JSONL from a device (/dev/zero)",
        lambda folder: ["--jsonl", "/dev/zero", "-o", str(folder / "out.jsonl")],
        1,
        "/dev/zero: is not a file or a pipe",
    ),
    Case(
        "--jsonl -o the input",
        lambda folder: [*_jsonl(RECORD)(folder)[:2], "-o", str(folder / "in.jsonl")],
        2,
        "is the input",
        check=_unchanged("in.jsonl", json.dumps(RECORD) + "\n"),
    ),
    Case(
        "symbolic link out of an input folder (to /etc/passwd)",
        _OUT_LINK,
        1,
        "passwd.txt: is a symbolic link out of the folder (to /etc/passwd)",
        check=lambda out, stdout: _equal(
            sorted(p.name for p in out.iterdir()), ["a.json", "a.txt"]
        ),
    ),
    Case(
        "FIFO in an input folder",
        _in_folder(lambda f: os.mkfifo(f / "pipe.txt")),
        1,
        "pipe.txt: is not a regular file",
    ),
    Case(
        "broken link in an input folder",
        _in_folder(lambda f: (f / "gone.txt").symlink_to(f / "nothing")),
        1,
        "gone.txt: is a broken symbolic link",
    ),
    Case("link loop in an input folder", _in_folder(_loop), 1, "loop.txt: is a symbolic link loop"),
    Case(
        "unreadable subfolder",
        _in_folder(_unreadable_subfolder),
        1,
        "sub: folder cannot be read: permission denied",
        root_skips=True,
    ),
    Case(
        "pack with a billion laughs (574 bytes)",
        _pack(_laughs()),
        2,
        "more than 100,000 values once aliases are expanded",
    ),
    Case(
        "pack nested 50,000 deep",
        _pack("id: deep\nx: " + "[" * 50_000 + "]" * 50_000 + "\n"),
        2,
        "nested more than 64 deep",
    ),
    Case("pack over 1 MiB", _pack("id: big\n# " + "x" * 2**20 + "\n"), 2, "over 1,048,576 bytes"),
    Case(
        "pack with 50 catastrophic rules",
        _catastrophic_pack,
        0,
        "regex time on this document ran out",
        f"{ARTICLE}\n{'A' + 'a' * 39 + '!'}\n",
    ),
    Case(
        "rules suggest -o an existing file",
        _suggest_over_a_sample,
        2,
        "exists; choose another file with -o",
        command=rules_app,
        check=_unchanged("a.txt", ARTICLE),
    ),
    Case(
        "80,000 short lower-case lines",
        file_(_LINES),
        0,
        "",
        check=lambda out, _: _every_word_accounted(out, _LINES),
    ),
    Case("[a]( repeated 16,000 times", file_("[a](" * 16_000), 0, "", "[a](" * 16_000 + "\n"),
    Case(
        "<http:// repeated 16,000 times",
        file_("<http://" * 16_000),
        0,
        "",
        "<http://" * 16_000 + "\n",
    ),
    Case(
        "a URL of 100,000 labels",
        file_(f"{ARTICLE}\n{_LONG_URL}\n"),
        0,
        "",
        f"{ARTICLE}\n{_LONG_URL}\n",
    ),
    Case(
        "HTML element with 160,000 attributes",
        file_(
            f"<html><body><p {' '.join(f'a{i}=x' for i in range(160_000))}>{BODY_TEXT}</p></body></html>",
            "x.html",
        ),
        0,
        "1 element(s) with more than 512 attributes kept only the first 512",
        None,
        check=_written_as(b"x.txt", BODY_TEXT),
    ),
    Case(
        'more than 200,000 paragraphs ("a." repeated)',
        file_("a.\n\n" * 200_001),
        1,
        "has more than 200,000 paragraphs and lines",
    ),
    Case(
        "/proc file over --max-bytes",
        _proc,
        1,
        "status: is over the --max-bytes limit of 100 (its size said 0)",
    ),
    Case(
        "HTML nested 1,000 deep",
        file_(
            f"<html><body>{'<div>' * 1000}<p>{BODY_TEXT}</p>{'</div>' * 1000}</body></html>",
            "x.html",
        ),
        0,
        "",
        None,
        check=_written_as(b"x.txt", BODY_TEXT),
    ),
    Case(
        "HTML select of 40,000 options",
        file_(
            f"<html><body><p>{BODY_TEXT}</p><select>"
            + "".join(f"<option>Place {i}</option>" for i in range(40_000))
            + "</select></body></html>",
            "x.html",
        ),
        0,
        "35,904 options past the first 4,096 lost their tags (their text kept)",
        None,
        check=_written_as(b"x.txt", BODY_TEXT),
    ),
    Case(
        "HTML paragraph of 20,000 links",
        file_(
            f"<html><body><article><p>{BODY_TEXT}</p><p>"
            + "".join(f'<a href="/{i}">Story {i}</a> ' for i in range(20_000))
            + "</p></article></body></html>",
            "x.html",
        ),
        0,
        "35,904 tags inside paragraphs were dropped, past 4,096 in one or 16,384 on the page",
        None,
        check=_written_as(  # kept as the paragraph of 5,000 links, untouched, is kept
            b"x.txt", f"{BODY_TEXT}\n{' '.join(f'Story {i}' for i in range(20_000))}\n"
        ),
    ),
    Case(
        "HTML div of 40,000 images, a word after each",
        file_(
            f"<html><body><article><p>{BODY_TEXT}</p></article><div>"
            + "<img src=x.png> w " * 40_000
            + "</div></body></html>",
            "x.html",
        ),
        0,
        "x.html: the page has 799,980,002 pairs of sibling elements, over 8,388,608: trafilatura"
        " was not run on it",
        None,
        check=_written_as(  # the images' words kept, as trafilatura keeps those of 3,000
            b"x.txt", f"{BODY_TEXT}\n{' '.join(['w'] * 40_000)}\n"
        ),
    ),
    Case("plain text in a .html file", file_(ARTICLE, "x.html"), 0, "", ARTICLE),
    Case(
        ".md opening with <html>",
        file_(f"<html>\n\n{ARTICLE}", "x.md"),
        0,
        "",
        f"<html>\n\n{ARTICLE}",
    ),
    Case(
        "cp1251 (Russian)", file_(RUSSIAN.encode("cp1251")), 0, "", RUSSIAN, {"encoding": "cp1251"}
    ),
    Case("KOI8-R", file_(RUSSIAN.encode("koi8-r")), 0, "", RUSSIAN, {"encoding": "koi8-r"}),
    Case("EUC-JP", file_(JAPANESE.encode("euc-jp")), 0, "", JAPANESE, {"encoding": "euc_jis_2004"}),
    Case("Shift_JIS", file_(JAPANESE.encode("shift_jis")), 0, "", JAPANESE, {"encoding": "cp932"}),
    Case("GB18030", file_(CHINESE.encode("gb18030")), 0, "", CHINESE, {"encoding": "gb18030"}),
    Case(
        "UTF-16 without a BOM, Japanese",
        file_(JAPANESE.encode("utf-16-le")),
        0,
        "",
        JAPANESE,
        {"encoding": "utf-16-le"},
    ),
    Case(
        "random high bytes",
        file_(_RANDOM),
        0,
        "x.txt: the encoding is a guess (big5) that reads as little text",
        None,
        {"encoding": "big5"},
        check=lambda out, stdout: None,
    ),
    Case(
        "output name of 250 bytes",
        _named(b"x" * 245 + b".txt"),
        0,
        "",
        None,
        check=_written_as(b"x" * 245 + b".txt", ARTICLE),
    ),
    Case(
        "terminal escapes in a file name",
        _named(b"\x1b[31mx.txt", ""),
        0,
        "/\\x1b[31mx.txt: the input is empty",
    ),
    Case(
        "bidi controls in the text (U+202E, U+2066)",
        file_(ARTICLE.replace("Café", "\u202eCafé\u2066")),
        0,
        "",
        ARTICLE,
    ),
    Case(
        "Unicode tag characters spelling hidden words",
        file_(ARTICLE.replace("Café", "Café" + "".join(chr(0xE0000 + ord(c)) for c in "run"))),
        0,
        "",
        ARTICLE,
    ),
    Case(
        "UTF-8 after a stray UTF-16 byte-order mark",
        file_(b"\xff\xfe" + ARTICLE.encode("utf-8")),
        0,
        "x.txt: a UTF-16 byte-order mark before UTF-8 text was dropped",
        ARTICLE,
        {"encoding": "utf-8"},
    ),
    _read_as_utf8("HTML page in ASCII declaring EBCDIC (cp037)", "cp037"),
]


def _equal(found: object, expected: object) -> None:
    assert found == expected, found
