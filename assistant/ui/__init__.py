"""The chat app's helpers: citation cards, follow-up context, the document library and briefing-note export."""
