"""The Streamlit glue, split by job. Only this package, ``pages/`` and ``app.py`` import Streamlit.

- :mod:`session`: language and document choice, loading the tables, cached views;
- :mod:`urlstate`: filters in the URL, notices for bad values, tabs, link parameters;
- :mod:`grids`: tables; :mod:`charts`: figures; :mod:`downloads`: CSV and package files;
- :mod:`prose`: literal text and the page's furniture;
- :mod:`share`, :mod:`upload`, :mod:`reference`: the Share control, the upload box, review records.
"""
