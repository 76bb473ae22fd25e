"""The Textual interface: renders the core model, never parses or scans briefings."""
