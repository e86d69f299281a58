"""An Open311 GeoReport v2 facade over the platform's cases (http://wiki.open311.org/GeoReport_v2).

The catalogue's items are the services; a case is a service request. Internal statuses map to
open/closed, with the detail in status_notes. JSON and XML; errors in the spec's format.

Publication rules: reading requests needs an Open311 api_key (its org unit bounds what it
reads) unless the org unit asked for (`jurisdiction_id`) has been made public with
`community-desk-server open311-public`. Every listing shows only cases the resident agreed to
publish (同意公开 at the window; requests posted through Open311 itself are public), with names,
phones and ID numbers in the free text redacted. Discovery and the service list are the
public catalogue and need no key.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs
from xml.etree import ElementTree as ET

from fastapi import APIRouter, Request, Response
from sqlalchemy import or_, select, update
from starlette.concurrency import run_in_threadpool

from desk_app.domain.redact import redact
from desk_app.domain.sla import CHINA
from desk_app.domain.validation import InputError, normalize_phone
from desk_app.domain.vocabulary import ACTIVE, PUBLIC_STATUS_ZH

from . import schema as t
from .http import read_body
from .store import ServerError, ServerStore

SPEC = "http://wiki.open311.org/GeoReport_v2"
PUBLIC_KEY = "open311.public"  # server_meta: the org units anyone may read, comma-separated
STATUS_NOTES_ZH = PUBLIC_STATUS_ZH  # the same words as the progress page


class Open311Error(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code, self.description = code, description


def _xml(root: str, item: str, rows: list[dict[str, Any]]) -> bytes:
    top = ET.Element(root)
    for row in rows:
        node = ET.SubElement(top, item)
        for key, value in row.items():
            child = ET.SubElement(node, key)
            if isinstance(value, list):
                for entry in value:
                    sub = ET.SubElement(child, "attribute" if isinstance(entry, dict) else "value")
                    sub.text = json.dumps(entry) if isinstance(entry, dict) else str(entry)
            elif value is not None:
                child.text = str(value).lower() if isinstance(value, bool) else str(value)
    return b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(top, encoding="utf-8")


def _discovery_xml(body: dict[str, Any]) -> bytes:
    top = ET.Element("discovery")
    for key in ("changeset", "contact", "key_service"):
        ET.SubElement(top, key).text = str(body[key])
    endpoints = ET.SubElement(top, "endpoints")
    for entry in body["endpoints"]:
        node = ET.SubElement(endpoints, "endpoint")
        for key in ("specification", "url", "changeset", "type"):
            ET.SubElement(node, key).text = str(entry[key])
        formats = ET.SubElement(node, "formats")
        for fmt in entry["formats"]:
            ET.SubElement(formats, "format").text = fmt
    return b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(top, encoding="utf-8")


def _render(rows: list[dict[str, Any]], fmt: str, root: str, item: str,
            status: int = 200) -> Response:
    if fmt == "xml":
        return Response(_xml(root, item, rows), status_code=status, media_type="text/xml")
    return Response(json.dumps(rows, ensure_ascii=False), status_code=status,
                    media_type="application/json")


def _error(fmt: str, code: int, description: str) -> Response:
    return _render([{"code": code, "description": description}], fmt, "errors", "error", code)


def _format(name: str) -> tuple[str, str]:
    stem, _, fmt = name.rpartition(".")
    if fmt not in ("json", "xml") or not stem:
        raise Open311Error(404, "Use .json or .xml at the end of the address.")
    return stem, fmt


def _time(ms: int | None) -> str | None:
    if not ms:
        return None
    return datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone(CHINA).isoformat(timespec="seconds")


def _parse_time(text: str, name: str) -> int:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(400, f"{name} must be a W3C date-time such as 2026-11-21T10:00:00+08:00.") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=CHINA)
    return int(moment.timestamp() * 1000)


def public_jurisdictions(store: ServerStore) -> list[str]:
    with store.db.read() as conn:
        value = conn.execute(select(t.meta.c.value).where(t.meta.c.key == PUBLIC_KEY)).scalar()
    return [o for o in (value or "").split(",") if o]


def set_public_jurisdiction(store: ServerStore, org: str, public: bool) -> list[str]:
    """Open (or close again) an org unit's public listing; the public units afterwards."""
    if org not in store.catalogue.orgs:
        raise ServerError(400, f"Unknown organisation unit {org!r}.")
    with store.db.write() as conn:
        value = conn.execute(select(t.meta.c.value).where(t.meta.c.key == PUBLIC_KEY)).scalar()
        orgs = {o for o in (value or "").split(",") if o}
        orgs = orgs | {org} if public else orgs - {org}
        text = ",".join(sorted(orgs))
        if value is None:
            conn.execute(t.meta.insert().values(key=PUBLIC_KEY, value=text))
        else:
            conn.execute(update(t.meta).where(t.meta.c.key == PUBLIC_KEY).values(value=text))
    return sorted(orgs)


