"""Small charts drawn with QPainter: a line chart (trends, rates over time) and a bar chart
(scores, counts).

Why our own and not a library: QtCharts is deprecated since Qt 6.10 and QtGraphs' 2D widgets
lacked titles and legends in 6.8; pyqtgraph needs numpy (tens of MB in the bundle, which must
stay under 160 MB). Two hundred lines of QPainter draw what the dashboard needs, in any font
Qt has (Chinese labels included), and print and grab like any widget.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#1a5fb4", "#e66100", "#26a269", "#c01c28", "#813d9c", "#986a44", "#5e5c64",
           "#0b8a8a")


def color(index: int) -> QColor:
    return QColor(PALETTE[index % len(PALETTE)])


class LineChart(QWidget):
    """Series of values over the same x labels; None leaves a gap (no cases that week)."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.labels: list[str] = []
        self.series: list[tuple[str, list[float | None]]] = []
        self.percent = False
        self.setMinimumSize(QSize(320, 200))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
                 percent: bool = False) -> None:
        self.labels = list(labels)
        self.series = [(name, list(values)) for name, values in series]
        self.percent = percent
        self.update()

    def top(self) -> float:
        """The axis maximum: 4 × a round step (1, 2, 2.5 or 5 × 10^k), so ticks are round."""
        if self.percent:
            return 1.0
        values = [v for _n, vs in self.series for v in vs if v is not None]
        peak = max(values, default=0) or 1
        magnitude = 10 ** math.floor(math.log10(peak / 4)) if peak >= 4 else 1
        for factor in (1, 2, 2.5, 5, 10):
            if 4 * factor * magnitude >= peak:
                return 4 * factor * magnitude
        return 40.0 * magnitude

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        p.setFont(font)
        metrics = p.fontMetrics()
        line = metrics.height()
        title_font = QFont(font)
        title_font.setBold(True)
        p.setFont(title_font)
        p.drawText(QRectF(8, 4, self.width() - 16, line + 2), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(font)
        # legend
        x = 8.0
        legend_y = 8 + line
        for i, (name, _v) in enumerate(self.series):
            p.fillRect(QRectF(x, legend_y + line / 2 - 3, 14, 6), color(i))
            p.drawText(QPointF(x + 18, legend_y + line * 0.8), name)
            x += 30 + metrics.horizontalAdvance(name)
            if x > self.width() - 80:
                x, legend_y = 8.0, legend_y + line
        top = self.top()
        axis_labels = [f"{top * k / 4 * 100:.0f}%" if self.percent else f"{top * k / 4:g}"
                       for k in range(5)]
        left = 12 + max(metrics.horizontalAdvance(t) for t in axis_labels)
        plot = QRectF(left, legend_y + line + 6, self.width() - left - 12,
                      self.height() - legend_y - 2 * line - 16)
        if plot.height() < 20 or plot.width() < 20:
            return
        p.setPen(QPen(QColor("#dddddd"), 1))
        for k in range(5):
            y = plot.bottom() - plot.height() * k / 4
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(QColor("#555555"))
            p.drawText(QRectF(0, y - line / 2, left - 4, line),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, axis_labels[k])
            p.setPen(QPen(QColor("#dddddd"), 1))
        n = len(self.labels)
        if n == 0:
            return

        def x_at(i: int) -> float:
            return plot.left() + (plot.width() * i / (n - 1) if n > 1 else plot.width() / 2)

        p.setPen(QColor("#555555"))
        every = max(1, n // max(1, int(plot.width() // (metrics.horizontalAdvance("00-00") + 12))))
        for i in range(0, n, every):
            p.drawText(QRectF(x_at(i) - 30, plot.bottom() + 2, 60, line),
                       Qt.AlignmentFlag.AlignHCenter, self.labels[i])
        for s, (_name, values) in enumerate(self.series):
            pen = QPen(color(s), 2)
            p.setPen(pen)
            path = QPainterPath()
            drawing = False
            for i, v in enumerate(values[:n]):
                if v is None:
                    drawing = False
                    continue
                point = QPointF(x_at(i), plot.bottom() - plot.height() * min(v, top) / top)
                if drawing:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    drawing = True
            p.drawPath(path)


class BarChart(QWidget):
    """Horizontal bars with their labels and values (department scores, counts)."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.items: list[tuple[str, float | None, str]] = []  # label, value, text
        self.maximum = 100.0
        self.colors: list[QColor] = []
        self.setMinimumSize(QSize(320, 200))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, items: Sequence[tuple[str, float | None, str]], maximum: float | None = None,
                 colors: Sequence[QColor] | None = None) -> None:
        self.items = list(items)
        values = [v for _l, v, _t in self.items if v is not None]
        self.maximum = maximum or (max(values, default=0) or 1)
        self.colors = list(colors or [])
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        title_font = QFont(font)
        title_font.setBold(True)
        p.setFont(title_font)
        line = p.fontMetrics().height()
        p.drawText(QRectF(8, 4, self.width() - 16, line + 2), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(font)
        metrics = p.fontMetrics()
        if not self.items:
            return
        label_width = min(self.width() * 0.45, max(metrics.horizontalAdvance(lab) for lab, _v, _t in self.items) + 10)
        top = line + 12
        row = max(12.0, min(line * 1.5, (self.height() - top - 6) / len(self.items)))
        visible = int((self.height() - top) // row)
        bar_space = self.width() - label_width - 70
        for i, (label, value, text) in enumerate(self.items[:visible]):
            y = top + i * row
            p.setPen(QColor("#222222"))
            p.drawText(QRectF(4, y, label_width - 8, row),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_width - 8)))
            if value is not None:
                width = bar_space * max(0.0, value) / self.maximum
                fill = self.colors[i] if i < len(self.colors) else color(0)
                p.fillRect(QRectF(label_width, y + row * 0.15, width, row * 0.7), fill)
                p.drawText(QRectF(label_width + width + 4, y, 66, row),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            else:
                p.drawText(QRectF(label_width, y, 66, row), Qt.AlignmentFlag.AlignVCenter, "—")
