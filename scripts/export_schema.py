"""Write the JSON Schemas pydantic generates from the output types (dataclasses) and the rule pack
model: the output metadata, and the pack schema editors use to check packs as they are typed. A
test keeps them in sync.

    uv run python scripts/export_schema.py
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from cleaner.packs.schema import Pack
from cleaner.result import Metadata, Result

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = {
    ROOT / "schema" / "metadata.schema.json": Metadata,
    ROOT / "schema" / "result.schema.json": Result,
    ROOT / "rules" / "pack.schema.json": Pack,
}


def render(model: type) -> str:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **TypeAdapter(model).json_schema(),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    for path, model in SCHEMAS.items():
        path.write_text(render(model), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
