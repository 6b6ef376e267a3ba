from __future__ import annotations

import json

import jsonschema

from cleaner import Cleaner

from .conftest import ROOT, SEEDS, load_script

export_schema = load_script("export_schema")


def test_committed_schemas_match_the_models() -> None:
    for path, model in export_schema.SCHEMAS.items():
        assert path.read_text(encoding="utf-8") == export_schema.render(model), (
            f"{path.name} is stale: run scripts/export_schema.py"
        )


def test_seed_metadata_validates_against_the_schema(cleaner: Cleaner) -> None:
    schema = json.loads((ROOT / "schema" / "metadata.schema.json").read_text(encoding="utf-8"))
    for seed in SEEDS:
        jsonschema.validate(json.loads(cleaner.clean_file(seed).metadata.model_dump_json()), schema)
