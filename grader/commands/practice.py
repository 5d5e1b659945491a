"""learn commands: practice."""

from __future__ import annotations
