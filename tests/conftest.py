"""Settings for the whole suite.

Hypothesis: no per-example deadline (CI machines are shared and timing is not what these
properties test; speed is measured in ``benchmarks/``), and a fixed derandomised profile in CI
(``ZORGKRACHT_HYPOTHESIS=ci``) so that a run is reproducible.

The user data folder (``XDG_DATA_HOME``: the default SQLite file and the session key file) is a
temporary folder for the whole run, so that no test reads or writes the real one.
"""

from __future__ import annotations

import os
import tempfile

from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.load_profile(os.environ.get("ZORGKRACHT_HYPOTHESIS", "default"))

os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="zorgkracht-test-data-")
