"""The layers show in the folders, and dependencies point one way:
domain (bot/) <- adapters (stores/, rasa_ext/, actions/) <- applications (apps/) <- tools (tools/).
The domain is plain Python: it never imports Rasa, a web framework or a database driver."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"bot": 0, "stores": 1, "rasa_ext": 1, "actions": 1, "apps": 2, "tools": 3}
NOT_IN_DOMAIN = {"rasa", "rasa_sdk", "sanic", "aiohttp", "sqlalchemy", "redis", "psycopg2", "socketio"}


def imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module.split(".")[0]


def modules():
    return sorted(p for package in LAYERS for p in (ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_a_module_imports_only_its_own_layer_and_those_below(path):
    layer = LAYERS[path.relative_to(ROOT).parts[0]]
    upward = {name for name in imports(path) if LAYERS.get(name, -1) > layer}
    assert not upward, f"{path.relative_to(ROOT)} imports a higher layer: {sorted(upward)}"


def test_the_domain_is_plain_python():
    found = {str(p.relative_to(ROOT)): sorted(set(imports(p)) & NOT_IN_DOMAIN)
             for p in (ROOT / "bot").rglob("*.py")}
    assert not {k: v for k, v in found.items() if v}


def test_the_check_sees_an_upward_import(tmp_path):
    bad = tmp_path / "m.py"
    bad.write_text("from tools.train import train\nimport apps.web\n")
    assert {"tools", "apps"} <= set(imports(bad))
