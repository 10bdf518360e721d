"""python -m tools.flows (the command is in cli.py)."""
import sys

from tools.flows.cli import main

sys.exit(main(sys.argv[1:]))
