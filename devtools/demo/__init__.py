"""The builders of the demo cases from the book (``flodder``, ``fatima``, ``karel``,
``tavenier``, ``ada``, ``pauline``).

``python -m devtools.demo.build`` writes them as the case files that ship in the package
(``src/zorgkracht/demo/*.zorgkracht.json``, read by :mod:`zorgkracht.demo`); a test keeps the
two in step. What the book says and what was filled in is listed in ``docs/demo-cases.md``.
"""
