"""The two assistants the benchmark compares, each in a temporary folder of its own so the
project's models and Rasa cache are never touched: this bot, and the stock assistant that
`rasa init --no-prompt` creates (its scaffold, same Rasa version), served the same way
(`rasa run` with the REST channel)."""
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

import yaml

from bot.catalogue import catalogue
from apps.paths import RASA, ROOT, quiet_env, serving_env
from apps.processes import spawn, stop_process
from apps.supervisor import endpoints_yaml
from tools.build.rasa_files import NLU, RESPONSES, nlu_json
from tools.train import TRAIN_ARGS


@dataclass
class Assistant:
    name: str
    folder: Path
    rasa_port: int
    processes: List[subprocess.Popen] = field(default_factory=list)
    rasa: Optional[subprocess.Popen] = None
    actions: Optional[subprocess.Popen] = None

    def env(self) -> dict:
        env = quiet_env()
        env["RASA_CACHE_DIRECTORY"] = str(self.folder / ".rasa" / "cache")
        return env

    def _popen(self, cmd, log_name: str, cwd: Path, env: Optional[dict] = None) -> subprocess.Popen:
        proc = spawn(cmd, self.folder / log_name, cwd, env or self.env())
        self.processes.append(proc)
        return proc

    def train(self) -> None:
        cmd = [RASA, "train", "--out", str(self.folder / "models"), "--fixed-model-name", "model"]
        with open(self.folder / "train.log", "ab") as log:
            done = subprocess.run(cmd + self.train_args(), cwd=self.folder, env=self.env(),
                                  stdout=log, stderr=subprocess.STDOUT)
        if done.returncode:
            raise RuntimeError(f"{self.name}: training failed; see {self.folder / 'train.log'}")

    def forget_training(self) -> None:
        shutil.rmtree(self.folder / ".rasa", ignore_errors=True)
        shutil.rmtree(self.folder / "models", ignore_errors=True)

    @property
    def model(self) -> Path:
        return self.folder / "models" / "model.tar.gz"

    def stop(self) -> None:
        for proc in reversed(self.processes):
            stop_process(proc)
        self.processes.clear()
        self.rasa = self.actions = None

    # what differs between the two
    def train_args(self) -> List[str]:
        return []

    def launch(self) -> None:
        raise NotImplementedError

    def change_one_response(self) -> None:
        raise NotImplementedError

    def add_one_example(self) -> None:
        raise NotImplementedError

    def correct(self, reply: List[dict]) -> bool:
        raise NotImplementedError


class TrustYourGut(Assistant):
    """This project, copied: config, domain (with the generated responses), data, and the
    spaCy pipeline it points at. Actions and components run from the project itself."""

    probe = "a man on roblox keeps sending my son robux"

    def __init__(self, folder: Path, rasa_port: int, action_port: int):
        super().__init__("trust-your-gut", folder, rasa_port)
        self.action_port = action_port
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("config.yml", "credentials.yml"):
            shutil.copy(ROOT / name, folder / name)
        for name in ("data", "build/domain", "build/data"):
            shutil.copytree(ROOT / name, folder / name, dirs_exist_ok=True)
        shutil.copytree(ROOT / "build" / "spacy_en_tyg", folder / "build" / "spacy_en_tyg", dirs_exist_ok=True)
        # as `make run` serves it: conversations in SQLite (here in the benchmark's folder)
        (folder / "endpoints.yml").write_text(endpoints_yaml(action_port))
        self.helplines = catalogue()

    def train_args(self) -> List[str]:
        return list(TRAIN_ARGS)  # as `make run` trains it

    def launch(self) -> None:
        self.actions = self._popen([RASA, "run", "actions", "--actions", "actions", "--port",
                                    str(self.action_port)], "actions.log", ROOT)
        self.rasa = self._popen([RASA, "run", "--model", str(self.model), "--port", str(self.rasa_port),
                                 "--credentials", str(self.folder / "credentials.yml"),
                                 "--endpoints", str(self.folder / "endpoints.yml")], "rasa.log", self.folder,
                                env={**serving_env(), "RASA_CACHE_DIRECTORY": str(self.folder / ".rasa" / "cache"),
                                     "TYG_DATA_DIR": str(self.folder / "var")})

    def change_one_response(self) -> None:
        path = self.folder / RESPONSES.relative_to(ROOT)
        data = yaml.safe_load(path.read_text())
        data["responses"]["utter_thanks"][0]["text"] += " (Changed for the benchmark.)"
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000))

    def add_one_example(self) -> None:
        path = self.folder / "data" / "nlu" / "greet.yml"
        path.write_text(path.read_text().rstrip("\n") + "\n    - hiya, anyone there for a quick question\n")
        # as `make build` does before training: Rasa reads the examples from build/data/nlu.json
        (self.folder / NLU.relative_to(ROOT)).write_text(nlu_json(path.parent), encoding="utf-8")

    def correct(self, reply: List[dict]) -> bool:
        return bool(self.helplines.mentions("\n".join(b.get("text") or "" for b in reply)))


class StockAssistant(Assistant):
    """The files `rasa init --no-prompt` creates (its scaffold), unchanged."""

    probe = "hello"

    def __init__(self, folder: Path, rasa_port: int):
        super().__init__("stock rasa init", folder, rasa_port)
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-c", "import sys; from rasa.cli.scaffold import "
                        "create_initial_project; create_initial_project(sys.argv[1])", str(folder)],
                       check=True, env=quiet_env())

    def launch(self) -> None:
        self.rasa = self._popen([RASA, "run", "--model", str(self.model), "--port", str(self.rasa_port),
                                 "--credentials", "credentials.yml"], "rasa.log", self.folder)

    def change_one_response(self) -> None:
        path = self.folder / "domain.yml"
        path.write_text(path.read_text().replace('"Hey! How are you?"', '"Hey! How are you doing?"', 1))

    def add_one_example(self) -> None:
        path = self.folder / "data" / "nlu.yml"
        path.write_text(path.read_text().replace("    - hey\n", "    - hey\n    - hiya, anyone there\n", 1))

    def correct(self, reply: List[dict]) -> bool:
        return bool(reply) and all(b.get("text") or b.get("image") for b in reply)
