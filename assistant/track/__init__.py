"""Commitments and findings tracker: structured, cited records extracted from the indexed paragraphs and cached in
the index folder; timelines and follow-through use the index and the search (retrieve/), never the Assistant."""

from .items import KINDS, TrackRecord

__all__ = ["KINDS", "TrackRecord"]
