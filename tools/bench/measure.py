"""Measuring a running Rasa assistant from outside, over its REST channel: cold start,
one-at-a-time latency, concurrent conversations, resident memory."""
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, List, Optional, Sequence

from apps.bot_client import send

Check = Callable[[List[dict]], bool]  # is this reply a correct one?


def percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def cold_start(start: Callable[[], None], port: int, text: str, check: Check, limit: float = 300) -> float:
    """Seconds from launching the server(s) to the first correct reply."""
    began = time.monotonic()
    start()
    while time.monotonic() - began < limit:
        try:
            if check(send(port, text, timeout=60)):
                return round(time.monotonic() - began, 2)
        except Exception:  # not up yet
            pass
        time.sleep(0.1)
    raise TimeoutError(f"no correct reply on port {port} within {limit:.0f}s")


def one_at_a_time(port: int, texts: Sequence[str]) -> dict:
    times = []
    for text in texts:
        began = time.perf_counter()
        send(port, text)
        times.append(time.perf_counter() - began)
    return {"messages": len(times), "p50_ms": ms(percentile(times, 50)), "p95_ms": ms(percentile(times, 95))}


@dataclass
class Conversation:
    turns: Sequence[str]


def in_parallel(items: Sequence, workers: int, handle: Callable) -> float:
    """handle(item) for every item, on `workers` threads taking the next item as they finish
    one; returns the wall-clock seconds it took."""
    queue, lock = list(items), threading.Lock()

    def worker():
        while True:
            with lock:
                if not queue:
                    return
                item = queue.pop()
            handle(item)

    began = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - began


def concurrent(port: int, conversations: Sequence[Conversation], workers: int) -> dict:
    """Each worker plays whole conversations (turn by turn, one sender each). A lost reply is
    a failed or timed-out request, or an empty reply."""
    times: List[float] = []
    lost: List[str] = []
    lock = threading.Lock()

    def play(conv: Conversation) -> None:
        sender = f"bench-{uuid.uuid4().hex}"
        for text in conv.turns:
            began = time.perf_counter()
            try:
                reply = send(port, text, sender, timeout=60)
                ok = bool(reply)
            except Exception as exc:  # counted, not raised: the run goes on
                reply, ok = str(exc), False
            took = time.perf_counter() - began
            with lock:
                times.append(took)
                if not ok:
                    lost.append(f"{text[:40]!r}: {str(reply)[:80]}")

    wall = in_parallel(conversations, workers, play)
    return {"conversations": len(conversations), "workers": workers, "messages": len(times),
            "throughput_msg_s": round(len(times) / wall, 2), "p50_ms": ms(percentile(times, 50)),
            "p95_ms": ms(percentile(times, 95)), "p99_ms": ms(percentile(times, 99)),
            "lost": len(lost), "lost_examples": lost[:5]}


def rss_mb(pid: int) -> Optional[float]:
    """Resident memory of a process and its children, in MB."""
    total = 0
    pids = [pid]
    try:
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return round(total / 1024, 1) if total else None


def timed(run: Callable[[], None]) -> float:
    began = time.monotonic()
    run()
    return round(time.monotonic() - began, 1)
