"""The assessment workspace: scoring, meeting mode, findings, recommendations, follow-up, search.

Import the widgets from their modules (``workspace.workspace``, ``workspace.assessments``,
``workspace.meeting_mode``); this package imports nothing on its own so start-up stays quick.
"""
