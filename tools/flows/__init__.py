"""Conversation scripts staff write in bot/content/flows/, and playing them against the bot."""
