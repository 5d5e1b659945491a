"""A module proxy that imports on first use.

Check modules are imported by the judge (which must stay free of torch, so
`learn check` pays the torch import only in the probe) and by the probe
(which runs their cases). Writing `torch = lazy("torch")` at the top of a
check module lets it read like ordinary PyTorch code while the judge only
ever touches its case names and hints.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands in for a module until an attribute is read."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def _load(self) -> ModuleType:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return self._module

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._load(), attr)

    def __repr__(self) -> str:
        state = "loaded" if self._module is not None else "not loaded"
        return f"<lazy module {self._name!r} ({state})>"


def lazy(name: str) -> Any:
    """Return a proxy for module `name` that imports it on first attribute access."""
    return LazyModule(name)
