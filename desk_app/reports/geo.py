"""Reading the district map (resources/geo/district.geojson; format in its README.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desk_app.config import resources_dir
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

Ring = list[tuple[float, float]]


class MapError(DomainError):
    context = "reports"


@dataclass(frozen=True)
class Area:
    code: str
    level: str  # community | grid
    name: str
    rings: tuple[Ring, ...]

    def bounds(self) -> tuple[float, float, float, float]:
        xs = [x for ring in self.rings for x, _y in ring]
        ys = [y for ring in self.rings for _x, y in ring]
        return min(xs), min(ys), max(xs), max(ys)

    def centre(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.bounds()
        return (x0 + x1) / 2, (y0 + y1) / 2


def map_file() -> Path:
    return resources_dir() / "geo" / "district.geojson"


def load_areas(path: Path | None = None) -> list[Area]:
    path = path or map_file()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MapError(_t("reports", "The district map {file} cannot be read: {error}"),
                       file=str(path), error=str(error)[:120]) from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise MapError(_t("reports", "The district map {file} is not a GeoJSON FeatureCollection."),
                       file=str(path))
    areas = []
    for feature in document.get("features", []):
        props = feature.get("properties") or {}
        geometry = feature.get("geometry") or {}
        code, level = props.get("code"), props.get("level")
        if not isinstance(code, str) or level not in ("community", "grid"):
            continue
        if geometry.get("type") == "Polygon":
            polygons = [geometry.get("coordinates") or []]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry.get("coordinates") or []
        else:
            continue
        rings = tuple([(float(p[0]), float(p[1])) for p in polygon[0]]
                      for polygon in polygons if polygon and len(polygon[0]) >= 3)
        if rings:
            areas.append(Area(code, level, str(props.get("name") or ""), rings))
    return areas
