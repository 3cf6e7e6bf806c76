"""The dashboard, in layers (``tests/test_layers.py`` enforces the import rules):

- :mod:`dashboard.domain`: the rules and formats every page shares (listings, amounts, text,
  filters and URLs, tables as shown, figures' look). Pure: no Streamlit, no view.
- :mod:`dashboard.views`: one module per page, ``specs``/``Filters``/``view`` (see
  :mod:`dashboard.domain.contract`). Pure, and never imports another view.
- :mod:`dashboard.uploads`: a visitor's uploaded summary, parsed and held per browser. Pure.
- :mod:`dashboard.st`: the Streamlit glue, split by job; with ``pages/`` and ``app.py`` the only
  code that imports Streamlit.
- :mod:`dashboard.i18n`: the interface texts; :mod:`dashboard.registry`: the pages.
"""
