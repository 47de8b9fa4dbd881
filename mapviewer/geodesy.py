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


KM_PER_MILE = 1.609344


def geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The distance (km) between two points on the WGS84 ellipsoid, what the map's measuring tool shows:
    the user checks "about ten kilometres south of …" against it, so it is the exact geodesic (geographiclib,
    as geopy's ``geodesic``), not the sphere."""
    from geographiclib.geodesic import Geodesic

    return float(Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE)["s12"]) / 1000


def distance_text(km: float) -> str:
    """'10.3 km · 6.4 mi'; three significant figures at most below 100, whole units above."""
    def fmt(v: float) -> str:
        return f"{v:,.0f}" if v >= 100 else f"{v:.3g}" if v >= 1 else f"{v:.2f}"

    return f"{fmt(km)} km · {fmt(km / KM_PER_MILE)} mi"
