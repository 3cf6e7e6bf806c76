"""The rules and formats every page shares: pure functions, no Streamlit, no view module."""
