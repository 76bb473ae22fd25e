"""Fixtures for the reader's tests."""
