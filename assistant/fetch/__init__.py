"""Fetching committee papers from council websites (ModernGov), incrementally and politely."""
