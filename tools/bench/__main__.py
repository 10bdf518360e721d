"""python -m tools.bench (the command is in cli.py)."""
import sys

from tools.bench.cli import main

sys.exit(main(sys.argv[1:]))
