"""The one selection rule that the window and the page script both follow: a place's stops are the
sentences that mention it, in document then text order, and a selection starts in the document shown."""

from __future__ import annotations

from mapviewer.mapping.build import page_html
from mapviewer.model import Document
from mapviewer.places import collect_places

from ..hostile import page_data


def test_stops_run_through_every_document_and_start_in_the_one_shown(geoparser, store):
    first = geoparser.analyse(Document("Paris was calm. Talks in Lyon. Paris again."))
    second = geoparser.analyse(Document("Rain in Paris today."))
    paris = next(e for e in collect_places([first, second], store) if e.place.name == "Paris")
    assert paris.stops == ((0, 0), (0, 2), (1, 0))
    assert (paris.first_stop(0), paris.first_stop(1)) == (0, 2)
    assert paris.first_stop(7) == 0                    # a document that does not mention it: the first stop
    page = page_data(page_html([first, second], store, panel=True))
    place = next(p for p in page["places"].values() if p["name"] == "Paris")
    assert place["stops"] == [[0, 0], [0, 2], [1, 0]] and place["firstStop"] == {"0": 0, "1": 2}
