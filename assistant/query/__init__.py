"""Step 5a, a question -> what to search for: filters (filters.py), the councils, years and months it names
(implied.py), the kind of answer it asks for (kinds.py) and its glossary expansions (glossary.py)."""
