"""A writer process for the backup tests: edits burst cases one after another until killed.

``python -m tests.security.ops_writer URL ID [ID ...]`` prints ``edit N`` after every saved
edit (flushed), so a test can wait for a burst under way and then ``kill -9`` it.
"""

from __future__ import annotations

import sys
from itertools import count

from tests.security.ops_support import burst_edit
from zorgkracht.storage import CaseStore


def main(argv: list[str]) -> None:
    url, ids = argv[0], argv[1:]
    store = CaseStore(url)
    for n in count(1):
        case_id = ids[n % len(ids)]
        record = store.get(case_id)
        store.save(burst_edit(record), record.version)
        print(f"edit {n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
