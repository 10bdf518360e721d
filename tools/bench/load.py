"""Load on the running bot: many five-turn conversations at once, over REST and over
socket.io, every reply checked against the reply the same conversation gets when nobody
else is talking (so a lost, partial, swapped or out-of-order reply is caught), and against
the helplines it must name.

Conversations are built from the held-out parent messages (tests/eval/heldout_cases.yaml):
worry, follow-up, worry, follow-up, worry.
"""
import asyncio
import concurrent.futures
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence

import socketio
import yaml

from tools.bench.measure import in_parallel, ms, percentile
from bot.catalogue import catalogue
from apps.paths import ROOT
from apps.bot_client import send

FOLLOW_UPS = ["How do I keep evidence safely?", "How do I talk to my child about this?"]
# socket.io has no end-of-reply marker: a reply that differs from the expected one is taken
# as complete only after this long a silence (under load the tailored bubble from the action
# server can come a second or more after the rest)
QUIET_S = 5.0
TIMEOUT_S = 30


@dataclass(frozen=True)
class Turn:
    text: str
    required: tuple  # groups of helpline keys; the reply names at least one of each
    # (follow-ups name none of their own: their reply is checked against the reference only)


@dataclass
class Outcome:
    times: List[float] = field(default_factory=list)
    lost: List[str] = field(default_factory=list)  # no reply, an error, or a timeout
    wrong: List[str] = field(default_factory=list)  # not the reply this turn gets on its own
    no_helpline: List[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def summary(self, channel: str, conversations: int, concurrency: int, wall: float) -> dict:
        return {"channel": channel, "conversations": conversations, "concurrency": concurrency,
                "messages": len(self.times) + len(self.lost), "lost": len(self.lost),
                "wrong_or_out_of_order": len(self.wrong), "without_helpline": len(self.no_helpline),
                "throughput_msg_s": round(len(self.times) / wall, 2) if wall else 0.0,
                "p50_ms": ms(percentile(self.times, 50)), "p95_ms": ms(percentile(self.times, 95)),
                "p99_ms": ms(percentile(self.times, 99)),
                "examples": (self.lost + self.wrong + self.no_helpline)[:5]}


def scripts(distinct: int = 40) -> List[List[Turn]]:
    cases = yaml.safe_load((ROOT / "tests" / "eval" / "heldout_cases.yaml").read_text(encoding="utf-8"))
    # the cases name helplines as the harness does (by number for the emergency and police
    # lines, STOPITNOW for STOP_IT_NOW); the catalogue's keys differ
    lines = catalogue().helplines
    key = {**{k.replace("_", ""): k for k in lines}, **{lines[k].phone: k for k in ("EMERGENCY", "POLICE")}}
    worries = [Turn(c["text"], tuple(tuple(key.get(k, k) for k in group) for group in c.get("required") or []))
               for c in cases if not c.get("emergency")]  # emergencies end a conversation in real life
    out = []
    for i in range(distinct):
        w = [worries[(i * 3 + k) % len(worries)] for k in range(3)]
        out.append([w[0], Turn(FOLLOW_UPS[i % 2], ()), w[1], Turn(FOLLOW_UPS[(i + 1) % 2], ()), w[2]])
    return out


def bubbles_key(reply: Sequence[dict]) -> tuple:
    """A reply as text and button titles (REST calls them buttons, socket.io quick_replies)."""
    return tuple((b.get("text") or "", tuple(x.get("title", "") for x in b.get("buttons") or b.get("quick_replies") or []))
                 for b in reply)


def references(port: int, convs: Sequence[List[Turn]]) -> List[List[tuple]]:
    """Each script's replies when it is the only conversation."""
    out = []
    for turns in convs:
        sender = f"load-ref-{uuid.uuid4().hex}"
        out.append([bubbles_key(send(port, t.text, sender, timeout=TIMEOUT_S)) for t in turns])
    return out


def check(outcome: Outcome, turn: Turn, reply: Sequence[dict], expected: tuple, took: float, where: str) -> None:
    text = "\n".join(b.get("text") or "" for b in reply)
    named = catalogue().mentions(text)
    with outcome.lock:
        if not reply:
            outcome.lost.append(f"{where}: no reply to {turn.text[:40]!r}")
            return
        outcome.times.append(took)
        if bubbles_key(reply) != expected:
            outcome.wrong.append(f"{where}: unexpected reply to {turn.text[:40]!r}: {text[:80]!r}")
        if turn.required and any(not set(group) & set(named) for group in turn.required):
            outcome.no_helpline.append(f"{where}: {turn.text[:40]!r} named {named}")


def run_rest(port: int, convs: Sequence[List[Turn]], refs, count: int, concurrency: int,
             outcome: Optional[Outcome] = None) -> dict:
    """`outcome` may be passed in to watch the run's progress from another thread."""
    outcome = outcome if outcome is not None else Outcome()

    def play(i: int) -> None:
        turns, sender = convs[i % len(convs)], f"load-rest-{uuid.uuid4().hex}"
        for n, turn in enumerate(turns):
            began = time.perf_counter()
            try:
                reply = send(port, turn.text, sender, timeout=TIMEOUT_S)
            except Exception as exc:  # counted as lost; the run goes on
                with outcome.lock:
                    outcome.lost.append(f"rest {i}.{n}: {type(exc).__name__}: {exc}"[:120])
                continue
            check(outcome, turn, reply, refs[i % len(convs)][n], time.perf_counter() - began, f"rest {i}.{n}")

    wall = in_parallel(range(count), concurrency, play)
    return outcome.summary("REST", count, concurrency, wall)


async def _socket_conversation(port: int, turns: List[Turn], ref: List[tuple], outcome: Outcome, where: str,
                               transport: str) -> None:
    client = socketio.AsyncClient(reconnection=False)
    bubbles: List[dict] = []
    arrived = asyncio.Event()
    confirmed = asyncio.Event()
    client.on("session_confirm", lambda *_: confirmed.set())

    @client.on("bot_uttered")
    async def on_bot(data):
        bubbles.append(data if isinstance(data, dict) else {"text": str(data)})
        arrived.set()

    session = uuid.uuid4().hex
    try:
        await client.connect(f"http://127.0.0.1:{port}", transports=[transport], socketio_path="socket.io",
                             wait_timeout=TIMEOUT_S)
        await client.emit("session_request", {"session_id": session})
        await asyncio.wait_for(confirmed.wait(), TIMEOUT_S)
    except Exception as exc:
        with outcome.lock:
            outcome.lost.extend(f"{where}.{n}: could not connect: {exc}"[:120] for n in range(len(turns)))
        await _close(client)
        return
    try:
        for n, turn in enumerate(turns):
            bubbles.clear()
            arrived.clear()
            began = time.perf_counter()
            first_complete: Optional[float] = None
            await client.emit("user_uttered", {"message": turn.text, "session_id": session})
            deadline = began + TIMEOUT_S
            while time.perf_counter() < deadline:
                try:
                    await asyncio.wait_for(arrived.wait(), QUIET_S)
                    arrived.clear()
                    if bubbles_key(bubbles) == ref[n]:
                        # complete: a stray bubble arriving later would show up in the
                        # next turn's reply and be counted there
                        first_complete = time.perf_counter()
                        break
                except asyncio.TimeoutError:
                    if bubbles:
                        break  # quiet after some bubbles: the reply is as complete as it gets
            took = (first_complete or time.perf_counter()) - began
            check(outcome, turn, list(bubbles), ref[n], took, f"{where}.{n}")
    finally:
        await _close(client)


async def _close(client: socketio.AsyncClient) -> None:
    """Like a closed browser tab: a polite long-polling disconnect waits out the poll (25 s)."""
    try:
        await asyncio.wait_for(client.disconnect(), 1)
    except (asyncio.TimeoutError, Exception):
        pass


async def _run_socketio(port, convs, refs, count, concurrency, transport) -> dict:
    outcome, slots = Outcome(), asyncio.Semaphore(concurrency)

    async def one(i):
        async with slots:
            await _socket_conversation(port, convs[i % len(convs)], refs[i % len(convs)], outcome,
                                       f"socket.io {i}", transport)

    began = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(count)))
    return outcome.summary("socket.io", count, concurrency, time.perf_counter() - began)


