"""The desktop app: the only package that imports Qt. It wires widgets to the core and nothing more."""
