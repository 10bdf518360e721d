"""Delete old conversations, or one conversation on request.

    python -m stores.retention                 # delete conversations idle for over
                                                  # TYG_RETENTION_DAYS days (default 30)
    python -m stores.retention --days 7        # a different limit, this once
    python -m stores.retention --forget ID     # delete one conversation by its id

`make run` runs the first form at start and every RUN_EVERY_HOURS while it serves.
"""
import argparse
import sys
import threading
from datetime import datetime

from stores import storage

RUN_EVERY_HOURS = 6


def apply_retention(days: int = None) -> int:
    days = days or storage.retention_days()
    deleted = storage.delete_older_than(days)
    print(f"{datetime.now():%Y-%m-%d %H:%M} retention: deleted {deleted} conversation(s) idle for "
          f"over {days} days", flush=True)
    return deleted


def schedule(stop: threading.Event, hours: float = RUN_EVERY_HOURS) -> threading.Thread:
    """Apply retention now and then every `hours` until `stop` is set (for `make run`)."""
    def loop():
        while not stop.is_set():
            try:
                apply_retention()
            except Exception as exc:  # a database problem must not stop the bot
                print(f"retention failed: {exc}", file=sys.stderr, flush=True)
            stop.wait(hours * 3600)
    thread = threading.Thread(target=loop, name="retention", daemon=True)
    thread.start()
    return thread


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, help="delete conversations idle for more than this many days")
    parser.add_argument("--forget", metavar="ID", help="delete this one conversation")
    args = parser.parse_args(argv)
    if args.forget:
        events = storage.delete_conversation(args.forget)
        print(f"deleted conversation {args.forget}: {events} event(s)" if events
              else f"no conversation with id {args.forget} is stored")
        return 0
    if args.days is not None and args.days < 1:
        parser.error("--days must be at least 1")
    apply_retention(args.days)
    return 0


if __name__ == "__main__":
    sys.exit(main())
