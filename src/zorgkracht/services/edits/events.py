"""Applying the operations on life events (the levenslijn of now) and on the instrument answers
of now; each returns its inverse."""

from __future__ import annotations

from zorgkracht.domain import Case, InstrumentResponse, LifeEvent
from zorgkracht.domain.errors import raise_if
from zorgkracht.domain.rules import event_problems, instrument_problems

from .ids import _check_new_id, _index
from .messages import _At, _problem
from .operations import AddEvent, Json, RemoveEvent, RemoveInstrument, SetInstrument, UpdateEvent
from .records import _changes, _event, record_json


def _event_index(case: Case, ident: str, where: str = "id") -> int:
    return _index(case.network.events, ident, where, "gebeurtenis", "life event")


def _add_event(case: Case, op: AddEvent) -> Json:
    net = case.network
    fields = op.model_dump(exclude={"op", "id", "index", "persons"}, mode="python")
    event = LifeEvent(id="", persons=list(op.persons), **fields)
    raise_if(event_problems(event, net.person_ids(), _At()))
    event.id = _check_new_id(case, op.id, "events")
    at = len(net.events) if op.index is None else min(op.index, len(net.events))
    net.events.insert(at, event)
    return {"op": "remove_event", "id": event.id}


def _update_event(case: Case, op: UpdateEvent) -> Json:
    net = case.network
    k = _event_index(case, op.id)
    event, old = _changes(net.events[k], op.changes, _event, {"id"})
    raise_if(event_problems(event, net.person_ids(), _At(op.changes)))
    net.events[k] = event
    return {"op": "update_event", "id": op.id, "changes": old}


def _remove_event(case: Case, op: RemoveEvent) -> Json:
    net = case.network
    k = _event_index(case, op.id)
    event = net.events.pop(k)
    return {"op": "add_event", **record_json(event), "index": k}


def _instrument_index(case: Case, instrument: str, respondent: str | None) -> int | None:
    for k, response in enumerate(case.instruments):
        if response.instrument == instrument and response.respondent == respondent:
            return k
    return None


def _set_instrument(case: Case, op: SetInstrument) -> Json:
    response = InstrumentResponse(
        instrument=op.instrument,
        answers=dict(op.answers),
        taken_on=op.taken_on,
        respondent=op.respondent,
    )
    raise_if(instrument_problems(response, case.network.person_ids(), _At()))
    k = _instrument_index(case, op.instrument, op.respondent)
    if k is not None:
        old = case.instruments[k]
        case.instruments[k] = response
        return {"op": "set_instrument", **record_json(old)}
    at = len(case.instruments) if op.index is None else min(op.index, len(case.instruments))
    case.instruments.insert(at, response)
    return {"op": "remove_instrument", "instrument": op.instrument, "respondent": op.respondent}


def _remove_instrument(case: Case, op: RemoveInstrument) -> Json:
    k = _instrument_index(case, op.instrument, op.respondent)
    if k is None:
        who = op.respondent or "de cliënt"
        who_en = op.respondent or "the client"
        raise _problem(
            "instrument",
            f"er zijn geen antwoorden op '{op.instrument}' van {who}",
            f"there are no answers to '{op.instrument}' by {who_en}",
            "unknown_reference",
        )
    old = case.instruments.pop(k)
    return {"op": "set_instrument", **record_json(old), "index": k}
