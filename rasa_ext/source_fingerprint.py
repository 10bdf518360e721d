"""Fingerprints of the project's code that makes something (a trained component, the model,
the spaCy pipeline), so a change to any of it rebuilds what that code made and a stale one
is never served. Used by the trained components (Rasa's cache) and by the build tools."""
import ast
import hashlib
from pathlib import Path
from typing import Iterable, List

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "rasa_ext", "stores", "tools")  # the project's own; anything else is pinned in constraints.txt


def module_file(module: str, root: Path = ROOT) -> Path:
    path = root.joinpath(*module.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def imported_files(modules: Iterable[str], root: Path = ROOT) -> List[Path]:
    """The project's source files these modules run: themselves and everything of the
    project's they import, directly or through each other."""
    seen, todo = {}, list(modules)
    while todo:
        module = todo.pop()
        path = module_file(module, root)
        if module in seen or not path.is_file():
            continue
        seen[module] = path
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level
                     else [])
            todo += [n for n in names if n.split(".")[0] in PACKAGES]
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in PACKAGES:
                todo += [f"{node.module}.{a.name}" for a in node.names]  # "from bot import x"
    return sorted(seen.values())


def digest(paths: Iterable[Path], root: Path = ROOT) -> "hashlib._Hash":
    """A running hash of these files' names and bytes (folders: every file in them)."""
    h = hashlib.sha256()
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()
                                                    and "__pycache__" not in p.parts)
        for f in files:
            h.update(str(f.relative_to(root)).encode())
            h.update(f.read_bytes())
    return h
