"""Text facts shared by every step: month names and date patterns (dates.py). Sentence splitting for the index
and the extractive answer is parse/sentences.py; the tracker, the LLM verifier and the citation cards keep their
own splitters (they differ on purpose: abbreviations, semicolons, citation markers), see the README."""
