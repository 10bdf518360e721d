"""Command-line tools: build, train, serve (used by the Makefile and the tests)."""
