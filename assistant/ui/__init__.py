"""The app's pages and widgets: the chat (chat_page.py), commitments & findings (tracker_page.py, decisions_page.py)
and the document library (library_page.py, library.py); citation cards, follow-up context, briefing-note export
and source links they share; resources.py holds what Streamlit builds once."""
