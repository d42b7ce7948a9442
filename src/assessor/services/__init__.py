"""Use cases: one function per thing a user does. The window and the command line call these.

Every function takes the Session of the caller's unit of work (``with db.transaction() as s``)
so that several steps can be one transaction, and returns ids or plain data, never live rows
that outlive the session.
"""
