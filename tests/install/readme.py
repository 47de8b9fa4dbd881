"""The commands the README tells a new user to paste, read from the README itself."""

from __future__ import annotations

import re

from ..conftest import ROOT


def readme_commands() -> list[str]:
    """The lines of the README's first ```bash block: the install-and-open command, then the test command."""
    block = re.search(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]
