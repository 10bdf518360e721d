"""`rasa run` with its HTTP API secret read from the environment, so it never appears in the
process list (argv is readable by every user of the machine). The secret is both the API
token (for an operator's own tools, RASA_ENABLE_API) and the key Rasa checks signed requests
with (JWT): the staff console signs each request instead, so the secret is never in a URL.

    TYG_RASA_API_TOKEN=... python -m apps.rasa_server --model ... --enable-api
"""
import os
import sys

TOKEN_VARIABLE = "TYG_RASA_API_TOKEN"
JWT_METHOD = "HS256"


def main() -> None:
    token = os.environ.pop(TOKEN_VARIABLE, "")
    if not token:
        raise SystemExit(f"{TOKEN_VARIABLE} is not set")
    # added after the process started: /proc/<pid>/cmdline still shows the original argv
    sys.argv = ["rasa", "run", *sys.argv[1:], f"--auth-token={token}", f"--jwt-secret={token}",
                f"--jwt-method={JWT_METHOD}"]
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
