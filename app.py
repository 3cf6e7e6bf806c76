"""Router: page config, the language and document shared by every page, then navigation."""

import streamlit as st

from dashboard import ui
from dashboard.i18n import t
from dashboard.registry import PAGES

st.set_page_config(page_title="METI 概算要求", page_icon=":material/account_balance:", layout="wide")

lang = ui.language_picker()

ui.document_picker(ui.load())

pages = [
    st.Page(p.path, title=t(p.title_key, lang), icon=p.icon, url_path=p.url_path or None, default=not p.url_path)
    for p in PAGES
]
st.navigation(pages).run()
