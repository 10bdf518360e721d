"""Talking to a running bot over HTTP: what the supervisor's readiness checks, the tools and
the tests send."""
import json
import urllib.request
import uuid
from typing import List, Optional


def http_json(url: str, payload: Optional[dict] = None, timeout: float = 30.0):
    data = json.dumps(payload).encode() if payload is not None else None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        body = resp.read().decode() or "null"
    return json.loads(body)


def send(port: int, text: str, sender: Optional[str] = None, timeout: float = 30.0) -> List[dict]:
    """One message over the REST channel; the bot's bubbles."""
    sender = sender or "probe-" + uuid.uuid4().hex
    return http_json(f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                     {"sender": sender, "message": text}, timeout=timeout)
