"""Conversation scripts staff write in tests/conversations/, and playing them against the bot."""
