"""Where the embedding model is loaded from, checked before anything loads it or writes beside it.

A missing folder used to reach the query encoder's export first, which warned of a two-minute
export, created the folder's parent with a lock file in it, and only then failed. A hub id with
no network kept retrying the hub for minutes (five retries per file, each file twice) instead.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ModelUnavailable
from .model_fetch import DEFAULT_MODEL_DIR_HINT
from .settings import names_a_folder

HUB_TIMEOUT = 5.0  # seconds for the hub to answer once: a reachable hub answers in well under one


def locate_model(model: str, *, cache_dir: Path | None = None, endpoint: str | None = None,
                 timeout: float = HUB_TIMEOUT) -> str:
    """What to load ``model`` (INDEX_MODEL) from: its folder; for a hub id, its copy in the
    Hugging Face cache (``cache_dir``, default: HF's own), else the id itself once the hub
    (``endpoint``, default: HF's own) answers. Raises ``ModelUnavailable``, one line saying what
    to do, when it names a folder that is not there or the hub cannot be reached."""
    folder = Path(model).expanduser()
    if folder.is_dir():
        return str(folder)
    if names_a_folder(model):
        raise ModelUnavailable(f"model folder {model} is missing; {DEFAULT_MODEL_DIR_HINT}")
    return _from_hub(model, cache_dir, endpoint, timeout)


def _from_hub(model: str, cache_dir: Path | None, endpoint: str | None, timeout: float) -> str:
    from huggingface_hub import HfApi, snapshot_download
    from huggingface_hub.errors import HFValidationError, HfHubHTTPError, LocalEntryNotFoundError

    try:
        return snapshot_download(model, cache_dir=cache_dir, local_files_only=True)  # fetched before: no network
    except HFValidationError as exc:
        raise ModelUnavailable(f"INDEX_MODEL {model!r} is neither a model folder nor a hub id: {exc}") from None
    except LocalEntryNotFoundError:
        pass
    try:
        HfApi(endpoint=endpoint).model_info(model, timeout=timeout)  # one request, not retried
    except HfHubHTTPError:
        pass  # the hub answered (a gated or unknown model): loading it says what the hub said
    except Exception as exc:  # no network, a proxy, HF_HUB_OFFLINE: loading would retry for minutes
        raise ModelUnavailable(f"cannot reach the Hugging Face hub for {model!r} ({type(exc).__name__}: {exc}), and "
                               "it is not in the local cache; set INDEX_MODEL to a local folder, see python -m "
                               "index fetch-model") from None
    return model
