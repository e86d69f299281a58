"""Department scores (部门考核): signing timeliness, completion and satisfaction, out of 100.

    score = 100 × (w_sign·signing + w_done·completion + w_sat·satisfaction) / (sum of the
            weights of the rates that have cases)

Defaults: weights 30 / 40 / 30; 优秀 (excellent) from 90, 良好 (good) from 75, else 一般 (fair).
A rate with no cases behind it (nothing evaluated yet, say) leaves its weight out rather than
counting as zero. A department is scored on the valid cases it leads that were registered in
the period, with the same definitions as the report's rates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError
from desk_app.store.report_queries import Fact

from .rates import Rate, compute_rates, is_valid

GRADES = {
    "excellent": _t("reports", "Excellent"),
    "good": _t("reports", "Good"),
    "fair": _t("reports", "Fair"),
}
FORMULA = _t("reports", "Score = 100 × ({w_sign} × signing timeliness + {w_done} × completion + {w_sat} × satisfaction) ÷ the sum of the weights of the rates that have cases. Grades: excellent from {excellent}, good from {good}, otherwise fair.")


@dataclass(frozen=True)
class ScoreSettings:
    sign_weight: float = 30.0
    completion_weight: float = 40.0
    satisfaction_weight: float = 30.0
    excellent: float = 90.0
    good: float = 75.0

    def checked(self) -> ScoreSettings:
        weights = (self.sign_weight, self.completion_weight, self.satisfaction_weight)
        if min(weights) < 0 or sum(weights) <= 0:
            raise DomainError(_t("reports", "The weights must be zero or more, and not all zero."))
        if not 0 <= self.good <= self.excellent <= 100:
            raise DomainError(_t("reports", "The grade thresholds must lie between 0 and 100, with “good” not above “excellent”."))
        return self

    def formula_values(self) -> dict[str, str]:
        def n(x: float) -> str:
            return f"{x:g}"
        return {"w_sign": n(self.sign_weight), "w_done": n(self.completion_weight),
                "w_sat": n(self.satisfaction_weight), "excellent": n(self.excellent),
                "good": n(self.good)}


@dataclass(frozen=True)
class DepartmentScore:
    department: str
    case_ids: tuple[str, ...]
    signing: Rate
    completion: Rate
    satisfaction: Rate
    score: float | None
    grade: str  # key of GRADES, "" when there is nothing to score


def score_of(rates: Sequence[tuple[float | None, float]]) -> float | None:
    present = [(value, weight) for value, weight in rates if value is not None and weight > 0]
    total = sum(w for _v, w in present)
    if not present or total <= 0:
        return None
    return 100 * sum(v * w for v, w in present) / total


def grade_of(score: float | None, settings: ScoreSettings) -> str:
    if score is None:
        return ""
    if score >= settings.excellent:
        return "excellent"
    return "good" if score >= settings.good else "fair"


def department_scores(facts: Sequence[Fact], now_ms: int,
                      settings: ScoreSettings | None = None) -> list[DepartmentScore]:
    """One score per lead department, best first (unscored ones last)."""
    settings = (settings or ScoreSettings()).checked()
    by_department: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.lead and is_valid(fact):
            by_department.setdefault(fact.lead, []).append(fact)
    scores = []
    for department, own in by_department.items():
        rates = compute_rates(own, now_ms)
        score = score_of([(rates["signing"].value, settings.sign_weight),
                          (rates["completion"].value, settings.completion_weight),
                          (rates["satisfaction"].value, settings.satisfaction_weight)])
        scores.append(DepartmentScore(department, tuple(f.case_id for f in own),
                                      rates["signing"], rates["completion"],
                                      rates["satisfaction"], score, grade_of(score, settings)))
    scores.sort(key=lambda s: (s.score is None, -(s.score or 0), s.department))
    return scores
