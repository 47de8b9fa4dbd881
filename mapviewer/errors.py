"""Typed errors: the core raises them, the UI and the command line decide how to show them."""


class MapviewerError(Exception):
    """Base of every error mapviewer reports to a user."""


class ReaderError(MapviewerError):
    """A document could not be read (missing, unreadable, unsupported format)."""


class GazetteerError(MapviewerError):
    """The gazetteer store is missing, corrupt, or could not be built."""


class DamagedStore(GazetteerError):
    """The store failed while in use; the message says what SQLite's integrity check found there. The
    remedy is a rebuild, which the app offers and ``mapviewer gazetteer build`` does."""

    def __init__(self, message: str, path: object):
        super().__init__(message)
        self.path = path


class ExportError(MapviewerError):
    """An export could not be written."""


class Cancelled(MapviewerError):
    """The user stopped long work (a gazetteer build); nothing half-done was kept."""


class ProjectError(MapviewerError):
    """A project file could not be read (corrupt, truncated, hand-edited, of a newer version) or written."""
