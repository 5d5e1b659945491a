"""learn commands: grade."""

from __future__ import annotations
