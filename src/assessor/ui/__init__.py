"""The desktop window: the only package that imports Qt."""

import builtins
import sys

# `import` as Python has it, before PySide6 wraps it (ui.app.unwrap_imports says why)
PLAIN_IMPORT = builtins.__import__

if sys.version_info < (3, 12):  # pragma: no branch
    # PySide6 6.12 on Python 3.11 drops one reference to None for every call of a Qt method
    # that returns nothing (setText, update, drawLine...): None's count (a few thousand at start)
    # reaches zero within minutes of use and the interpreter aborts ("none_dealloc"). From 3.12
    # None is immortal; here we make it so by hand. None is never freed anyway. The same
    # happens to True and False through methods that return a bool (seen as "bool_dealloc"
    # at exit after the heading and count tests), so they get the same treatment.
    import ctypes

    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
