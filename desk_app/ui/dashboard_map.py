"""The hot-spot map (热点地图), drawn offline from the district's GeoJSON (resources/geo): each
community or grid shaded by its count of requests, and where cases carry coordinates, a
density layer of the points. No tiles, no network."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QRadialGradient,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desk_app.reports.geo import Area


def shade(value: int, peak: int, low: int = 0) -> QColor:
    """Pale → orange → dark red from the quietest to the busiest area shown (a square-root
    scale, so that differences among small counts still show); no requests is grey."""
    if peak <= 0 or value <= 0:
        return QColor("#f6f5f4")
    t = math.sqrt(max(0, value - low) / max(1, peak - low))
    return QColor(255 - int(55 * t), max(0, int(236 - 190 * t)), max(0, int(200 - 180 * t)))


class HotSpotMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.areas: list[Area] = []
        self.counts: dict[str, int] = {}
        self.points: list[tuple[float, float]] = []
        self.level = "community"
        self.title = ""
        self.names: dict[str, str] = {}
        self.problem = ""
        self.setMinimumSize(QSize(360, 260))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, areas: Sequence[Area], counts: dict[str, int],
                 points: Sequence[tuple[float, float]], names: dict[str, str], title: str,
                 problem: str = "") -> None:
        self.areas, self.counts, self.points = list(areas), dict(counts), list(points)
        self.names, self.title, self.problem = names, title, problem
        self.update()

    def set_level(self, level: str) -> None:
        self.level = level
        self.update()

    def drawn_areas(self) -> list[Area]:
        return [a for a in self.areas if a.level == self.level]

    def _projection(self, plot: QRectF) -> tuple[float, float, float, float, float, float]:
        shown = self.areas or []
        xs = [x for a in shown for r in a.rings for x, _y in r] or [0.0, 1.0]
        ys = [y for a in shown for r in a.rings for _x, y in r] or [0.0, 1.0]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        aspect = math.cos(math.radians((y0 + y1) / 2))  # a degree of longitude is shorter
        span_x, span_y = max(1e-9, (x1 - x0) * aspect), max(1e-9, y1 - y0)
        scale = min(plot.width() / span_x, plot.height() / span_y)
        ox = plot.left() + (plot.width() - span_x * scale) / 2
        oy = plot.top() + (plot.height() - span_y * scale) / 2
        return x0, y1, scale * aspect, scale, ox, oy

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        font = QFont(self.font())
        bold = QFont(font)
        bold.setBold(True)
        p.setFont(bold)
        line = p.fontMetrics().height()
        p.drawText(QRectF(8, 4, self.width() - 16, line + 2), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(font)
        if self.problem or not self.areas:
            p.drawText(QRectF(8, line + 12, self.width() - 16, self.height() - line - 16),
                       Qt.TextFlag.TextWordWrap, self.problem)
            return
        plot = QRectF(10, line + 14, self.width() - 20, self.height() - line - 44)
        x0, y1, sx, sy, ox, oy = self._projection(plot)

        def at(lon: float, lat: float) -> QPointF:
            return QPointF(ox + (lon - x0) * sx, oy + (y1 - lat) * sy)

        shown = self.drawn_areas()
        values = [self.counts.get(a.code, 0) for a in shown]
        peak = max(values, default=0)
        low = min((v for v in values if v), default=0) if len(values) > 1 else 0
        low = low * 3 // 4  # the quietest area is pale, not white
        for area in shown:
            fill = shade(self.counts.get(area.code, 0), peak, low)
            if self.points:
                fill.setAlpha(170)
            for ring in area.rings:
                polygon = QPolygonF([at(x, y) for x, y in ring])
                p.setBrush(fill)
                p.setPen(QPen(QColor("#77767b"), 1))
                p.drawPolygon(polygon)
        if self.level == "grid":  # community outlines over the grids
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor("#3d3846"), 2))
            for area in self.areas:
                if area.level == "community":
                    for ring in area.rings:
                        p.drawPolygon(QPolygonF([at(x, y) for x, y in ring]))
        if self.points:
            self._density(p, [at(x, y) for x, y in self.points])
        p.setPen(QColor("#000000"))
        for area in shown:
            cx, cy = area.centre()
            centre = at(cx, cy)
            name = area.name or self.names.get(area.code, area.code)
            if self.level == "grid":
                name = name.replace(self.names.get(area.code[:area.code.rfind("-")], "@"), "")
            text = f"{name}\n{self.counts.get(area.code, 0)}"
            p.drawText(QRectF(centre.x() - 60, centre.y() - line, 120, 2 * line),
                       Qt.AlignmentFlag.AlignCenter, text)
        # legend
        legend_y = self.height() - 24
        for k in range(6):
            p.fillRect(QRectF(10 + k * 22, legend_y, 22, 10),
                       shade(int(low + (peak - low) * (k / 5) ** 2) or 1, peak, low))
        p.drawText(QPointF(10 + 6 * 22 + 6, legend_y + 10), f"{low} – {peak}")

    def _density(self, p: QPainter, points: list[QPointF]) -> None:
        """Points summed on an alpha image, then drawn: crowded places turn solid."""
        image = QImage(self.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Plus)
        radius = 11.0
        for point in points[:20_000]:
            gradient = QRadialGradient(point, radius)
            gradient.setColorAt(0, QColor(150, 0, 0, 55))
            gradient.setColorAt(1, QColor(150, 0, 0, 0))
            painter.setBrush(gradient)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(point, radius, radius)
        painter.end()
        p.drawImage(0, 0, image)
