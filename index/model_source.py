"""Where the embedding model is loaded from, checked before anything loads it or writes beside it.

A missing folder used to reach the query encoder's export first, which warned of a two-minute
export, created the folder's parent with a lock file in it, and only then failed.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ModelUnavailable
from .model_fetch import DEFAULT_MODEL_DIR_HINT
from .settings import names_a_folder


def locate_model(model: str) -> str:
    """What to load ``model`` (INDEX_MODEL) from: its folder, or a hub id as it is. Raises
    ``ModelUnavailable``, one line saying what to do, when it names a folder that is not there."""
    folder = Path(model).expanduser()
    if folder.is_dir():
        return str(folder)
    if names_a_folder(model):
        raise ModelUnavailable(f"model folder {model} is missing; {DEFAULT_MODEL_DIR_HINT}")
    return model
