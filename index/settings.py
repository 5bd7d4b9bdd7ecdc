"""Settings of the retrieval core, read from the environment and ``.env`` (prefix ``INDEX_``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_MODEL_DIR = Path("~/.cache/news-qa-bot/embeddinggemma-300m").expanduser()
ENV_PREFIX = "INDEX_"
# EmbeddingGemma was trained (Matryoshka) to be cut to these sizes; any other size is untrained.
MATRYOSHKA_DIMS = (768, 512, 256, 128)


def env_name(field: str) -> str:
    """The environment variable of an ``IndexSettings`` field, for error messages."""
    return f"{ENV_PREFIX}{field.upper()}"


def names_a_folder(model: str) -> bool:
    """Whether an INDEX_MODEL value is meant as a folder rather than a hub id ("org/name", or a
    bare "name"): it starts with /, ~ or . ("./models/x", "../x"), or has more than one /, which no
    hub id has. A relative "models/x" reads as a hub id unless that folder exists."""
    return model.startswith(("/", "~", ".")) or model.count("/") > 1


def describe_errors(exc: ValidationError, prefix: str = ENV_PREFIX) -> str:
    """One line naming each bad variable, then what is wrong: "INDEX_TOP_K: must be at least 1,
    got 0". ``prefix`` is that of the settings class that raised (a field's location is its name)."""
    return "; ".join(
        f"{prefix}{'.'.join(str(part) for part in error['loc']).upper()}: {error['msg'].removeprefix('Value error, ')}"
        for error in exc.errors(include_input=False, include_url=False)
    )


class IndexSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_file=".env", extra="ignore")

    seeds_dir: Path = Field(Path("seeds"), description="Folder of UTF-8 article files: .txt, .md or .html.")
    dir: Path = Field(Path("var/index"), description="Folder that holds the built indexes.")
    model: str = Field(str(DEFAULT_MODEL_DIR), description="Embedding model: local folder or hub id.")
    dim: int = Field(
        768, description="Embedding dimension (EmbeddingGemma, Matryoshka: 768, 512, 256 or 128; another model: "
        "its own output size or less)."
    )
    dtype: Literal["float32", "bfloat16"] = Field(
        "float32", description="Model weights precision. bfloat16 is only faster on CPUs with native bf16."
    )
    threads: int = Field(
        2, ge=0, description="CPU threads for embedding (torch and OpenVINO); 0: as many as they choose (all cores)."
    )
    query_encoder: Literal["openvino", "torch"] = Field(
        "openvino",
        description="How questions are embedded: 'openvino' (the model exported once to OpenVINO with int8 "
        "weights, 3-4× faster, same rankings measured) or 'torch' (the float model that embeds passages).",
    )
    query_encoder_dir: Path | None = Field(
        None, description="Where the OpenVINO export is cached (default: beside the model, <model>-openvino-int8)."
    )
    chunk_tokens: int = Field(160, description="Largest passage, in model tokens.")
    chunk_overlap: int = Field(
        40, description="Overlap between consecutive passages, in model tokens (0 or more, less than chunk_tokens)."
    )
    top_k: int = Field(5, description="Passages returned per question (at least 1).")
    index_type: Literal["auto", "flat", "hnsw", "hnsw_sq8", "ivf_sq8"] = Field(
        "auto",
        description="FAISS index: 'auto' (exact 'flat' up to 50k vectors, 'ivf_sq8' above), or force 'flat', "
        "'ivf_sq8' (IVF over 8-bit vectors), 'hnsw_sq8' (HNSW over 8-bit vectors) or 'hnsw' (HNSW, float32).",
    )
    min_confidence: float = Field(
        0.0, description="Extra abstention margin: raise to answer less often, lower to answer more."
    )
    figure_check: bool = Field(
        True, description="Answer 'not found' when a question asks for a figure (how many, when) and the best "
        "passage states none, or who holds a post and it names no one in such a post. Turn off for articles "
        "that write their numbers in words.",
    )

    @field_validator("query_encoder_dir", mode="before")
    @classmethod
    def _empty_is_default(cls, value: object) -> object:
        # .env.example leaves it empty; Path("") would mean the current folder
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("model")
    @classmethod
    def _expand_home(cls, value: str) -> str:
        return str(Path(value).expanduser()) if value.startswith("~") else value

    # The messages say what is wrong; describe_errors puts the variable's name before them (an
    # admin read "TOP_K: INDEX_TOP_K must be …" when both did). Plain checks rather than
    # Field(ge=...), whose message cannot give a hint or the value.
    @field_validator("top_k", "chunk_tokens")
    @classmethod
    def _at_least_one(cls, value: int, info: ValidationInfo) -> int:
        if value < 1:
            hint = " (0 would answer every question 'not found')" if info.field_name == "top_k" else ""
            raise ValueError(f"must be at least 1, got {value}{hint}")
        return value

    # Field validators, not a model validator, even for checks across fields: a field's error
    # carries its location, which load_settings prints (a model validator's location is empty).
    @field_validator("chunk_overlap")
    @classmethod
    def _overlap_below_size(cls, value: int, info: ValidationInfo) -> int:
        tokens = info.data.get("chunk_tokens")  # absent when INDEX_CHUNK_TOKENS itself is invalid
        if value < 0:
            raise ValueError(f"must be 0 or more, got {value}")
        if tokens is not None and value >= tokens:
            raise ValueError(f"must be less than {env_name('chunk_tokens')} ({tokens}), got {value}: each passage "
                             "must move past the one before")
        return value

    @field_validator("dim")
    @classmethod
    def _known_dimension(cls, value: int, info: ValidationInfo) -> int:
        # Only EmbeddingGemma's sizes are known here; another model's output size shows when it
        # loads (the tests' fake embedder, e.g., has 64 dimensions).
        model = info.data.get("model", "")
        if "embeddinggemma" in model.lower() and value not in MATRYOSHKA_DIMS:
            raise ValueError(f"must be one of {', '.join(map(str, MATRYOSHKA_DIMS))} for EmbeddingGemma, got {value}")
        if value < 1:
            raise ValueError(f"must be at least 1, got {value}")
        return value

    def query_encoder_path(self) -> Path:
        if self.query_encoder_dir is not None:
            return self.query_encoder_dir.expanduser()
        model = Path(self.model)
        if model.is_dir() or names_a_folder(self.model):
            return model.with_name(model.name + "-openvino-int8")
        return DEFAULT_MODEL_DIR.parent / (self.model.replace("/", "_") + "-openvino-int8")

    def index_name(self) -> str:
        """The index folder is named after what shaped it, so a changed setting never loads a
        stale index by accident."""
        model = Path(self.model).name or self.model.replace("/", "_")
        return f"{model}-d{self.dim}-c{self.chunk_tokens}-o{self.chunk_overlap}"

    def index_path(self) -> Path:
        return self.dir / self.index_name()
