"""Tools for developing Zorgkracht, never shipped in the wheel: the builders of the demo case
files (:mod:`devtools.demo`), the seeded case generators that tests and benchmarks share
(:mod:`devtools.generators`) and what the build compiles (:mod:`devtools.compiled`)."""
