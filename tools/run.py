"""What `make run` does: check the settings, build and train if anything changed, then serve
(apps/supervisor.py) until Ctrl-C.

    python -m tools.run
"""
from apps import supervisor
from tools.train import train


def main() -> None:
    supervisor.prepare()  # a bad setting stops here, before two minutes of training
    supervisor.serve(train())


if __name__ == "__main__":
    main()
