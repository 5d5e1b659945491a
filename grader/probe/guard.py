"""Notices learner code that rewrote the tools the checks rely on, and puts them back.

A case function runs in the probe: it calls the learner's code and then may
compute something from the result with torch, numpy or builtins (`bool(...)`,
`torch.equal(x, before)`). Learner code that replaced `torch.equal`, added
`torch.Tensor.all`, patched a grader module, replaced `sys.modules["torch"]`
or left a torch-function / dispatch mode active could make that computation
lie. The guard remembers those namespaces before the learner's file is
imported; after the import and after every case it compares them, restores
the originals, and the probe reports the case as a failure that names what
was replaced.

This is detection in the same process, not a wall: code that patches and
un-patches between two checkpoints (for instance from a thread) is not seen.
What no patch can forge are values on the judge's inputs, because expected
values exist only in the reference probe.
"""

from __future__ import annotations

import functools
import operator
import sys
from collections.abc import Callable
from types import FunctionType, ModuleType
from typing import Any

from grader.wire import ErrorRecord

# The guard's own tools, bound here under names of their own: learner code that patches builtins.all
# must not blind the guard (the annotations below still name the real types).
(_all, _dict, _getattr, _isinstance, _len, _list, _map, _setattr, _delattr, _tuple, _type, _vars) = (
    all, dict, getattr, isinstance, len, list, map, setattr, delattr, tuple, type, vars
)

#: modules whose attributes checks and the probe's encoder use
GUARDED_MODULES = (
    "builtins", "math", "json", "base64", "struct", "random", "numpy", "torch", "torch.nn", "torch.nn.functional",
    "torch.autograd", "torch.overrides",
)
#: classes whose methods checks call on learner values; any new attribute on them shadows a real method
GUARDED_CLASSES = (("torch", "Tensor"), ("torch.nn", "Module"), ("torch.nn", "Parameter"))
TAMPER_ERROR = "GraderTampering"


