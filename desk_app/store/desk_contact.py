"""What the receipt tells the resident about reaching the desk and the centre: the desk's
telephone number and the centre's public address for residents (the progress page). Both are
desk settings kept in the desk's own database, so every worker's receipt says the same."""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.domain.lookup import check_public_address
from desk_app.domain.text import DomainError
from desk_app.domain.validation import InputError, normalize_phone

from .access import requires
from .audit import Audited, note_audit
from .database import Database
from .desk import Desk, read_meta, write_meta
from .users import User

PHONE_KEY, ADDRESS_KEY = "desk.phone", "centre.public_url"


@dataclass(frozen=True)
class DeskContact:
    phone: str = ""  # as stored by normalize_phone, e.g. 0755-25551234
    public_url: str = ""  # e.g. https://zhongxin.yantian.gov.cn, without a trailing slash


def read_desk_contact(db: Database) -> DeskContact:
    with db.read() as conn:
        return DeskContact(read_meta(conn, PHONE_KEY) or "", read_meta(conn, ADDRESS_KEY) or "")


@requires("settings")
def save_desk_contact(desk: Desk, user: User, phone: str, public_url: str) -> DeskContact:
    """Check and store both (an administrator's setting); DomainError changes nothing. A change
    is recorded in the access audit, in the same unit of work."""
    try:
        stored_phone = normalize_phone(phone) if phone.strip() else ""
    except InputError as error:
        values = {k: v for k, v in error.values.items() if k != "field"}
        raise DomainError(error.text, field="desk_phone", **values) from None
    contact = DeskContact(stored_phone, check_public_address(public_url))
    with desk.write() as unit:
        before = DeskContact(read_meta(unit.conn, PHONE_KEY) or "",
                             read_meta(unit.conn, ADDRESS_KEY) or "")
        write_meta(unit.conn, PHONE_KEY, contact.phone)
        write_meta(unit.conn, ADDRESS_KEY, contact.public_url)
        changed = [key for key, old, new in ((PHONE_KEY, before.phone, contact.phone),
                                             (ADDRESS_KEY, before.public_url, contact.public_url))
                   if old != new]
        if changed:
            note_audit(unit, user, Audited("settings.changed", target=", ".join(changed),
                                           detail=f"{contact.phone} {contact.public_url}"))
            unit.note("settings")
    return contact
