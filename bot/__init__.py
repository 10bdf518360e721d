"""Trust Your Gut: the project's own logic, plain Python, testable without Rasa."""
