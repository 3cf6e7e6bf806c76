"""Router: page config, the language and document shared by every page, then navigation."""

from pathlib import Path

import streamlit as st

from dashboard.i18n import t
from dashboard.registry import PAGES
from dashboard.st import chrome, session
from dashboard.st import share as share_ui
from dashboard.st import upload as upload_ui

# A local favicon: a :material/…: icon would make every browser fetch it from an outside font host.
FAVICON = Path(__file__).parent / "dashboard" / "assets" / "favicon.png"
st.set_page_config(page_title="METI 概算要求", page_icon=str(FAVICON), layout="wide")

# ?embed=true (Streamlit's own key): the page alone, no navigation and no sidebar; lang/doc still from the URL.
embedded = share_ui.is_embedded()
lang = session.language_picker(show=not embedded)

loaded = session.load()
upload_ui.restore()  # this browser's uploads, before the picker reads doc=
session.document_picker(loaded, show=not embedded)
n_documents = len(session.documents(loaded)[0])

pages = [
    st.Page(
        p.path,
        title=t(p.title_key, lang),
        icon=p.icon,
        url_path=p.url_path or None,
        default=not p.url_path,
        # /years with one document: out of the navigation, but a link to it still opens and says why it is empty
        visibility="visible" if n_documents >= p.min_documents else "hidden",
    )
    for p in PAGES
]
page = st.navigation(pages, position="hidden" if embedded else "sidebar")
if not embedded:
    share_ui.share_control(page, lang)
    upload_ui.sidebar(lang)
chrome.print_stylesheet()  # @media print: no sidebar or toolbars, tables as text (dashboard/domain/printout.py)
chrome.document_note(skip=page.url_path == "years")
page.run()
