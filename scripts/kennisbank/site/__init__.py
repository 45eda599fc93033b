"""Stage 4: generated pages and data → the site, through mkdocs.

The thin mkdocs adapter (:mod:`.plugin`), its publicity hooks, fast rebuilds while serving,
the search indexer (Pagefind), and building and serving a project (:mod:`.project`).
This is the only package that imports mkdocs.
"""
