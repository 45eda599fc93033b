"""Stage 1 and 2: source files → checked records.

Reading files (:mod:`.loading`), the content model (:mod:`.fields`, :mod:`.schema`), the
vocabularies and the gazetteer, the privacy rule, and every check (:mod:`.checks`) that turns
sources into trusted records (:mod:`.records`), reporting each problem as
``path:line: field: message`` (:mod:`.problems`). Nothing here knows about pages or mkdocs.
"""
