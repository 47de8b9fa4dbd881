"""The project under review and its undo history: each correction is a ``QUndoCommand``.

A correction only appends a value to its document's list (``mapviewer.corrections``); undo removes it
again. The corrected analyses are recomputed from the lists, so undo and redo are exact by construction.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..corrections import Correction
from ..project import Project, ProjectDocument


class CorrectionCommand(QUndoCommand):
    """One correction of one document; its text ("Choose Athens (Georgia, United States) for “Athens”") is
    what Edit › Undo and Redo name."""

    def __init__(self, review: Review, doc: int, correction: Correction):
        super().__init__(correction.label)
        self.review, self.doc, self.correction = review, doc, correction

    def redo(self) -> None:
        d = self.review.project.documents[self.doc]
        self.review.set_corrections(self.doc, (*d.corrections, self.correction))

    def undo(self) -> None:
        corrections = self.review.project.documents[self.doc].corrections
        assert corrections and corrections[-1] == self.correction, "undo out of order"
        self.review.set_corrections(self.doc, corrections[:-1])


class RereadCommand(QUndoCommand):
    """The document geoparsed again with the corrections as context (``mapviewer.rerun``); undo brings the
    previous machine reading back."""

    def __init__(self, review: Review, doc: int, after: ProjectDocument):
        super().__init__("Re-read with my corrections")
        self.review, self.doc = review, doc
        self.before, self.after = review.project.documents[doc], after

    def redo(self) -> None:
        self.review.set_document(self.doc, self.after)

    def undo(self) -> None:
        self.review.set_document(self.doc, self.before)


class Review(QObject):
    """The project the window shows; ``changed(doc)`` after every correction, undo and redo."""

    changed = Signal(int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.project = Project()
        self.undo_stack = QUndoStack(self)

    def set_project(self, project: Project) -> None:
        """A new project (opened or made from articles): no history, nothing unsaved."""
        self.project = project
        self.undo_stack.clear()
        self.undo_stack.setClean()

    def correct(self, doc: int, correction: Correction) -> None:
        self.undo_stack.push(CorrectionCommand(self, doc, correction))

    def reread(self, doc: int, after: ProjectDocument) -> None:
        self.undo_stack.push(RereadCommand(self, doc, after))

    def set_corrections(self, doc: int, corrections: tuple[Correction, ...]) -> None:
        self.set_document(doc, self.project.documents[doc].with_corrections(corrections))

    def set_document(self, doc: int, document: ProjectDocument) -> None:
        documents = list(self.project.documents)
        documents[doc] = document
        self.project = replace(self.project, documents=tuple(documents))
        self.changed.emit(doc)
