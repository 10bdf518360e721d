"""The supervisor's child processes: a killed supervisor takes its servers with it, and no
log file is left open in the supervisor for each process it starts."""
import os
import signal
import subprocess
import sys
import time

from apps.processes import spawn, stop_process

PARENT = """
import sys, time
from pathlib import Path
from apps.processes import spawn
child = spawn([sys.executable, "-c", "import time; time.sleep(120)"], Path(sys.argv[1]), Path("."))
print(child.pid, flush=True)
time.sleep(120)
"""


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"  # a zombie is dead, only not yet reaped
    except FileNotFoundError:
        return False


def test_a_child_dies_when_its_parent_is_killed_outright(tmp_path):
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path / "child.log")],
                              stdout=subprocess.PIPE, text=True, cwd=os.getcwd())
    child = int(parent.stdout.readline())
    assert _alive(child)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(child), "the child outlived its killed parent"


def test_no_log_file_stays_open_in_the_parent(tmp_path):
    log = tmp_path / "server.log"
    proc = spawn([sys.executable, "-c", "print('started')"], log, tmp_path)
    proc.wait()
    open_files = {os.path.realpath(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")}
    assert str(log.resolve()) not in open_files
    assert log.read_text().strip() == "started"
    stop_process(proc)  # already ended: nothing to do, no error
