"""fto-brief: a terminal reader for structured briefings.

The package is split in two. The core (``problems``, ``dates``, ``model``, ``schema``,
``reading``, ``yamltree``, ``loader``, ``index``, ``search``, ``jsonschema``) is pure Python
with no Textual or Rich import; the UI (``fto_tui.ui``) renders the core's model.
"""

__version__ = "0.1.0"
