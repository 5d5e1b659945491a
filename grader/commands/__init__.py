"""Command groups registered on the Typer app in grader.cli.

Each module adds its commands with `@app.command()`, imports its options
from grader.cli, keeps torch out of module level (so `learn list` and
`learn --help` stay fast), and forwards to a service function.
"""
