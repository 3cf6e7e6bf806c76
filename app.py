"""Router: page config, the language and document shared by every page, then navigation."""

import streamlit as st

from dashboard import share_ui, ui
from dashboard.i18n import t

st.set_page_config(page_title="METI 概算要求", page_icon=":material/account_balance:", layout="wide")

# ?embed=true (Streamlit's own key): the page alone, no navigation and no sidebar; lang/doc still from the URL.
embedded = share_ui.is_embedded()
lang = ui.language_picker(show=not embedded)

ui.document_picker(ui.load(), show=not embedded)

pages = [
    st.Page("pages/overview.py", title=t("nav.overview", lang), icon=":material/dashboard:", default=True),
    st.Page("pages/treemap.py", title=t("nav.treemap", lang), icon=":material/grid_view:", url_path="treemap"),
    st.Page("pages/compare.py", title=t("nav.compare", lang), icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/priority.py", title=t("nav.priority", lang), icon=":material/star:", url_path="priority"),
    st.Page("pages/items.py", title=t("nav.items", lang), icon=":material/list:", url_path="items"),
    st.Page("pages/quality.py", title=t("nav.quality", lang), icon=":material/fact_check:", url_path="quality"),
    st.Page("pages/glossary.py", title=t("nav.glossary", lang), icon=":material/menu_book:", url_path="glossary"),
    st.Page("pages/data.py", title=t("nav.data", lang), icon=":material/download:", url_path="data"),
]
page = st.navigation(pages, position="hidden" if embedded else "sidebar")
if not embedded:
    share_ui.share_control(page, lang)
page.run()
