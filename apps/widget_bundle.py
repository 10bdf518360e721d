"""The widget's one script, /widget.js, assembled from its parts in web/widget/ so embedders
keep a single tag: the usage comment, then one function scope holding, in order, where it
runs (page.js), the conversation state (state.js), the rendering (rendering.js), the
transport (transport.js) and the start-up (start.js)."""
from functools import lru_cache

from apps.paths import ROOT

PARTS_DIR = ROOT / "web" / "widget"
PARTS = ("page.js", "state.js", "rendering.js", "transport.js", "start.js")


@lru_cache(maxsize=1)
def widget_js() -> bytes:
    body = "\n".join((PARTS_DIR / name).read_text(encoding="utf-8") for name in PARTS)
    header = (PARTS_DIR / "header.js").read_text(encoding="utf-8")
    return f'{header}(function () {{\n  "use strict";\n\n{body}}})();\n'.encode("utf-8")
