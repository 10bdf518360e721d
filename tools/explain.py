"""Show what the trained model understands of messages: intent ranking, entities and the
routing decision (safety net, child typing, most serious concern).

    python -m tools.explain "she flips her phone over when I walk in" ...
    python -m tools.explain --file messages.txt
"""
import asyncio
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


async def explain(texts, model=None):
    from rasa.core.agent import Agent

    from bot.text_input import clean_user_text
    from tools.train import model_path

    agent = Agent.load(str(model or model_path()))
    out = []
    for text in texts:
        parsed = await agent.parse_message(clean_user_text(text))
        out.append({
            "text": text,
            "intent": parsed["intent"],
            "ranking": [(r["name"], round(r["confidence"], 3)) for r in parsed.get("intent_ranking", [])[:4]],
            "entities": [(e["entity"], e["value"]) for e in parsed.get("entities", [])],
            "routing": parsed.get("tyg"),
        })
    return out


def main(argv):
    if argv[:1] == ["--file"]:
        texts = [l.strip() for l in open(argv[1], encoding="utf-8") if l.strip()]
    else:
        texts = argv
    for row in asyncio.run(explain(texts)):
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
