"""Benchmarks for fto-brief: ``python -m benchmarks`` (see the README's performance section)."""
