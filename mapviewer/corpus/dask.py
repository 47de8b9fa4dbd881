"""The corpus on a Dask cluster: the same ranges and part files as on one machine, the tasks sent to a
``dask.distributed`` client's executor. Each worker thread keeps one geoparser between tasks
(``work.geoparser``), so the store is opened once per worker. The workers write their parts beside OUT:
on a cluster of several machines that folder must be shared. Dask is imported only here, when asked for."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import MapviewerError
from .run import CorpusJob, Summary, geoparse_corpus

MISSING = ("Dask is not installed: pip install 'mapviewer[dask]' (or dask[distributed]) to use --dask and "
           "--scheduler; without them the corpus runs on this machine's cores")


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise MapviewerError(MISSING) from None
    if scheduler is not None:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,  # type: ignore[no-untyped-call]
                           dashboard_address=None)
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        yield client


def geoparse_on_dask(job: CorpusJob, scheduler: str | None = None) -> Summary:
    """Run ``job`` on the cluster at ``scheduler``, or on a local cluster of ``job.workers`` processes."""
    with _client(scheduler, job.workers) as client:
        workers = max(1, len(client.scheduler_info()["workers"]))
        executor = client.get_executor(pure=False)
        return geoparse_corpus(job, executor, workers)
