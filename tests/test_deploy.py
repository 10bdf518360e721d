"""The deployment files, checked as files (neither Docker nor Kubernetes runs here): the
image can write its data as the user it runs as, every part of compose keeps that data on a
volume, and the public address serves no staff pages and compresses what it sends."""
import re

import yaml

from apps.paths import ROOT

DEPLOY = ROOT / "deploy"


def test_the_image_runs_as_a_user_that_owns_its_data_folder():
    text = (DEPLOY / "Dockerfile").read_text()
    data = re.search(r"TYG_DATA_DIR=(\S+)", text).group(1)
    user = re.search(r"^USER (\S+)", text, re.M).group(1)
    assert user not in ("root", "0")
    before_user = text[:text.index(f"USER {user}")]
    assert re.search(rf"chown -R {user}\S* [^\n]*{re.escape(data)}", before_user), "the data folder is not the user's"
    assert f"VOLUME {data}" in text


def test_every_bot_service_keeps_its_data_on_a_volume():
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())
    data = re.search(r"TYG_DATA_DIR=(\S+)", (DEPLOY / "Dockerfile").read_text()).group(1)
    for name in ("rasa", "actions", "web", "retention"):
        volumes = compose["services"][name].get("volumes") or []
        named = [v.split(":")[0] for v in volumes if v.split(":")[1] == data]
        assert named and named[0] in compose["volumes"], name


def test_the_public_address_hides_staff_pages_and_compresses():
    conf = (DEPLOY / "nginx.conf").read_text()
    assert re.search(r"location /staff \{\s*return 404;", conf)
    assert "gzip on;" in conf and "text/javascript" in conf


def test_the_staff_console_reaches_rasa_in_compose_and_no_token_is_on_a_command_line():
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())
    assert compose["services"]["web"]["environment"]["TYG_RASA_INTERNAL_URL"] == "http://rasa:5005"
    rasa = compose["services"]["rasa"]["command"]
    assert rasa.startswith("python -m apps.rasa_server") and "--enable-api" in rasa
    assert "token" not in rasa.lower()


def test_every_module_the_deploy_files_run_exists():
    text = (DEPLOY / "Dockerfile").read_text() + (DEPLOY / "compose.yml").read_text()
    modules = re.findall(r"python -m ([\w.]+)", text)
    assert len(modules) >= 4
    for module in modules:
        path = ROOT.joinpath(*module.split("."))
        assert path.with_suffix(".py").is_file() or (path / "__main__.py").is_file(), module
