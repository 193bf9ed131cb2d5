"""The optional poll service beside the build (`portal poll-server`, `portal poll-results`): Python's
standard library and SQLite only. It reads the same poll files as the build (content/polls.py)."""
