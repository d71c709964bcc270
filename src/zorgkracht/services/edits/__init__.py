"""Edits of a case in place (drawing on the map): pure operations, each with its inverse.

An operation is a JSON object ``{"op": <name>, ...}``. :func:`apply_edit` checks it, applies it
to a copy of the case, checks every invariant of the result, and returns the new case together
with the *inverse* operation: applying the inverse to the new case gives back the original case
exactly (the same records in the same order). Undo applies the inverse; the inverse of the
inverse is the redo.

Nothing is changed when anything is wrong: :class:`~zorgkracht.domain.InvalidInput` names the
field (``name``, ``changes/strength``, ``a``, ...) in Dutch and English.

The operations, and their inverses:

=====================  ===============================================================
``add_person``         ``remove_person``; besides name, gender, role, circle, ... also
                       ``organisation``, ``wish``, ``energy``, ``may_ask``,
                       ``receives_care``, ``own_needs``
``update_person``      ``update_person`` with the old values of the changed fields
``remove_person``      ``restore_person`` (the person with every tie, membership, relation,
                       position and instrument answers of now they gave that went with them,
                       each at its old place)
``set_circle``         ``set_circle`` (netwerkschema: dragging to another circle)
``set_household``      ``set_household``
``add_domain``         ``remove_domain``
``rename_domain``      ``rename_domain`` (kept for older clients; ``update_domain`` also
                       renames)
``update_domain``      ``update_domain`` with the old values: ``name``, ``kind`` (a
                       domain kind), ``note``; ``members`` change through
                       ``add_to_domain`` / ``remove_from_domain``
``remove_domain``      ``restore_domain``
``add_to_domain``      ``remove_from_domain`` and back
``add_tie``            ``remove_tie`` and back (``add_tie`` with the old ``index``)
``update_tie``         ``update_tie`` (also ``care_tasks`` and the client's care:
                       ``client_care_hours_per_week``, ``client_care_months``,
                       ``client_care_tasks``)
``add_couple``         ``remove_couple`` and back (``add_couple`` with the old ``index``):
                       partners ``a`` and ``b``, ``type`` (a couple type), ``start_year``,
                       ``end_year``
``update_couple``      ``update_couple``
``add_child``          ``remove_child`` and back (``add_child`` with the old ``index``): ``child``
                       hanging from ``parents`` (one or two person ids), ``type`` (a child type)
``update_child``       ``update_child``
``add_emotion``        ``remove_emotion`` and back (``add_emotion`` with the old ``index``):
                       ``a`` and ``b``, ``type`` (an emotional type; directed types point from
                       ``a`` to ``b``)
``update_emotion``     ``update_emotion``
``set_position``       ``set_position`` with the old point, or ``clear_position``
``clear_position``     ``set_position``
``add_event``          ``remove_event``: a life event of now (``year``, ``title``,
                       ``valence`` -3..3, ``date``, ``persons``, ``sensitive``, ``note``)
``update_event``       ``update_event``
``remove_event``       ``add_event`` with the old ``index``
``set_instrument``     ``set_instrument`` with the old answers, or ``remove_instrument``:
                       the answers of now (``answers`` by item number, ``taken_on``) to
                       ``instrument`` by ``respondent`` (the client when ``null``), replacing
                       those of the same instrument and respondent
``remove_instrument``  ``set_instrument`` with the old answers and ``index``
``set_phasing``        ``set_phasing`` with the old phasing (and the old ``steps`` when the
                       new phasing lacks a step that was marked)
``set_record``         ``set_record`` with the old value: ``record`` (``referral``,
                       ``intake``, ``coach``, ``team``, ``closing``) set to ``value`` or
                       removed with ``null``
``add_help_question``  ``remove_help_question``; ``add_meeting``, ``add_action`` and
                       ``add_evaluation`` likewise: the fields of the case file's process
``update_help_question`` ``update_help_question`` with the old values (and likewise for
                       meetings, actions, evaluations)
``remove_help_question`` ``add_help_question`` with the old ``index``; refused while an
                       action, meeting or evaluation names it (an action while an
                       evaluation does)
``set_step``           ``set_step`` with the old record, or ``clear_step``
``clear_step``         ``set_step`` with the old record and ``index``
``batch``              ``batch`` of the inverses in reverse order: ``operations`` (any
                       but ``batch``) applied one after another as one edit, all or
                       nothing (a problem is named under ``operations/#<n>/``, n from 1)
=====================  ===============================================================

``update_*`` takes ``{"id": ..., "changes": {field: value}}`` with fields as in the case file;
the id cannot be changed. The family relations (couples, children, emotional relations) are
checked before anything changes: both ends are persons of the case, nobody is their own partner
or parent, a couple does not end before it starts, no parent line runs round (nobody becomes
their own ancestor), a child is not born before a parent, and the same child relation is not
added twice. The process is checked by :mod:`zorgkracht.domain.process_rules` (an action
tied to a help question, persons of the network, an end not before the start, hours within a
week, invitees the client allows); ``remove_person`` is refused while the process names the
person. New ids are fresh in the case and all its snapshots
(:func:`zorgkracht.domain.ids.next_id`); :func:`take_snapshot` keeps the current network as a
new snapshot under such an id.
"""

from zorgkracht.domain.snapshots import take_snapshot

from .apply import OPERATIONS, EditResult, apply_edit, parse_edit
from .operations import (
    VIEWS,
    AddChild,
    AddCouple,
    AddDomain,
    AddEmotion,
    AddEvent,
    AddPerson,
    AddTie,
    AddToDomain,
    Batch,
    ClearPosition,
    Coordinate,
    Id,
    Index,
    Json,
    Membership,
    Placed,
    RemoveChild,
    RemoveCouple,
    RemoveDomain,
    RemoveEmotion,
    RemoveEvent,
    RemoveFromDomain,
    RemoveInstrument,
    RemovePerson,
    RemoveTie,
    RenameDomain,
    RestoreChild,
    RestoreDomain,
    RestorePerson,
    SetCircle,
    SetHousehold,
    SetInstrument,
    SetPosition,
    UpdateChild,
    UpdateCouple,
    UpdateDomain,
    UpdateEmotion,
    UpdateEvent,
    UpdatePerson,
    UpdateTie,
    ViewName,
    Year,
)
from .records import record_json

__all__ = [
    "OPERATIONS",
    "VIEWS",
    "AddChild",
    "AddCouple",
    "AddDomain",
    "AddEmotion",
    "AddEvent",
    "AddPerson",
    "AddTie",
    "AddToDomain",
    "Batch",
    "ClearPosition",
    "Coordinate",
    "EditResult",
    "Id",
    "Index",
    "Json",
    "Membership",
    "Placed",
    "RemoveChild",
    "RemoveCouple",
    "RemoveDomain",
    "RemoveEmotion",
    "RemoveEvent",
    "RemoveFromDomain",
    "RemoveInstrument",
    "RemovePerson",
    "RemoveTie",
    "RenameDomain",
    "RestoreChild",
    "RestoreDomain",
    "RestorePerson",
    "SetCircle",
    "SetHousehold",
    "SetInstrument",
    "SetPosition",
    "UpdateChild",
    "UpdateCouple",
    "UpdateDomain",
    "UpdateEmotion",
    "UpdateEvent",
    "UpdatePerson",
    "UpdateTie",
    "ViewName",
    "Year",
    "apply_edit",
    "parse_edit",
    "record_json",
    "take_snapshot",
]
