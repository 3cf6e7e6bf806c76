"""Router: page config, the language and document shared by every page, then navigation."""

import streamlit as st

from dashboard import ui
from dashboard.i18n import t

st.set_page_config(page_title="METI 概算要求", page_icon=":material/account_balance:", layout="wide")

lang = ui.language_picker()

ui.document_picker(ui.load())

pages = [
    st.Page("pages/overview.py", title=t("nav.overview", lang), icon=":material/dashboard:", default=True),
    st.Page("pages/search.py", title=t("nav.search", lang), icon=":material/search:", url_path="search"),
    st.Page("pages/treemap.py", title=t("nav.treemap", lang), icon=":material/grid_view:", url_path="treemap"),
    st.Page("pages/compare.py", title=t("nav.compare", lang), icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/priority.py", title=t("nav.priority", lang), icon=":material/star:", url_path="priority"),
    st.Page("pages/items.py", title=t("nav.items", lang), icon=":material/list:", url_path="items"),
    st.Page("pages/quality.py", title=t("nav.quality", lang), icon=":material/fact_check:", url_path="quality"),
    st.Page("pages/glossary.py", title=t("nav.glossary", lang), icon=":material/menu_book:", url_path="glossary"),
]
st.navigation(pages).run()
