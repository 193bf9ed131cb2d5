"""Static news portal for the collective economy and cooperatives.

Everything in this package except ``plugin.py`` is plain Python that knows nothing about
MkDocs: content model, validation, catalog, views and Vietnamese text helpers.
"""