class Guard:
    """A snapshot of the guarded namespaces, and the means to compare and restore them."""

    def __init__(self, extra_modules: tuple[str, ...] = ()) -> None:
        self._modules: dict[str, ModuleType] = {}
        self._spaces: list[_Namespace] = []
        self._modules_seen = 0
        self.include(extra_modules)
        for module_name, class_name in GUARDED_CLASSES:
            cls = _getattr(self._modules.get(module_name), class_name, None)
            if _isinstance(cls, _type):
                self._spaces.append(_Namespace(f"{module_name}.{class_name}", cls, True))
        #: changes noticed after learner calls, not yet reported
        self.noticed: list[str] = []

    def include(self, extra_modules: tuple[str, ...] = ()) -> None:
        """Snapshot `extra_modules`, and the guarded and grader modules imported since the last snapshot.

        The warm worker takes the big snapshot once, before it forks (torch's
        namespaces are most of it); each probe only adds its check module and
        whatever was imported since, before learner code runs.
        """
        if self._modules_seen == _len(sys.modules) and _all(name in self._modules for name in extra_modules):
            return
        ours = (name for name in sys.modules if name == "grader" or name.startswith("grader."))
        for name in _dict.fromkeys([*GUARDED_MODULES, *extra_modules, *ours]):
            module = sys.modules.get(name)
            if module is not None and name not in self._modules:
                self._modules[name] = module
                self._spaces.append(_Namespace(name, module, False))
        self._modules_seen = _len(sys.modules)

    def refresh(self) -> None:
        """Take what the trusted worker's own imports changed as the new picture (never called in a probe)."""
        self.include()
        for space in self._spaces:
            if not space.unchanged():
                space.remember()

    def check(self) -> list[str]:
        """What was changed since the snapshot or noticed since the last check (restored now)."""
        changed, self.noticed = self.noticed, []
        changed += self._restore_sys_modules()
        for space in self._spaces:
            changed += space.restore()
        changed += _clear_modes_and_tracing()
        return _list(_dict.fromkeys(changed))

    def watch(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """`function`, followed after every call by a check, so a patch undone later is still seen."""

        @functools.wraps(function)
        def watched(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            finally:
                self.noticed += self.check()

        return watched

    def _restore_sys_modules(self) -> list[str]:
        changed = []
        for name, module in self._modules.items():
            if sys.modules.get(name) is not module:
                sys.modules[name] = module
                changed.append(f"sys.modules[{name!r}]")
        return changed


class WatchedModule:
    """The learner's module as case functions see it: each call of one of its functions is watched."""

    def __init__(self, module: ModuleType, guard: Guard) -> None:
        object.__setattr__(self, "_module", module)
        object.__setattr__(self, "_guard", guard)

    def __getattr__(self, name: str) -> Any:
        value = _getattr(self._module, name)
        return self._guard.watch(value) if _isinstance(value, FunctionType) else value

    def __setattr__(self, name: str, value: Any) -> None:
        _setattr(self._module, name, value)

    def __dir__(self) -> list[str]:
        return dir(self._module)


class _Namespace:
    """One module's or class's attributes as they were, and how to put them back."""

    def __init__(self, name: str, owner: Any, is_class: bool) -> None:
        self.name = name
        self.owner = owner
        self.is_class = is_class
        self.remember()

    def remember(self) -> None:
        self.original = _dict(_vars(self.owner))
        self._keys = _tuple(self.original)
        self._values = _tuple(self.original.values())

    def unchanged(self) -> bool:
        """The quick test, in C loops: same keys, same objects, same order."""
        current = _vars(self.owner)
        return (
            _len(current) == _len(self._keys)
            and _all(_map(operator.is_, current.values(), self._values))
            and _all(_map(operator.is_, current, self._keys))
        )

    def restore(self) -> list[str]:
        if self.unchanged():
            return []
        current = _dict(_vars(self.owner))
        changed = []
        for key, value in self.original.items():
            now = current.get(key, _MISSING)
            if now is not value and not _torch_own_wrap(self.name, key, now, value):
                changed.append(f"{self.name}.{key}")
                _put(self.owner, key, value)
        for key in current.keys() - self.original.keys():
            # A module gains submodules as they are imported; a class gains nothing legitimately but the
            # cache copyreg writes the first time one of its instances is pickled (torch.save does that).
            if self.is_class and key == "__slotnames__":
                continue
            if self.is_class or not _isinstance(current[key], ModuleType):
                changed.append(f"{self.name}.{key}")
                _remove(self.owner, key)
        self.remember()  # newly imported submodules are part of the picture from now on
        return changed


#: attributes torch itself wraps the first time a submodule loads: importing torch._dynamo (which the
#: first meta-device operation or optimizer does) wraps torch.manual_seed with functools.wraps
TORCH_OWN_WRAPS = {("torch", "manual_seed")}


def _torch_own_wrap(space: str, key: str, now: Any, before: Any) -> bool:
    """A known wrap torch applies to itself; seeding is redone by the probe before every case anyway."""
    return (space, key) in TORCH_OWN_WRAPS and _getattr(now, "__wrapped__", None) is before


def _put(owner: Any, key: str, value: Any) -> None:
    try:
        _setattr(owner, key, value)
    except (AttributeError, TypeError):
        pass


def _remove(owner: Any, key: str) -> None:
    try:
        _delattr(owner, key)
    except (AttributeError, TypeError):
        pass


#: what `_clear_modes_and_tracing` reports: things left active rather than replaced
LEFT_ACTIVE = ("a torch function mode", "a torch dispatch mode", "a sys.settrace hook", "a sys.setprofile hook")


def _clear_modes_and_tracing() -> list[str]:
    """Torch modes left on the stack and trace hooks see or rewrite every later operation."""
    changed = []
    torch = sys.modules.get("torch")
    if torch is not None:
        while torch._C._len_torch_function_stack() > 0:
            torch._C._pop_torch_function_stack()
            changed.append(LEFT_ACTIVE[0])
        from torch.utils._python_dispatch import _pop_mode

        while torch._C._len_torch_dispatch_stack() > 0:
            _pop_mode()
            changed.append(LEFT_ACTIVE[1])
    if sys.gettrace() is not None:
        sys.settrace(None)
        changed.append(LEFT_ACTIVE[2])
    if sys.getprofile() is not None:
        sys.setprofile(None)
        changed.append(LEFT_ACTIVE[3])
    return changed


def tamper_error(changed: list[str]) -> dict[str, Any]:
    """The error record a case gets when learner code rewrote what the checks use."""
    replaced = [name for name in changed if name not in LEFT_ACTIVE]
    active = [name for name in changed if name in LEFT_ACTIVE]
    parts = []
    if replaced:
        more = f" and {_len(replaced) - 6} more" if _len(replaced) > 6 else ""
        parts.append(f"replaced {', '.join(replaced[:6])}{more}")
    if active:
        parts.append(f"left {' and '.join(active)} active")
    return ErrorRecord(
        type=TAMPER_ERROR,
        bases=(TAMPER_ERROR, "Exception", "BaseException"),
        message=f"your code {'; '.join(parts)}",
        line=None,
        source=None,
        offset=None,
        in_learner_code=True,
    ).to_json()


_MISSING = object()
