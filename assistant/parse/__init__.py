"""Step 2: turn extracted lines into the paragraphs a reader sees, each with number, heading and page."""

PARSER_VERSION = "51"
