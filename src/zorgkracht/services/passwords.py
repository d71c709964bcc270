"""The password policy, after NIST SP 800-63B (section 3.1.1.2): length, not a commonly used
password, not the account's own name; no composition rules (no "one digit, one capital").

- at least 10 and at most 1024 characters (counted after Unicode NFC normalisation);
- not one of the 30,000 most common passwords: the ``passwords`` list that the ``zxcvbn``
  package ships (``zxcvbn.frequency_lists``, MIT licence; the list comes from Mark Burnett's
  10 million leaked passwords, xato.net), compared without regard to letter case;
- not (little more than) the user name, the display name or the name of the application.

The same rules hold at first-run setup, when an administrator creates or resets an account,
when a user changes their password, and on the command line.
"""

from __future__ import annotations

import functools
import unicodedata

from zorgkracht.domain import Problem

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
CONTEXT_WORDS = ("zorgkracht",)


@functools.cache
def common_passwords() -> frozenset[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    words: list[str] = FREQUENCY_LISTS["passwords"]
    return frozenset(w.casefold() for w in words)


def password_problems(password: str, *names: str) -> list[Problem]:
    """What is wrong with ``password`` for an account with these names (empty when fine)."""
    text = unicodedata.normalize("NFC", password)
    if len(text) < MIN_PASSWORD:
        return [
            Problem(
                "password",
                f"kies een wachtwoord van minstens {MIN_PASSWORD} tekens",
                f"choose a password of at least {MIN_PASSWORD} characters",
                "too_short",
            )
        ]
    if len(text) > MAX_PASSWORD:
        return [
            Problem(
                "password",
                f"gebruik hooguit {MAX_PASSWORD} tekens",
                f"use at most {MAX_PASSWORD} characters",
                "too_long",
            )
        ]
    folded = text.casefold()
    if folded in common_passwords() or folded.strip() in common_passwords():
        return [
            Problem(
                "password",
                "dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden; kies een ander, "
                "bijvoorbeeld een zin van een paar woorden",
                "this password is on the list of commonly used passwords; choose another, for "
                "example a sentence of a few words",
                "common",
            )
        ]
    for name in (*names, *CONTEXT_WORDS):
        word = unicodedata.normalize("NFKC", name).casefold().strip()
        if len(word) >= 3 and word in folded and len(folded.replace(word, "")) < MIN_PASSWORD:
            return [
                Problem(
                    "password",
                    "het wachtwoord lijkt te veel op de naam of gebruikersnaam van het account; "
                    "kies een ander",
                    "the password is too much like the account's name or user name; choose another",
                    "like_name",
                )
            ]
    return []
