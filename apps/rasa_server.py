"""`rasa run` with its HTTP API token read from the environment, so the token never appears
in the process list (argv is readable by every user of the machine).

    TYG_RASA_API_TOKEN=... python -m apps.rasa_server --model ... --enable-api
"""
import os
import sys

TOKEN_VARIABLE = "TYG_RASA_API_TOKEN"


def main() -> None:
    token = os.environ.pop(TOKEN_VARIABLE, "")
    if not token:
        raise SystemExit(f"{TOKEN_VARIABLE} is not set")
    # added after the process started: /proc/<pid>/cmdline still shows the original argv
    sys.argv = ["rasa", "run", *sys.argv[1:], f"--auth-token={token}"]
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
