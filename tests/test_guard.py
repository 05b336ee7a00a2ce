"""The --timeout guard never fires inside a finalizer or a garbage-collector callback.

An exception raised there is lost (Python prints an "unraisable exception" and the work goes
on), so the guard re-arms the alarm instead; the block is still stopped, a few ms later.
"""

from __future__ import annotations

import gc
import sys
import time
import weakref
from collections.abc import Iterator
from typing import Any

import pytest

from extract.errors import InputProblem
from extract.guard import time_limit

#: Seconds a block may run past its 0.03 s limit (generous: CI machines can be loaded).
LIMIT = 5.0

pytestmark = pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="needs SIGALRM")


def _busy(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


class _Counted:
    started = finished = 0

    def __del__(self) -> None:
        _Counted.started += 1
        _busy(0.0005)  # most of the block's time is spent in finalizers: the alarm lands there
        _Counted.finished += 1


class _Cyclic(_Counted):
    def __init__(self) -> None:
        self.me = self  # only the garbage collector frees it


@pytest.fixture()
def unraisable() -> Iterator[list[Any]]:
    seen: list[Any] = []
    previous, sys.unraisablehook = sys.unraisablehook, seen.append
    try:
        yield seen
    finally:
        sys.unraisablehook = previous


def _stopped(block: Any, seconds: float = 0.03) -> float:
    started = time.perf_counter()
    with pytest.raises(InputProblem) as e, time_limit(seconds):
        block()
    assert e.value.code == "timeout"
    return time.perf_counter() - started


@pytest.mark.parametrize("trial", range(5))
def test_never_raised_inside_a_finalizer(unraisable: list[Any], trial: int) -> None:
    def block() -> None:
        while True:
            _Counted()  # freed at once: __del__ runs from the reference count
            for _ in range(20):
                _Cyclic()
            gc.collect()  # the finalizers run inside a collection
            _busy(0.005)  # and ordinary work, where the alarm may land

    _Counted.started = _Counted.finished = 0
    assert _stopped(block) < LIMIT
    gc.collect()
    assert _Counted.started == _Counted.finished > 0  # no finalizer was cut short
    assert unraisable == []


def test_never_raised_inside_a_gc_callback(unraisable: list[Any]) -> None:
    calls = [0, 0]

    def on_gc(phase: str, info: dict[str, Any]) -> None:
        calls[0] += 1
        _busy(0.001)
        calls[1] += 1

    gc.callbacks.append(on_gc)
    try:
        def block() -> None:
            while True:
                gc.collect(0)  # the youngest generation: a full collection of a test run's heap is slow
                _busy(0.003)

        assert _stopped(block) < LIMIT
    finally:
        gc.callbacks.remove(on_gc)
    assert calls[0] == calls[1] > 0
    assert unraisable == []


def test_a_swallowed_alarm_rings_again(unraisable: list[Any]) -> None:
    """An unknown weakref callback can still take the alarm: it is dropped there and rings again."""

    class Thing:
        pass

    def on_gone(ref: Any) -> None:
        _busy(0.002)

    def block() -> None:
        keep = []
        while True:
            t = Thing()
            keep.append(weakref.ref(t, on_gone))
            del t
            if len(keep) > 100:
                keep.clear()
            _busy(0.002)

    for _ in range(3):
        assert _stopped(block) < LIMIT + 1
    assert unraisable == []
    assert sys.unraisablehook == unraisable.append  # the guard put the hook back
