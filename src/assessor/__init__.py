"""Assessor: assess government agencies' digital maturity, offline, synced by file."""

__version__ = "0.1.0"
