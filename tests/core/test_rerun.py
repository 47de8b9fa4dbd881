"""Re-reading a document with the user's corrections as context: the other names follow the correction,
the corrections keep their marks, rejected names stay out, added ones in, the geoparser is left as it was."""

from __future__ import annotations

from mapviewer.corrections import Correction, for_mention, pinned_place
from mapviewer.model import Document
from mapviewer.project import ProjectDocument
from mapviewer.rerun import reread

TEXT = "Protests in Paris and Lyon. Paris police said Versailles was calm, and so was the Marais."


def test_the_other_names_are_read_in_the_light_of_a_correction(geoparser):
    machine = geoparser.analyse(Document(TEXT))
    paris = next(m for m in machine.mentions if m.text == "Paris")
    texas = next(c.place for c in paris.alternatives if c.place.country == "US")
    versailles = next(m for m in machine.mentions if m.text == "Versailles")
    steps = list(geoparser.step_names)
    document = ProjectDocument(machine, (for_mention(paris, "choose", texas),))
    before = document.corrected
    after = reread(geoparser, document).corrected
    assert geoparser.step_names == steps
    second = [m for m in before.mentions if m.text == "Paris"][1]
    assert second.place.country == "FR"                                       # until the user asks
    again = [m for m in after.mentions if m.text == "Paris"]
    assert [m.place for m in again] == [texas, texas] and again[0].status == "corrected"
    assert next(m for m in after.mentions if m.text == "Versailles").confidence < versailles.confidence


def test_rejected_names_stay_out_and_added_ones_in(geoparser):
    machine = geoparser.analyse(Document(TEXT))
    lyon = next(m for m in machine.mentions if m.text == "Lyon")
    start = TEXT.index("Marais")
    marais = pinned_place("Marais", 48.859, 2.362)
    document = ProjectDocument(machine, (for_mention(lyon, "reject"),
                                         Correction(start, start + 6, "Marais", "add", marais)))
    after = reread(geoparser, document)
    assert after.corrections == document.corrections
    assert not any(m.text == "Lyon" for m in after.corrected.mentions)
    added = next(m for m in after.corrected.mentions if m.text == "Marais")
    assert (added.place, added.status) == (marais, "added")
