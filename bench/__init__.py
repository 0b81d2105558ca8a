"""Benchmarks: they print figures (copied into docs/benchmarks.md); they never fail a build."""
