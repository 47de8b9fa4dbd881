"""Hostile inputs, named once for every test that needs them: template code, script, markup breakouts and
characters that trip encoders. Each sits between real place names, so the article has mentions around it.

A payload that would create a file creates ``PWNED`` (or ``PWNED2``) in the current directory: the tests
run with a fresh working directory and look for it afterwards.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

MARKERS = ("PWNED", "PWNED2")

JINJA = {
    "makedirs": "{{ lipsum.__globals__.os.makedirs(dict(PWNED=1)|list|first, exist_ok=True) }}",
    "cycler": "{{ cycler.__init__.__globals__.os.makedirs(dict(PWNED2=1)|list|first, exist_ok=True) }}",
    "chr60_script": ("{{ lipsum.__globals__.__builtins__.chr(60) }}script{{ lipsum.__globals__.__builtins__.chr(62) }}"
                     "window.pwned=11{{ lipsum.__globals__.__builtins__.chr(60) }}/script"
                     "{{ lipsum.__globals__.__builtins__.chr(62) }}"),
    "arithmetic": "{{ 7*7 }}",
    "statement": "{% if 1 %}YES{% endif %}",
    "comment": "{# hidden #}",
    "unbalanced_expression": "{{ unbalanced",
    "unbalanced_statement": "{% if",
    "unbalanced_comment": "{# open",
    "raw_end": "{% endraw %}}}%}",
}
MARKUP = {
    "script": "<script>window.pwned=1</script>",
    "img_onerror": '<img src=x onerror="window.pwned=2">',
    "javascript_link": '<a href="javascript:window.pwned=3">click</a>',
    "svg_onload": '<svg onload="window.pwned=4"></svg>',
    "attribute_breakout": '" onmouseover="window.pwned=5" x="',
    "single_quote_breakout": "' onfocus='window.pwned=6' autofocus '",
    "script_close": "</script><script>window.pwned=7</script>",
    "comment_open": "<!-- <script>window.pwned=8</script>",
    "cdata_end": "]]><script>window.pwned=9</script>",
    "iframe": '<iframe src="javascript:window.pwned=10"></iframe>',
    "style": "<style>body{display:none}</style>",
    "title_close": "</title><script>window.pwned=12</script>",
    "template_literal": "${window.pwned=13} `x`",
    "entity": "&lt;script&gt;window.pwned=14&lt;/script&gt; &amp; &#60;b&#62;",
}
CHARACTERS = {
    "line_separators": "before\u2028between\u2029after",
    "nul": "nul\x00here",
    "lone_surrogate": "lone \ud800 surrogate",
    "bidi": "\u202eevil\u202c \u2066isolate\u2069 \u200f",
    "astral": "\U0001f1fa\U0001f1e6 flag and \U0001f600 face",
}
PAYLOADS = {**JINJA, **MARKUP, **CHARACTERS}

# What no valid file name can hold on a POSIX file system.
_NOT_IN_FILE_NAMES = re.compile(r"[/\x00\ud800-\udfff]")


def article(payload: str) -> str:
    """An article with the payload between place names, so mentions come before and after it."""
    return f"Talks in Paris {payload} went on.\nOfficials in Kyiv said {payload} it was calm in Berlin.\n"


def file_names() -> dict[str, str]:
    """The payloads that can be file names, as file names (a .txt article each)."""
    return {name: f"Paris {p}.txt" for name, p in PAYLOADS.items()
            if not _NOT_IN_FILE_NAMES.search(p) and len(f"Paris {p}.txt".encode()) < 250}


def html_page_with(payload: str) -> str:
    """A saved web page whose title and body hold the payload (the reader unescapes the entities)."""
    escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (f"<html><head><title>{escaped} in Paris</title></head><body><p>{escaped}</p>"
            f"<p>Talks in Paris {escaped} went on. Officials in Kyiv said it was calm.</p></body></html>")


# Run in a map page (as a function expression): tries what the page's policy must block — an inline handler,
# a script the page did not ship, a javascript: link — and records each violation in window.violations.
CSP_PROBE = """() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", e => window.violations.push(e.violatedDirective));
    document.body.insertAdjacentHTML("beforeend", '<img src="x" onerror="window.cspBroken=1">');
    const s = document.createElement("script");
    s.textContent = "window.cspBroken = 2";
    document.body.appendChild(s);
    const a = document.createElement("a");
    a.href = "javascript:window.cspBroken=3";
    document.body.appendChild(a);
    a.click();
    return true;
}"""


def no_marker_created(directory: Path) -> bool:
    return not any((directory / m).exists() for m in MARKERS)


def page_data(page: str) -> dict:
    """The JSON block of a mapviewer page: the only place a document's text may be in it."""
    blocks = re.findall(r'<script type="application/json" id="mapviewer-data">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])
