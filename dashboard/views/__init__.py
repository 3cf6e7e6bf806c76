"""One module per page: ``specs(tables)``, ``Filters``, ``view(tables, filters, lang)`` (the page contract,
:mod:`dashboard.domain.contract`). Pure: no Streamlit, and a view never imports another view."""
