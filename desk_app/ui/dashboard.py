"""The dashboard (数据看板): requests per week by category and by community, signing and
completion rates over time, department scores, the hot-spot map, and foresight (预计上升).
Figures are computed off the GUI thread (desk_app.reports.dashboard) and drawn by our own
QPainter widgets (dashboard_charts, dashboard_map)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.text import DomainError
from desk_app.reports.dashboard import Dashboard, build_dashboard, week_label
from desk_app.reports.geo import Area, MapError, load_areas
from desk_app.reports.labels import Namer
from desk_app.store.desk import Desk
from desk_app.store.users import User

from .case_detail import plain
from .changes import Coalesced
from .dashboard_charts import BarChart, LineChart
from .dashboard_map import HotSpotMap
from .i18n import message, translate
from .tasks import BackgroundOp

GRADE_COLORS = {"excellent": QColor("#26a269"), "good": QColor("#1a5fb4"),
                "fair": QColor("#e66100"), "": QColor("#9a9996")}


class DashboardPage(QWidget):
    refreshed = Signal()

    def __init__(self, desk: Desk, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.user = desk, user
        self.board: Dashboard | None = None
        self.stale = True
        self.namer = Namer(desk.catalogue, translate, self.locale().name().startswith("zh"))
        try:
            self.areas: list[Area] = load_areas()
            self.map_problem = ""
        except MapError as error:
            self.areas, self.map_problem = [], message(error)
        self.areas = [a for a in self.areas if desk.catalogue.within(a.code, desk.identity.org)]
        self.weeks = QComboBox(objectName="dashboardWeeks")
        for weeks in (13, 26, 52, 104):
            self.weeks.addItem(self.tr("Last %n week(s)", "", weeks), weeks)
        self.weeks.setCurrentIndex(1)
        self.weeks.currentIndexChanged.connect(self.refresh)
        self.level = QComboBox(objectName="mapLevel")
        self.level.addItem(self.tr("Communities"), "community")
        self.level.addItem(self.tr("Grids"), "grid")
        self.level.currentIndexChanged.connect(lambda _i: self.map.set_level(self.level.currentData()))
        self.reload = QPushButton(self.tr("Refresh"), objectName="refreshDashboard")
        self.reload.clicked.connect(self.refresh)
        self.state = plain(name="dashboardState")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Dashboard of %1").replace("%1", self.namer.org(desk.identity.org))))
        bar.addWidget(self.weeks)
        bar.addWidget(self.level)
        bar.addWidget(self.reload)
        bar.addWidget(self.state, 1)
        self.trend = LineChart(self.tr("Requests per week, by category"))
        self.trend.setObjectName("trendChart")
        self.communities = LineChart(self.tr("Requests per week, by community"))
        self.communities.setObjectName("communityChart")
        self.rates = LineChart(self.tr("Signing timeliness and completion over time"))
        self.rates.setObjectName("ratesChart")
        self.scores = BarChart(self.tr("Department scores (last four weeks)"))
        self.scores.setObjectName("scoresChart")
        self.map = HotSpotMap()
        self.map.setObjectName("hotSpotMap")
        self.outlook = QTableWidget(0, 5, objectName="foresight")
        self.outlook.setHorizontalHeaderLabels([
            self.tr("Category"), self.tr("Community"), self.tr("Last 4 weeks"),
            self.tr("Expected, next 4 weeks"), self.tr("Same 4 weeks last year")])
        self.outlook.verticalHeader().setVisible(False)
        self.outlook.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.outlook.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.replay = plain(name="foresightReplay")
        self.replay.setWordWrap(True)
        foresight = QWidget()
        box = QVBoxLayout(foresight)
        box.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Expected to rise (预计上升) in the next four weeks"))
        heading.setStyleSheet("font-weight: bold;")
        box.addWidget(heading)
        box.addWidget(self.outlook, 1)
        box.addWidget(self.replay)
        grid = QGridLayout()
        grid.addWidget(self.trend, 0, 0)
        grid.addWidget(self.communities, 0, 1)
        grid.addWidget(self.map, 0, 2, 2, 1)
        grid.addWidget(self.rates, 1, 0)
        grid.addWidget(self.scores, 1, 1)
        grid.addWidget(foresight, 2, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid, 1)
        Coalesced(self, desk, lambda c: c.touches("case"), self.refresh)  # when shown

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        self.stale = False
        desk, weeks = self.desk, int(self.weeks.currentData() or 26)
        self.state.setText(self.tr("Counting…"))
        BackgroundOp(self, lambda _s: build_dashboard(desk, weeks=weeks)) \
            .success(self.show_board).failure(self._failed).run()

    def _failed(self, error: Exception) -> None:
        self.state.setText(message(error) if isinstance(error, DomainError) else str(error))

    def show_board(self, board: Dashboard) -> None:
        self.board = board
        n = self.namer
        labels = [week_label(w) for w in board.weeks]
        self.state.setText(self.tr("No requests in these weeks.") if board.empty else "")
        self.trend.set_data(labels, [(self.tr("All requests"), board.totals)] + [
            (n.category(c) if c else self.tr("Other"), v) for c, v in board.by_class.items()])
        top = sorted(board.by_community.items(), key=lambda kv: -sum(kv[1]))[:6]
        self.communities.set_data(labels, [(n.org(c), v) for c, v in top])
        self.rates.set_data(labels, [(self.tr("Signing timeliness"), board.signing),
                                     (self.tr("Completion"), board.completion),
                                     (self.tr("Satisfaction"), board.satisfaction)], percent=True)
        self.scores.set_data([(n.department(s.department), s.score,
                               f"{s.score:.1f} {n.grade(s.grade)}" if s.score is not None else "—")
                              for s in board.scores], 100,
                             [GRADE_COLORS[s.grade] for s in board.scores])
        names = {code: n.org(code) for code in self.desk.catalogue.orgs}
        self.map.set_data(self.areas, board.areas, board.points, names,
                          self.tr("Hot-spot map: requests of the weeks shown"),
                          self.map_problem)
        self.map.set_level(self.level.currentData())
        flagged = [f for f in board.outlook if f.flagged]
        self.outlook.setRowCount(len(flagged))
        for r, f in enumerate(flagged):
            for c, text in enumerate((n.category(f.category), n.org(f.community), str(f.recent),
                                      f"{f.expected:.1f}", str(f.last_year))):
                self.outlook.setItem(r, c, QTableWidgetItem(text))
        replay = board.replay
        if replay.flags:
            self.replay.setText(self.tr(
                "Method: the same weeks of earlier years (±2 weeks) times the recent trend; flagged "
                "when at least 3 requests and 1.5 times the last four weeks are expected. Replayed "
                "on the past year: %1 flags, %2 came true (%3%); rises happened in %4% of all "
                "category-community-weeks.")
                .replace("%1", str(replay.flags)).replace("%2", str(replay.came_true))
                .replace("%3", f"{(replay.hit_rate or 0) * 100:.0f}")
                .replace("%4", f"{(replay.base_rate or 0) * 100:.0f}"))
        else:
            self.replay.setText(self.tr("Foresight needs at least a year of history."))
        self.refreshed.emit()
