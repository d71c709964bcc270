"""The texts the page scripts show (``web/static/**/*.js``), declared once.

The scripts ask for a text by its English message id, as the templates do: ``t("Saved.")``,
``t("Not saved: %(reason)s", {reason: ...})`` (``web/static/messages.js``). The page embeds
these texts translated with the same Babel catalogues as the templates (see
:func:`zorgkracht.web.i18n.Translator.script_messages`), in
``<script type="application/json" id="zk-messages">``. ``N_`` marks each id for ``pybabel
extract`` (one of Babel's default keywords); ``tests/web/test_js_messages.py`` checks that every
``t("...")`` of the scripts is listed here and translated.
"""

from __future__ import annotations

from . import language, translations

__all__ = ["SCRIPT_MESSAGES", "script_messages"]


def N_(text: str) -> str:  # the gettext name for "extract now, translate later"
    """``text`` itself: marks it for extraction, to be translated when the page is drawn."""
    return text


SCRIPT_MESSAGES: tuple[str, ...] = (
    # both scripts
    N_("Saved."),
    # the case page (static/case/)
    N_("Saving…"),
    N_("Undone."),
    N_("Redone."),
    N_("Selected: %(name)s. Choose a second person to connect them."),
    N_("Selected: %(name)s. Choose a second person for a family relation."),
    N_("%(parent)s is a parent of %(child)s"),
    N_("%(child)s, child of %(parents)s"),
    N_("and"),
    N_("Nobody selected."),
    N_("Choose the first person, then the second."),
    N_("Remove %(name)s with all their ties? (You can undo this.)"),
    N_("Someone else saved this case in the meantime. Reload the page."),
    N_("Not saved: %(reason)s"),
    N_("No connection with the server; nothing was saved."),
    # interview mode (static/interview.js)
    N_("Added:"),
    N_(
        "is already in the network and was not added again. Is this someone else with the "
        "same name? Tick the box below and add again."
    ),
    N_("Not saved. Check the answer and try again."),
    N_("Someone else changed this case in the meantime. Reload the page to see the latest state."),
    N_("The server cannot be reached. Your last answer was not saved."),
)
"""The English message id of every text the scripts show."""


def script_messages(lang: str | None) -> dict[str, object]:
    """What the page embeds for its scripts: ``{"lang": "nl" | "en", "messages": {id: text}}``,
    each text in ``lang`` (Dutch unless ``lang`` is ``"en"``)."""
    chosen = language(lang)
    gettext = translations(chosen).gettext
    return {"lang": chosen, "messages": {msgid: gettext(msgid) for msgid in SCRIPT_MESSAGES}}
