"""The command line: the same use cases as the window, no Qt."""