def _in_scopes(column: Any, scopes: list[str]) -> Any:
    """`column` is one of the org units or under one (a prefix test, collation-free)."""
    return or_(*[or_(column == s, column.startswith(s + "-", autoescape=True)) for s in scopes])


def open311_router(store: ServerStore) -> APIRouter:
    router = APIRouter(prefix="/open311/v2")
    catalogue = store.catalogue

    def service(item_code: str) -> dict[str, Any]:
        item = catalogue.items[item_code]
        top, _sub, _ = catalogue.path(item_code)
        return {"service_code": item.code, "service_name": item.name_zh,
                "description": item.standard or item.name_en, "metadata": False,
                "type": "realtime", "keywords": ",".join(item.keywords),
                "group": top.name_zh}

    def read_scopes(params: dict[str, str]) -> list[str]:
        """The org units this read may see: the key's, or the public one(s) asked for."""
        key = params.get("api_key", "")
        if key:
            return [store.key_row(key, "open311").subject]
        public = public_jurisdictions(store)
        wanted = params.get("jurisdiction_id", "")
        if wanted:
            if wanted not in public:
                raise Open311Error(401, "Reading requests needs an api_key: this jurisdiction's "
                                        "listing is not public.")
            return [wanted]
        if not public:
            raise Open311Error(401, "Reading requests needs an api_key (ask the centre for one).")
        return public

    def known_values(case_ids: list[str]) -> dict[str, list[str]]:
        """Each case's own name, phone and ID number, so that free text loses them too."""
        if not case_ids:
            return {}
        with store.db.read() as conn:
            rows = conn.execute(select(t.events.c.entity_id, t.events.c.payload).where(
                t.events.c.entity_id.in_(case_ids), t.events.c.type == "case.registered"))
            found = {}
            for entity_id, payload in rows:
                p = json.loads(payload)
                found[entity_id] = [str(p.get(k, "")) for k in ("name", "phone", "id_number")]
        return found

    def request_row(row: Any, known: list[str]) -> dict[str, Any]:
        item = catalogue.items.get(row.category)
        dept = catalogue.departments.get(row.lead or "")
        note = STATUS_NOTES_ZH.get(row.status, row.status)
        if row.resolution:
            note += "：" + redact(row.resolution, known)
        return {
            "service_request_id": row.number, "status": "open" if row.status in ACTIVE else "closed",
            "status_notes": note, "service_name": item.name_zh if item else row.category,
            "service_code": row.category, "description": redact(row.description, known),
            "agency_responsible": dept.name_zh if dept else None, "service_notice": None,
            "requested_datetime": _time(row.registered_at), "updated_datetime": _time(row.updated_at),
            "expected_datetime": None, "address": row.address or None, "address_id": row.org,
            "zipcode": None, "lat": row.latitude, "long": row.longitude, "media_url": None,
        }

    def guarded(handler: Any, reads_body: bool = False) -> Any:
        """The handler's work (its database calls) on a worker thread, never on the event
        loop; the loop only reads the request's body."""
        async def run(request: Request, name: str) -> Response:
            fmt = "xml" if name.endswith(".xml") else "json"
            try:
                extra = {"body": await read_body(request)} if reads_body else {}
                return await run_in_threadpool(handler, request, name, **extra)
            except Open311Error as error:
                return _error(fmt, error.code, error.description)
            except ServerError as error:
                return _error(fmt, error.status, error.message)
        return run

    @router.get("/{name}")
    async def top_level(request: Request, name: str) -> Response:
        return await guarded(_top_level)(request, name)

    def _top_level(request: Request, name: str) -> Response:
        stem, fmt = _format(name)
        if stem == "discovery":
            base = str(request.base_url).rstrip("/") + "/open311/v2/"
            body = {"changeset": catalogue.version, "contact": "社区诉求工作台中心平台",
                    "key_service": "Ask the centre for an API key.",
                    "endpoints": [{"specification": SPEC, "url": base, "changeset": catalogue.version,
                                   "type": "production", "formats": ["text/xml", "application/json"]}]}
            if fmt == "xml":
                return Response(_discovery_xml(body), media_type="text/xml")
            return Response(json.dumps(body, ensure_ascii=False), media_type="application/json")
        if stem == "services":
            rows = [service(i.code) for i in catalogue.active_items()]
            return _render(rows, fmt, "services", "service")
        if stem == "requests":
            return _render(list_requests(dict(request.query_params)), fmt, "service_requests", "request")
        raise Open311Error(404, "Unknown resource.")

    def list_requests(params: dict[str, str]) -> list[dict[str, Any]]:
        scopes = read_scopes(params)
        query = select(t.cases).where(t.cases.c.public.is_(True), _in_scopes(t.cases.c.org, scopes))
        if params.get("service_request_id"):
            ids = [i.strip() for i in params["service_request_id"].split(",") if i.strip()][:200]
            query = query.where(t.cases.c.number.in_(ids))
        else:
            end = _parse_time(params["end_date"], "end_date") if params.get("end_date") else None
            start = _parse_time(params["start_date"], "start_date") if params.get("start_date") else None
            if start is None:
                start = (end or int(datetime.now(UTC).timestamp() * 1000)) - int(
                    timedelta(days=90).total_seconds() * 1000)
            query = query.where(t.cases.c.registered_at >= start)
            if end is not None:
                query = query.where(t.cases.c.registered_at <= end)
            if params.get("service_code"):
                query = query.where(t.cases.c.category.in_(params["service_code"].split(",")[:50]))
            status = params.get("status")
            if status:
                wanted = set(status.split(","))
                if not wanted <= {"open", "closed"}:
                    raise Open311Error(400, "status must be open or closed.")
                if wanted == {"open"}:
                    query = query.where(t.cases.c.status.in_(sorted(ACTIVE)))
                elif wanted == {"closed"}:
                    query = query.where(t.cases.c.status.not_in(sorted(ACTIVE)))
        query = query.order_by(t.cases.c.registered_at.desc()).limit(1000)
        with store.db.read() as conn:
            rows = conn.execute(query).all()
        known = known_values([r.id for r in rows])
        return [request_row(r, known.get(r.id, [])) for r in rows]

    @router.get("/services/{name}")
    async def definition(request: Request, name: str) -> Response:
        return await guarded(_definition)(request, name)

    def _definition(_request: Request, name: str) -> Response:
        code, fmt = _format(name)
        if code not in catalogue.items or catalogue.items[code].retired:
            raise Open311Error(404, f"There is no service {code}.")
        body = {"service_code": code, "attributes": []}
        return _render([body], fmt, "service_definition", "definition") if fmt == "xml" else \
            Response(json.dumps(body), media_type="application/json")

    @router.get("/requests/{name}")
    async def one_request(request: Request, name: str) -> Response:
        return await guarded(_one_request)(request, name)

    def _one_request(request: Request, name: str) -> Response:
        number, fmt = _format(name)
        rows = list_requests({**dict(request.query_params), "service_request_id": number})
        if not rows:
            raise Open311Error(404, f"There is no service request {number}.")
        return _render(rows, fmt, "service_requests", "request")

    @router.get("/tokens/{name}")
    async def token(request: Request, name: str) -> Response:
        return await guarded(_token)(request, name)

    def _token(request: Request, name: str) -> Response:
        value, fmt = _format(name)
        scopes = read_scopes(dict(request.query_params))
        with store.db.read() as conn:
            row = conn.execute(select(t.cases.c.number).where(
                t.cases.c.token == value, _in_scopes(t.cases.c.org, scopes))).first()
        if row is None:
            raise Open311Error(404, "Unknown token.")
        return _render([{"service_request_id": row.number, "token": value}], fmt,
                       "service_requests", "request")

    @router.post("/{name}")
    async def create(request: Request, name: str) -> Response:
        return await guarded(_create, reads_body=True)(request, name)

    def _create(request: Request, name: str, body: bytes) -> Response:
        stem, fmt = _format(name)
        if stem != "requests":
            raise Open311Error(404, "Unknown resource.")
        try:
            form = {k: v[0] for k, v in parse_qs(body.decode("utf-8"), strict_parsing=False).items()}
        except UnicodeDecodeError:
            raise Open311Error(400, "The form must be UTF-8.") from None
        form.update({k: v for k, v in request.query_params.items() if k == "api_key"})
        key = store.key_row(form.get("api_key", ""), "open311")
        code = form.get("service_code", "")
        item = catalogue.items.get(code)
        if item is None or item.retired:
            raise Open311Error(404, f"There is no service {code or '(none given)'}.")
        place = _place(form, key.subject)
        description = form.get("description", "").strip()
        if len(description) < 5:
            raise Open311Error(400, "description is required (at least 5 characters).")
        payload: dict[str, Any] = {
            "kind": "complaint", "channel": "online", "title": description[:30],
            "description": description[:5000], "urgency": item.urgency, "category": item.code,
            "time_limit": str(item.time_limit), **place,
            "public": True,  # posted to a public API: listed, redacted, like 同意公开
        }
        name_given = f"{form.get('last_name', '')}{form.get('first_name', '')}".strip()
        if name_given:
            payload["name"] = name_given[:50]
        else:
            payload["anonymous"] = True
        if form.get("phone"):
            try:
                payload["phone"] = normalize_phone(form["phone"])
            except InputError as error:
                raise Open311Error(400, f"phone: {error}") from None
        for key_name, field, low, high in (("lat", "latitude", -90, 90), ("long", "longitude", -180, 180)):
            if form.get(key_name):
                try:
                    value = float(form[key_name])
                except ValueError:
                    raise Open311Error(400, f"{key_name} must be a number.") from None
                if not low <= value <= high:
                    raise Open311Error(400, f"{key_name} is out of range.")
                payload[field] = value
        if form.get("address_string"):
            payload["address"] = form["address_string"][:200]
        if not any(k in form for k in ("lat", "address_string", "address_id")):
            raise Open311Error(400, "A location is required: lat and long, address_string or address_id.")
        case_id, token_value = store.register_online(key, payload)
        with store.db.read() as conn:
            number = conn.execute(select(t.cases.c.number).where(t.cases.c.id == case_id)).scalar()
        return _render([{"service_request_id": number, "token": token_value,
                         "service_notice": "已受理，将分拨至" + catalogue.departments[item.lead].name_zh,
                         "account_id": None}], fmt, "service_requests", "request", 201)

    def _place(form: dict[str, str], scope: str) -> dict[str, str]:
        unit = catalogue.orgs.get(form.get("address_id", "") or scope)
        if unit is None or not (unit.code == scope or unit.code.startswith(scope + "-")):
            raise Open311Error(400, "address_id must be an organisation unit this key serves.")
        if unit.level == "grid":
            return {"community": unit.parent or "", "grid": unit.code}
        if unit.level == "community":
            return {"community": unit.code}
        raise Open311Error(400, "address_id must name a community or a grid.")

    return router
