"""Child processes of the supervisor and the benchmark: started with their output in a log
file, stopped together, and never outliving the process that started them."""
import ctypes
import os
import signal
import subprocess
from pathlib import Path
from typing import Optional, Sequence

PR_SET_PDEATHSIG = 1  # Linux: a signal the kernel sends the child when its parent dies


def _die_with_parent() -> None:  # runs in the child, before exec
    os.setsid()  # its own process group, so stopping it stops everything it started
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: stopped by stop_process only
        pass


def spawn(cmd: Sequence[str], log_path: Path, cwd: Path, env: Optional[dict] = None) -> subprocess.Popen:
    """Start cmd with stdout and stderr appended to log_path. The child ends if this process
    is killed outright (a killed `make run` used to leave servers holding their ports), and
    this process keeps no handle on the log (the child has its own)."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        return subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                preexec_fn=_die_with_parent)


def stop_process(proc: subprocess.Popen) -> None:
    """SIGTERM to the process group, then SIGKILL after 20 s."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
