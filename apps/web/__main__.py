"""python -m apps.web: the web server (app.py)."""
from apps.web.app import main

main()
