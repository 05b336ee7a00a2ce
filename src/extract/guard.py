"""The per-article wall-clock guard (``--timeout``), which never fires inside unrelated code.

``SIGALRM`` (``signal.setitimer``) interrupts Python code and ``regex`` matching alike, but its
handler runs wherever the interpreter happens to be, and an exception raised inside a finalizer
(``__del__``), a weakref callback or a garbage-collector callback is not propagated: Python
prints it as an "unraisable exception" and the article carries on. So the handler raises only in
ordinary code; where the exception would be lost it re-arms the alarm a few milliseconds later:

- during a garbage collection (known from ``gc.callbacks``: every finalizer and weakref callback
  a collection runs lies between its ``start`` and ``stop``);
- in a frame of a ``__del__`` or of a known callback (a weakref callback run when a reference
  count drops to zero, logging's lock helpers);
- as a last resort, an ``_Expired`` that was nonetheless swallowed as unraisable is dropped by a
  hook installed for the block (it belongs to this guard) and the alarm, re-armed for
  :data:`BACKSTOP` seconds before every raise, fires again.
"""

from __future__ import annotations

import contextlib
import gc
import random
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

from .errors import InputProblem

__all__ = ["RETRY", "time_limit"]

#: Seconds after which an alarm that could not be raised where it landed rings again.
RETRY = 0.005
#: Seconds after which an alarm whose exception was raised rings again (it was swallowed: still running).
BACKSTOP = 0.1

#: Re-arming times are jittered (×0.5–1.5): an alarm re-armed at a fixed period can stay in phase with
#: a loop of the same period and land in the same callback every time.
_JITTER = random.Random()

_CALLBACK_NAMES = frozenset({"__del__", "_remove", "_releaseLock", "_acquireLock", "_remove_dead_weakref"})


class _Expired(BaseException):
    """Raised by the alarm in the guarded block.

    A ``BaseException`` (like ``KeyboardInterrupt``), so that no ``except
    Exception`` inside an extractor can swallow it and carry on.
    """


class _Collecting:
    """Whether a garbage collection is running, from ``gc.callbacks``.

    Two entries: :meth:`start` first in the list (counted before any other callback runs),
    :meth:`stop` last (uncounted after every other callback has run).
    """

    def __init__(self) -> None:
        self.depth = 0

    def start(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self.depth += 1

    def stop(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "stop":
            self.depth = max(0, self.depth - 1)

    def __enter__(self) -> _Collecting:
        gc.callbacks.insert(0, self.start)
        gc.callbacks.append(self.stop)
        return self

    def __exit__(self, *exc: object) -> None:
        for callback in (self.start, self.stop):
            with contextlib.suppress(ValueError):
                gc.callbacks.remove(callback)


def _in_callback(frame: FrameType | None, depth: int = 40) -> bool:
    """Whether ``frame`` runs inside a ``__del__`` or a known weakref/lock callback."""
    while frame is not None and depth > 0:
        if frame.f_code.co_name in _CALLBACK_NAMES:
            return True
        frame, depth = frame.f_back, depth - 1
    return False


def _message(seconds: float) -> str:
    return f"processing was stopped after {seconds:g} s (--timeout)"


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` of wall-clock time (see the module docstring).

    A no-op when ``seconds`` is falsy, off the main thread, or where the platform has no
    ``setitimer``. The previous ``SIGALRM`` handler and ``sys.unraisablehook`` are restored.

    Raises:
        InputProblem: ``timeout`` when the time is up.
    """
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer") \
            or threading.current_thread() is not threading.main_thread():
        yield
        return
    armed = True
    collecting = _Collecting()

    def expire(signum: int, frame: FrameType | None) -> None:
        if not armed:  # an alarm that arrives as the block ends is ignored
            return
        if collecting.depth or _in_callback(frame):
            signal.setitimer(signal.ITIMER_REAL, RETRY * _JITTER.uniform(0.5, 1.5))  # rings again in a moment, elsewhere
            return
        # rings again only if this exception is swallowed
        signal.setitimer(signal.ITIMER_REAL, BACKSTOP * _JITTER.uniform(0.5, 1.5))
        raise _Expired

    previous_hook = sys.unraisablehook

    def unraisable(info: Any) -> None:
        if not isinstance(info.exc_value, _Expired):
            previous_hook(info)

    previous = signal.signal(signal.SIGALRM, expire)
    collecting.__enter__()
    sys.unraisablehook = unraisable
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        raise InputProblem("timeout", _message(seconds)) from None
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        collecting.__exit__()
        if sys.unraisablehook is unraisable:
            sys.unraisablehook = previous_hook
