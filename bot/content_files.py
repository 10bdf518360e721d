"""Reading the project's YAML content files, with clear errors for bad content."""
from pathlib import Path
from typing import Any, Dict

import yaml

CONTENT_DIR = Path(__file__).parent / "content"


class ContentError(ValueError):
    """A content file is missing, malformed or inconsistent."""


def load(name: str, directory: Path = CONTENT_DIR) -> Dict[str, Any]:
    path = Path(directory) / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ContentError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ContentError(f"{path}: expected a mapping with 'version: 1'")
    return data


def require(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise ContentError(f"{where}: {message}")
