"""The one placeholder syntax of content text, in braces:

    {NSPCC}             a helpline from the catalogue (its contact: number, or number or email...)
    {CHILDLINE.phone}   one field of a helpline
    {retention_days}    a value filled in: at load (the retention period) or when replying
                        (the app's name, its steps, the child's age...)

A placeholder nobody fills, or a stray brace, is a content error, never text a parent sees."""
import re
from typing import Mapping, Optional

from bot.content_files import require

PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)(?:\.([a-z_]+))?\}")


def fill(template: str, values: Mapping[str, object] = None, helplines=None, where: str = "",
         keep: frozenset = frozenset()) -> str:
    """The template with its placeholders filled: helplines (capitals) from the catalogue,
    the others from values; names in keep stay as they are, to be filled later."""
    values = values or {}
    require("{" not in PLACEHOLDER.sub("", template) and "}" not in PLACEHOLDER.sub("", template),
            where, f"a brace that is not a placeholder in {template[:60]!r}")

    def one(match: re.Match) -> str:
        name, field = match.groups()
        if name.isupper():
            require(helplines is not None and name in helplines, where, f"unknown helpline placeholder '{match[0]}'")
            value: Optional[str] = getattr(helplines[name], field, None) if field else helplines[name].contact
            require(value, where, f"'{match[0]}' has no value")
            return str(value)
        if name in values and not field:
            return str(values[name])
        require(name in keep and not field, where, f"unknown placeholder '{match[0]}'")
        return match[0]

    return PLACEHOLDER.sub(one, template)
