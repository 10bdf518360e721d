"""The staff console: what the bot understood of each turn, and saving a conversation as a
conversation script."""
