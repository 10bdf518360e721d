"""The process supervisor: start the action server, the Rasa server and the web server, wait
until the bot really answers, and stop them together (a server that dies stops the rest).

    python -m apps.supervisor [--model models/tyg-....tar.gz]   # `make run` trains first, then this

Settings (bot/settings.py, checked before anything starts): the ports, CORS_ORIGINS, and the
HTTP API, which stays off unless RASA_ENABLE_API=1 with RASA_AUTH_TOKEN set, or when the staff
console is on (TYG_STAFF_TOKEN), with a random token only the console knows. Conversations go
to the private tracker store (stores/storage.py: SQLite in the data folder, or
TYG_DATABASE_URL), with a Redis lock store if TYG_REDIS_URL is set; old ones are deleted every
6 hours (stores/retention.py). Secrets may also come from an untracked file (var/secrets.env).
"""
import argparse
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional
from urllib.parse import urlsplit

from apps.bot_client import http_json, send
from apps.paths import MODELS, RASA, ROOT, RUN_DIR, quiet_env, serving_env
from apps.processes import spawn, stop_process
from apps.rasa_server import TOKEN_VARIABLE
from apps.staff.console import staff_token
from bot import settings
from stores.retention import schedule


@dataclass
class Bot:
    model: Path
    rasa_port: int = 5005
    action_port: int = 5055
    web_port: Optional[int] = None
    log_dir: Path = RUN_DIR
    processes: List[subprocess.Popen] = field(default_factory=list)
    action: Optional[subprocess.Popen] = None
    rasa: Optional[subprocess.Popen] = None
    api_token: Optional[str] = None
    endpoints: Optional[Path] = None

    def start_actions(self) -> None:
        self.action = spawn([RASA, "run", "actions", "--actions", "actions", "--port", str(self.action_port)],
                            self.log_dir / f"actions-{self.action_port}.log", ROOT, quiet_env())
        self.processes.append(self.action)
        wait_for(lambda: http_json(f"http://127.0.0.1:{self.action_port}/health", timeout=2), 120,
                 "action server")

    def stop_actions(self) -> None:
        if self.action:
            stop_process(self.action)
            self.processes.remove(self.action)
            self.action = None

    def start_rasa(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.endpoints = self.log_dir / f"endpoints-{self.rasa_port}.yml"
        self.endpoints.write_text(endpoints_yaml(self.action_port))
        cmd = [RASA, "run", "--model", str(self.model), "--port", str(self.rasa_port),
               "--credentials", "credentials.yml", "--endpoints", str(self.endpoints)]
        origins = settings.get("CORS_ORIGINS")
        if not origins and self.web_port:
            origins = (f"http://localhost:{self.web_port}", f"http://127.0.0.1:{self.web_port}")
        if origins:
            cmd += ["--cors", *origins]
        if settings.get("RASA_ENABLE_API"):
            self.api_token = settings.get("RASA_AUTH_TOKEN")
            if not self.api_token:
                raise SystemExit("RASA_ENABLE_API=1 needs RASA_AUTH_TOKEN")
        elif staff_token() and not self.api_token:
            # the staff console reads trackers through Rasa's API: on, with a random token
            self.api_token = secrets.token_hex(32)
        env = serving_env()
        if self.api_token:  # in the environment, never in argv (the process list shows argv)
            cmd = [sys.executable, "-m", "apps.rasa_server", *cmd[2:], "--enable-api"]
            env[TOKEN_VARIABLE] = self.api_token
        proc = spawn(cmd, self.log_dir / f"rasa-{self.rasa_port}.log", ROOT, env)
        self.rasa = proc
        self.processes.append(proc)
        # ready means a real answer: the first message also pays TensorFlow's lazy start-up
        wait_for(lambda: send(self.rasa_port, "hello", timeout=60), 300, "Rasa server",
                 alive=proc)

    def stop_rasa(self) -> None:
        if self.rasa:
            stop_process(self.rasa)
            self.processes.remove(self.rasa)
            self.rasa = None

    def start_web(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        env = quiet_env()
        env.update({"WEB_PORT": str(self.web_port), "RASA_PORT": str(self.rasa_port),
                    "TYG_RASA_API_TOKEN": self.api_token or ""})
        proc = spawn([sys.executable, "-m", "apps.web"], self.log_dir / f"web-{self.web_port}.log",
                     ROOT, env)
        self.processes.append(proc)
        wait_for(lambda: http_json(f"http://127.0.0.1:{self.web_port}/healthz", timeout=2), 60,
                 "web server", alive=proc)

    def start(self) -> "Bot":
        self.start_actions()
        self.start_rasa()
        if self.web_port:
            self.start_web()
        return self

    def stop(self) -> None:
        for proc in reversed(self.processes):
            stop_process(proc)
        self.processes.clear()
        self.action = self.rasa = None


def endpoints_yaml(action_port: int) -> str:
    """Rasa's endpoints: the action server, the private tracker store (stores.storage says
    where), and with TYG_REDIS_URL the atomic Redis lock store (rasa_ext.lock_store), so
    replicas can share conversations. Passwords stay in the environment: Rasa fills ${VAR}."""
    text = (f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n'
            "tracker_store:\n  type: rasa_ext.tracker_store.PrivateTrackerStore\n")
    redis = settings.get("TYG_REDIS_URL")
    if redis:
        url = urlsplit(redis)
        text += ("lock_store:\n  type: rasa_ext.lock_store.AtomicRedisLockStore\n"
                 f"  url: {url.hostname}\n  port: {url.port or 6379}\n"
                 f"  db: {int(url.path.strip('/') or 0)}\n  key_prefix: tyg\n")
        if settings.get("TYG_REDIS_PASSWORD"):
            text += "  password: ${TYG_REDIS_PASSWORD}\n"
    return text


def load_secrets(path: Optional[Path] = None) -> None:
    """KEY=value lines from an untracked file (TYG_SECRETS_FILE, default var/secrets.env)
    into the environment; what the environment already has wins."""
    path = Path(path or settings.get("TYG_SECRETS_FILE") or ROOT / "var" / "secrets.env")
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            os.environ.setdefault(key.strip(), value.strip().strip('"').strip("'"))


def wait_for(probe, seconds: float, what: str, alive: Optional[subprocess.Popen] = None) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if alive is not None and alive.poll() is not None:
            raise RuntimeError(f"{what} exited with code {alive.returncode}; see {RUN_DIR}")
        try:
            if probe():
                return
        except Exception:  # not up yet
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not become ready within {seconds:.0f}s; see {RUN_DIR}")
        time.sleep(1)


def serve(model: Path) -> None:
    """Serve this model until Ctrl-C or SIGTERM; a server that dies stops the rest."""
    bot = Bot(model, settings.get("RASA_PORT"), settings.get("ACTION_PORT"), settings.get("WEB_PORT"))
    stopping = []
    stop_retention = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
    try:
        bot.start()
        print(f"Trust Your Gut is answering on http://localhost:{bot.rasa_port} "
              f"(REST: /webhooks/rest/webhook, socket.io: /socket.io).\n"
              f"Chat page: http://localhost:{bot.web_port}/  Schools page: "
              f"http://localhost:{bot.web_port}/schools", flush=True)
        if staff_token():
            print(f"Staff console: http://localhost:{bot.web_port}/staff (the token is in TYG_STAFF_TOKEN)",
                  flush=True)
        print("Ctrl-C stops it.", flush=True)
        schedule(stop_retention)
        while not stopping and all(p.poll() is None for p in bot.processes):
            time.sleep(1)
        if not stopping:
            print(f"A server stopped unexpectedly; see {RUN_DIR}", file=sys.stderr)
            sys.exit(1)
    except KeyboardInterrupt:
        pass
    finally:
        stop_retention.set()
        bot.stop()
        print("stopped", flush=True)


def prepare() -> None:
    """Secrets into the environment, then every setting checked: a bad one stops here."""
    load_secrets()
    try:
        settings.check()
    except settings.SettingError as exc:
        raise SystemExit(str(exc)) from None


def newest_model() -> Path:
    models = sorted(MODELS.glob("tyg-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise SystemExit(f"no model in {MODELS}: run `make train` (or `make run`, which trains)")
    return models[-1]


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, help="the model to serve (default: the newest in models/)")
    args = parser.parse_args(argv)
    prepare()
    serve(args.model or newest_model())


if __name__ == "__main__":
    main()
