"""Optional generative answers: an LLM writes, the verifier keeps only sentences its citations support."""

from assistant.generate.answerer import generate_answer, stream_answer
from assistant.generate.config import LLMConfig, LLMConfigError

__all__ = ["LLMConfig", "LLMConfigError", "generate_answer", "stream_answer"]
