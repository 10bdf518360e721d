"""PostgreSQL and Redis for the scale-out test, started from Debian's packages in temporary
folders on their own ports (installed by `make test`; nothing of the system's is touched)."""
import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def free_port() -> int:
    """A port nothing listens on now (the system picks it), so tests never collide."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"{what} did not start on port {port}")


def postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed (make test installs Debian's postgresql)")
    return Path(found[-1]).parent


@contextlib.contextmanager
def postgres(port: int):
    """A throw-away PostgreSQL server; yields its URL (database tyg, user tyg). PostgreSQL
    refuses to run as root, so as root it runs as the postgres user, in a folder straight
    under /tmp (pytest's own temporary folders are closed to other users)."""
    bin_dir = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="tyg-postgres-"))
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    run = lambda *cmd: subprocess.run(as_user + list(cmd), check=True, capture_output=True)  # noqa: E731
    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "tyg", "--auth=trust", "-E", "UTF8")
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "postgres.log"), "-w", "-o",
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
    try:
        _wait_for_port(port, 30, "PostgreSQL")
        run(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "tyg", "tyg")
        yield f"postgresql://tyg@127.0.0.1:{port}/tyg"
    finally:
        subprocess.run(as_user + [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def redis(port: int, password: str = None):
    server = shutil.which("redis-server")
    if not server:
        raise RuntimeError("Redis is not installed (make test installs Debian's redis-server)")
    auth = ["--requirepass", password] if password else []  # as deploy/compose.yml starts it
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", *auth], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        _wait_for_port(port, 20, "Redis")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(10)
