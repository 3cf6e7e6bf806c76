"""The dashboard's pure parts: data access, transforms, figures, formatting, text.

Nothing here imports Streamlit except :mod:`dashboard.ui`, so tests call these
functions directly.
"""
