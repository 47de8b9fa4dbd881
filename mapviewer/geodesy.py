"""Distance on the Earth: one formula for all of mapviewer.

The great-circle (haversine) distance on a sphere of the Earth's mean radius, vectorised with numpy so
that the resolver can compare every candidate with every anchor at once; for news geography (is this
Paris near the article's other places?) a sphere is exact to a few tenths of a percent. Placing a point
at a distance and bearing from another ("10 km south of …") uses geographiclib's ellipsoidal geodesic
instead (``geoparse/relative.py``), as geopy does.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

EARTH_DIAMETER_KM = 12742.0

ArrayLike = npt.ArrayLike


def great_circle_km(lat: ArrayLike, lon: ArrayLike, lat0: ArrayLike, lon0: ArrayLike) -> npt.NDArray[np.float64]:
    """Distances (km) between points (lat, lon) and (lat0, lon0) in degrees, broadcast like numpy arrays:
    ``great_circle_km(lats[:, None], lons[:, None], lats0[None, :], lons0[None, :])`` is a matrix."""
    p1, p2 = np.radians(lat), np.radians(lat0)
    dl = np.radians(lon) - np.radians(lon0)
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(EARTH_DIAMETER_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1))), dtype=np.float64)