# The Python client's websocket transport needs a newer aiohttp than Rasa 3.6 allows, so the
# load runs over socket.io's long-polling transport: the same server events and handlers.
def run_socketio(port: int, convs, refs, count: int, concurrency: int, transport: str = "polling") -> dict:
    # on a thread of its own, so it also works where an event loop is already running
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _run_socketio(port, convs, refs, count, concurrency, transport)).result()


def run_all(port: int, count: int, concurrencies: Sequence[int], distinct: int = 40,
            progress: Callable[[str], None] = lambda s: None) -> List[dict]:
    convs = scripts(distinct)
    progress(f"reference replies for {len(convs)} conversations, one at a time ...")
    refs = references(port, convs)
    results = []
    for concurrency in concurrencies:
        for name, run in (("REST", run_rest), ("socket.io", run_socketio)):
            progress(f"{name}: {count} conversations x 5 turns, {concurrency} at a time ...")
            results.append(run(port, convs, refs, count, concurrency))
    return results


def table(results: Sequence[dict]) -> str:
    head = ("channel", "at once", "convs", "msgs", "lost", "wrong", "no helpline", "msg/s", "p50 ms",
            "p95 ms", "p99 ms")
    rows = [head] + [(r["channel"], r["concurrency"], r["conversations"], r["messages"], r["lost"],
                      r["wrong_or_out_of_order"], r["without_helpline"], r["throughput_msg_s"], r["p50_ms"],
                      r["p95_ms"], r["p99_ms"]) for r in results]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(head))]
    lines = [" | ".join(str(v).ljust(w) for v, w in zip(row, widths)) for row in rows]
    return "\n".join([lines[0], "-+-".join("-" * w for w in widths)] + lines[1:])
