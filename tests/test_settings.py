"""One settings module: every environment variable the project reads is declared there,
typed and checked, and the README's table lists them all."""
import re
import subprocess
import sys

import pytest

from bot import settings
from apps.paths import ROOT

SOURCES = [p for folder in ("bot", "rasa_ext", "actions") for p in (ROOT / folder).rglob("*.py")]
READ = re.compile(r"""os\.(?:environ\.get|getenv)\(\s*["']([A-Z0-9_]+)|os\.environ\[\s*["']([A-Z0-9_]+)["']\s*\](?!\s*=[^=])""")
NOT_OURS = {"TF_CPP_MIN_LOG_LEVEL"}  # TensorFlow's own, set for the child processes


def test_settings_are_read_only_in_the_settings_module():
    readers = {}
    for path in SOURCES:
        if path.name == "settings.py":
            continue
        for match in READ.finditer(path.read_text(encoding="utf-8")):
            name = match.group(1) or match.group(2)
            if name not in NOT_OURS:
                readers.setdefault(name, []).append(str(path.relative_to(ROOT)))
    assert readers == {}, f"read outside bot/settings.py: {readers}"


def test_every_setting_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", readme, re.M))
    assert rows == set(settings.BY_NAME)


@pytest.mark.parametrize("name, value, message", [
    ("WEB_PORT", "eighty", "port number"),
    ("TYG_RETENTION_DAYS", "-3", "more than 0"),
    ("TYG_RATE_PER_IP", "lots", "count"),
    ("TYG_DATABASE_URL", "dbhost/tyg", "address"),
    ("RASA_ENABLE_API", "yes", "0 or 1"),
])
def test_a_bad_value_is_refused_with_its_name(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(settings.SettingError, match=f"{name}.*{message}"):
        settings.check()


def test_defaults_are_typed(monkeypatch):
    for name in ("WEB_PORT", "TYG_RATE_PER_IP", "TYG_TRUSTED_PROXIES", "TYG_STAFF_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assert settings.get("WEB_PORT") == 8080 and settings.get("TYG_RATE_PER_IP") == "300/minute"
    assert settings.get("TYG_TRUSTED_PROXIES") == ("127.0.0.1", "::1") and settings.get("TYG_STAFF_TOKEN") is None


def test_the_web_server_stops_at_start_up_on_a_bad_setting():
    run = subprocess.run([sys.executable, "-m", "apps.web"], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, env={**__import__("os").environ, "WEB_PORT": "eighty"})
    assert run.returncode != 0 and "WEB_PORT" in run.stderr


def test_the_settings_command_hides_secrets(monkeypatch):
    env = {**__import__("os").environ, "TYG_STAFF_TOKEN": "a-secret-token-12345"}
    run = subprocess.run([sys.executable, "-m", "bot.settings"], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, env=env)
    assert run.returncode == 0 and "TYG_STAFF_TOKEN" in run.stdout and "a-secret-token-12345" not in run.stdout
