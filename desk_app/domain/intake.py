"""What the window records when a request is registered, and its checks field by field."""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue import Catalogue
from .lookup import new_secret
from .text import QT_TRANSLATE_NOOP as _t
from .text import DomainError
from .validation import InputError, normalize_id_number, normalize_phone
from .vocabulary import CHANNELS, KINDS, URGENCIES

TITLE_LENGTH = 30
# "井盖缺失" (manhole cover missing) is a whole request in four characters, "路灯坏" in three;
# two are mostly a bare keyword ("噪音"), not yet what the resident said.
MIN_DESCRIPTION = 3


@dataclass
class Intake:
    channel: str = "window"
    kind: str = "complaint"
    description: str = ""
    category: str = ""
    urgency: str = "ordinary"
    community: str = ""
    grid: str = ""
    address: str = ""
    name: str = ""
    phone: str = ""
    id_number: str = ""
    anonymous: bool = False
    title: str = ""
    latitude: float | None = None
    longitude: float | None = None
    source_entity: str | None = None
    source_id: str | None = None
    public: bool = False  # 同意公开: may be shown, redacted, in a public listing
    extra: dict[str, object] = field(default_factory=dict)


def derive_title(description: str) -> str:
    """The first sentence of the description, cut to a list-friendly length."""
    text = " ".join(description.split())
    for stop in "。！？!?；;\n":
        if stop in text:
            text = text.split(stop, 1)[0]
    return text[:TITLE_LENGTH] or text


def check_intake(intake: Intake, catalogue: Catalogue) -> dict[str, DomainError]:
    """Every problem with the form, keyed by field, so each can be shown where it belongs."""
    errors: dict[str, DomainError] = {}

    def fail(name: str, text: str, **values: object) -> None:
        errors.setdefault(name, InputError(text, field=name, **values))

    if intake.channel not in CHANNELS:
        fail("channel", _t("domain", "Choose how the request came in."))
    if intake.kind not in KINDS:
        fail("kind", _t("domain", "Choose the kind of request."))
    if intake.urgency not in URGENCIES:
        fail("urgency", _t("domain", "Choose the urgency."))
    description = intake.description.strip()
    if len(description) < MIN_DESCRIPTION:
        fail("description", _t("domain", "Describe the request in a few words (at least 3 characters)."))
    elif len(intake.description) > 5000:
        fail("description", _t("domain", "The description is too long ({length} characters; at most 5000)."),
             length=len(intake.description))
    item = catalogue.items.get(intake.category)
    if item is None:
        fail("category", _t("domain", "Choose a category from the catalogue."))
    elif item.retired:
        fail("category", _t("domain", "This category is retired; choose a current one."))
    community = catalogue.orgs.get(intake.community)
    if community is None or community.level != "community":
        fail("community", _t("domain", "Choose the community."))
    if intake.grid:
        grid = catalogue.orgs.get(intake.grid)
        if grid is None or grid.parent != intake.community:
            fail("grid", _t("domain", "This grid does not belong to the chosen community."))
    if len(intake.title) > 100:
        fail("title", _t("domain", "The title is too long (at most 100 characters)."))
    for name, limit in (("latitude", 90), ("longitude", 180)):
        value = getattr(intake, name)
        if value is not None and not -limit <= value <= limit:
            fail(name, _t("domain", "The location is not on the map (latitude ±90, longitude ±180)."))
    if len(intake.address) > 200:
        fail("address", _t("domain", "The address is too long (at most 200 characters)."))
    if not intake.anonymous:
        if not intake.name.strip():
            fail("name", _t("domain", "Enter the resident's name, or tick “anonymous”."))
        elif len(intake.name) > 50:
            fail("name", _t("domain", "The name is too long (at most 50 characters)."))
        if not intake.phone.strip():
            fail("phone", _t("domain", "Enter a phone number so the resident can be called back."))
    for name, check in (("phone", normalize_phone), ("id_number", normalize_id_number)):
        value = getattr(intake, name).strip()
        if value and name not in errors:
            try:
                check(value)
            except InputError as error:
                errors[name] = error
    return errors


def registration_payload(intake: Intake, catalogue: Catalogue, number: str) -> dict[str, object]:
    """The payload of `case.registered` for a form that passed `check_intake`."""
    item = catalogue.items[intake.category]
    payload: dict[str, object] = {
        "number": number, "kind": intake.kind, "channel": intake.channel,
        "title": intake.title.strip() or derive_title(intake.description),
        "description": intake.description.strip(), "urgency": intake.urgency,
        "category": item.code, "time_limit": str(item.time_limit),
        "community": intake.community, "grid": intake.grid or None,
        "address": intake.address.strip() or None,
        "anonymous": intake.anonymous or None,
        "latitude": intake.latitude, "longitude": intake.longitude,
        "source_entity": intake.source_entity, "source_id": intake.source_id,
        "public": intake.public or None, "lookup": new_secret(),
    }
    if intake.phone.strip():
        payload["phone"] = normalize_phone(intake.phone)
    if not intake.anonymous:
        payload["name"] = intake.name.strip()
    if intake.id_number.strip():
        payload["id_number"] = normalize_id_number(intake.id_number)
    return {k: v for k, v in payload.items() if v is not None}
