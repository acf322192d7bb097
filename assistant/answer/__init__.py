"""Step 6, ranked paragraphs -> a cited answer. Answerers are tried in order: the tracker (tracker.py: promises,
improvement items, decision trails), the extractive answer (extractive.py: quotes, abstention; its steps in modules
of their own) and, when a language model is configured, the generative answer checked sentence by sentence
(generate/)."""
