"""Adapters that plug the project's logic (bot/) into Rasa: an NLU component and channels."""
