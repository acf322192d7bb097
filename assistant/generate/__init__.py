"""Optional generative answers: an LLM writes, the verifier keeps only sentences its citations support."""

from assistant.generate.answerer import generate_answer, stream_answer
from assistant.generate.client import LLMUnavailableError, llm_from_env, make_llm
from assistant.generate.config import LLMConfig, LLMConfigError

__all__ = ["LLMConfig", "LLMConfigError", "LLMUnavailableError", "generate_answer", "llm_from_env", "make_llm",
           "stream_answer"]
