"""Sync by file: packages of full state, a safe import and a conflict-logging merge."""
