"""Geoparse a corpus (JSON Lines of {"id", "text"}) into the prediction format the scorer reads, streaming:
``read`` cuts the input into byte ranges and parses records, ``work`` geoparses one range into a part file
in a worker, ``output`` owns the files the user sees (resume, errors, the final rename), ``run`` keeps a
bounded number of ranges in flight and joins the parts in input order, ``dask`` runs the same ranges on a
Dask cluster."""

from .run import CorpusJob, Summary, geoparse_corpus

__all__ = ["CorpusJob", "Summary", "geoparse_corpus"]
