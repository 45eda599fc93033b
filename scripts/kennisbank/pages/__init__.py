"""Stage 3: checked records → generated pages and data.

Pure functions from records to text: Markdown pages that mkdocs renders like hand-written
ones, JSON, CSV and GeoJSON data, share images, search fields. :mod:`.common` is the bottom
layer that every page module builds on; :mod:`.assemble` is the top that calls them all.
Nothing here imports mkdocs.
"""
