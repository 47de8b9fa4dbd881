"""Files that ship beside the code: ``resources/``, ``gazetteer/`` and ``seeds/`` of the repository.

An installed wheel carries them as the packages ``mapviewer.resources``, ``mapviewer.gazetteer_sources``
and ``mapviewer.seeds``; a source checkout run in place has them as top-level folders.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _folder(package: str, folder: str) -> Traversable:
    try:
        return resources.files(f"mapviewer.{package}")
    except ModuleNotFoundError:
        return _CHECKOUT / folder


def resource(name: str) -> Traversable:
    """A file of ``resources/`` (icons, the JS bridge, CSS)."""
    return _folder("resources", "resources").joinpath(name)


def gazetteer_source(name: str) -> Traversable:
    """A data file of ``gazetteer/`` (outlines, GeoNames admin-1 codes)."""
    return _folder("gazetteer_sources", "gazetteer").joinpath(name)


SAMPLE_ARTICLE = "afp-2024-12-16-trump-putin-ukraine-war.txt"


def sample_article() -> Traversable:
    """The sample article of ``seeds/``."""
    return _folder("seeds", "seeds").joinpath(SAMPLE_ARTICLE)
