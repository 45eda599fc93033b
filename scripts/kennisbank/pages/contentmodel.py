"""The page 'Inhoudsmodel' and the JSON Schema files, both made from the content model itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..model.checks import Catalogue
from ..model.fields import Context, Field, Group, GroupList
from ..model.schema import PRACTICE_SECTIONS, SCHEMAS, json_schema
from .common import Generated
from .templating import page


def schema_json(kind: str, ctx: Context) -> str:
    """The JSON Schema file for one page type."""
    return json.dumps(json_schema(kind, ctx), ensure_ascii=False, indent=2) + "\n"


CONTENT_MODEL_DOC = "bijdragen/inhoudsmodel.md"


def field_rows(fields: Iterable[Field]) -> list[dict[str, Any]]:
    """Every field of a page type and, below a group, its own fields (``bronnen.url``)."""
    rows = []
    for f in fields:
        rows.append({"name": f.name, "required": f.required, "kind": f.kind(), "help": f.help})
        sub = f.fields if isinstance(f, Group) else f.group.fields if isinstance(f, GroupList) else ()
        rows += [{"name": f"{f.name}.{s.name}", "required": s.required, "kind": s.kind(), "help": s.help} for s in sub]
    return rows


def content_model_page(catalogue: Catalogue) -> Generated:
    """Documentation of every field of every page type, from the schema itself (``templates/inhoudsmodel.md``)."""
    layout = catalogue.layout
    content = page("inhoudsmodel.md", {"type": "overzicht"}, doc=CONTENT_MODEL_DOC,
                   soorten=[{"key": kind, "velden": field_rows(fields)} for kind, fields in SCHEMAS.items()],
                   woordenlijsten=catalogue.context.vocab.lists, kopjes=PRACTICE_SECTIONS,
                   mappen={"practices": layout.practices, "programmes": layout.programmes,
                           "content": layout.content, "data": layout.data})
    return Generated(CONTENT_MODEL_DOC, content, "scripts/kennisbank/model/schema.py")


def schema_files(catalogue: Catalogue) -> list[Generated]:
    """The JSON Schemas for editors, one per page type (``schemas/<kind>.schema.json``)."""
    return [Generated(f"schemas/{kind}.schema.json", schema_json(kind, catalogue.context)) for kind in SCHEMAS]
