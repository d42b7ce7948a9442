"""Plain Python: entities' rules, checklists, scoring, errors. Imports nothing of the project."""
