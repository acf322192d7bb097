"""Step 1: read a source file into pages of text lines, and its document metadata."""
