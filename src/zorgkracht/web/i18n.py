"""Interface texts in Dutch (the default) and English.

Templates call ``_("English text")``; the Dutch text is looked up here. The message catalogue
moves to Babel ``.po`` files together with the full interface.
"""

from __future__ import annotations

from collections.abc import Callable

NL: dict[str, str] = {
    "Cases": "Casussen",
    "Search": "Zoeken",
    "Search by title or name": "Zoek op titel of naam",
    "No cases found.": "Geen casussen gevonden.",
    "Case": "Casus",
    "Client": "Cliënt",
    "Persons": "Personen",
    "Snapshots": "Momentopnamen",
    "Version": "Versie",
    "Last changed": "Laatst gewijzigd",
    "Name": "Naam",
    "Role": "Rol",
    "Circle": "Cirkel",
    "Zone": "Zone",
    "Support": "Steun",
    "Born": "Geboren",
    "Network members": "Netwerkleden",
    "Client system": "Cliëntsysteem",
    "Domains": "Domeinen",
    "Download case file (JSON)": "Casusbestand downloaden (JSON)",
    "Back to the cases": "Terug naar de casussen",
    "Case not found": "Casus niet gevonden",
    "There is no case with id": "Er is geen casus met id",
    "Language": "Taal",
    "Skip to content": "Naar de inhoud",
    "archived": "gearchiveerd",
    "API documentation": "API-documentatie",
    "Life events": "Levensgebeurtenissen",
    "Year": "Jaar",
    "Event": "Gebeurtenis",
    "Taken on": "Datum",
    "Label": "Omschrijving",
    "client": "cliënt",
}


def translator(lang: str) -> Callable[[str], str]:
    if lang == "en":
        return lambda text: text
    return lambda text: NL.get(text, text)
