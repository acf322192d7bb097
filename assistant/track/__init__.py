"""Commitments and findings tracker: structured, cited records extracted from the indexed paragraphs (issue 6)."""

from .records import KINDS, TrackRecord

__all__ = ["KINDS", "TrackRecord"]
