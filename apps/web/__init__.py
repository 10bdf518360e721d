"""The web server parents and schools reach: app.py builds it, routes.py maps URLs to the
views in views.py, and the pages are templates (apps/templates/)."""
