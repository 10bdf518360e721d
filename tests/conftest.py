"""Shared fixtures. Tests marked `servers` use one real bot for the whole session: the
model trained from this checkout, the action server and the Rasa server, on their own
ports (TEST_RASA_PORT, TEST_ACTION_PORT) so a bot started by `make run` is not disturbed."""
import os

import pytest

from bot.catalogue import catalogue
from bot.tools.serve import Bot, send


@pytest.fixture(scope="session")
def helplines():
    return catalogue()


@pytest.fixture(scope="session")
def model():
    from bot.tools.train import train

    return train()


@pytest.fixture(scope="session")
def bot(model):
    running = Bot(model, int(os.environ.get("TEST_RASA_PORT", 5105)),
                  int(os.environ.get("TEST_ACTION_PORT", 5155)))
    try:
        running.start()
        yield running
    finally:
        running.stop()


class Chat:
    """One conversation over the REST channel."""

    def __init__(self, port: int, sender: str):
        self.port, self.sender = port, sender

    def say(self, text: str):
        return send(self.port, text, self.sender)


@pytest.fixture
def chat(bot, request):
    return Chat(bot.rasa_port, f"test-{request.node.name}-{os.getpid()}")


def bubble_texts(reply):
    """Every bubble as text, button titles and payloads included (as the harness reads them)."""
    out = []
    for m in reply:
        parts = [m.get("text") or ""]
        for b in m.get("buttons") or []:
            parts += [b.get("title", ""), b.get("payload", "")]
        out.append("\n".join(parts))
    return out
