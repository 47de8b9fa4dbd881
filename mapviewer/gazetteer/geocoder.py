"""The bundled gazetteer as a geopy geocoder: same calls and return values as geopy's online ones."""

from __future__ import annotations

from collections.abc import Iterable

from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderServiceError
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from rapidfuzz import fuzz

from ..model import NameMatch, Place, Progress
from ..text.normalize import fold
from .ranking import MIN_SIMILARITY, importance, match_score
from .store import GazetteerStore


class _NoNetwork(BaseSyncAdapter):
    """The offline geocoder never makes a request; geopy's default adapter is not even created."""

    def __init__(self, *, proxies: object = None, ssl_context: object = None) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)

    def get_json(self, url: str, *, timeout: float | None, headers: dict[str, str]) -> object:
        raise GeocoderServiceError("the offline gazetteer makes no network requests")

    def get_text(self, url: str, *, timeout: float | None, headers: dict[str, str]) -> str:
        raise GeocoderServiceError("the offline gazetteer makes no network requests")


class OfflineGazetteer(Geocoder):
    """geopy Geocoder over the bundled store.

    >>> g = OfflineGazetteer()                                  # doctest: +SKIP
    >>> g.geocode("Kourakhové").address                         # doctest: +SKIP
    'Kurakhove, Donetsk, Ukraine'
    """

    def __init__(self, store: GazetteerStore | None = None, *, progress: Progress | None = None):
        super().__init__(adapter_factory=_NoNetwork, user_agent="mapviewer")
        self.store = store or GazetteerStore.open(progress=progress)

    # -- geopy API ---------------------------------------------------------------------------
    def geocode(self, query: str, *, exactly_one: bool = True, country_codes: str | Iterable[str] | None = None,
                kinds: Iterable[str] | None = None, limit: int | None = None,
                timeout: float | None = None) -> Location | list[Location] | None:
        """Places called ``query``, best first: exact (case/accent-insensitive) names, else close spellings."""
        matches = self.candidates(query, country_codes=country_codes, kinds=kinds)
        if not matches:
            return None
        if exactly_one:
            return self._location(*matches[0])
        return [self._location(*m) for m in matches[:limit]]

    def reverse(self, query: tuple[float, float] | list[float] | str, *, exactly_one: bool = True,
                radius_km: float = 50.0, timeout: float | None = None) -> Location | list[Location] | None:
        """The city nearest a (lat, lon) point within ``radius_km``; else the nearest region or country."""
        lat, lon = (float(x) for x in (query if isinstance(query, (tuple, list)) else str(query).split(",")))
        places = (self.store.near(lat, lon, radius_km)
                  or self.store.near(lat, lon, 10 * radius_km, kinds=("admin1", "country")))
        if not places:
            return None
        locations = [self._location(p, None, 1.0) for p in places]
        return locations[0] if exactly_one else locations

    # -- ranking -----------------------------------------------------------------------------
    def candidates(self, query: str, *, country_codes: str | Iterable[str] | None = None,
                   kinds: Iterable[str] | None = None) -> list[tuple[Place, NameMatch | None, float]]:
        """(place, matched name, similarity 0-1) for every place ``query`` may mean, best first."""
        key = fold(query or "")
        if not key:
            return []
        codes = {country_codes.upper()} if isinstance(country_codes, str) else (
            {c.upper() for c in country_codes} if country_codes else None)
        wanted = set(kinds) if kinds else None

        def keep(m: NameMatch) -> bool:
            return (codes is None or m.place.country in codes) and (wanted is None or m.place.kind in wanted)

        exact = [(m, 1.0) for m in self.store.by_name(key) if keep(m)]
        scored = exact or [(m, s / 100) for m in self.store.like(key) if keep(m)
                           and (s := fuzz.ratio(key, m.key)) >= MIN_SIMILARITY]
        best: dict[int, tuple[Place, NameMatch, float]] = {}
        for m, similarity in scored:
            if m.place.id not in best or similarity > best[m.place.id][2]:
                best[m.place.id] = (m.place, m, similarity)
        return sorted(best.values(), key=lambda t: -match_score(*t))

    def address(self, place: Place) -> str:
        """'Kurakhove, Donetsk, Ukraine': the place, its region and its country."""
        parts = [place.name]
        region = self.store.region(place)
        if region is not None:
            parts.append(region.name)
        country = self.store.country(place.country) if place.country and place.kind != "country" else None
        if country is not None:
            parts.append(country.name)
        return ", ".join(parts)

    def _location(self, place: Place, match: NameMatch | None, similarity: float) -> Location:
        region = self.store.region(place)
        country = self.store.country(place.country) if place.country else None
        raw = {
            "id": place.id, "name": place.name, "kind": place.kind, "feature": place.feature,
            "country_code": place.country, "country": country.name if country else None,
            "admin1_code": place.admin1, "region": region.name if region else None,
            "region_id": place.region_id, "latitude": place.lat, "longitude": place.lon,
            "population": place.population, "geonameid": place.geonameid,
            "matched_name": match.name if match else None, "name_source": match.source if match else None,
            "similarity": similarity, "importance": importance(place),
        }
        return Location(self.address(place), (place.lat, place.lon), raw)
