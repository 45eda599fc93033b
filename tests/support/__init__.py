"""Helpers that several test modules share: one copy each (the repository, the CLI, servers, HTML, Node)."""
