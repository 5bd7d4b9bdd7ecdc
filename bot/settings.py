"""The bot's one settings object, read from the environment and ``.env``; built once in ``main()``.

The index keeps its own ``IndexSettings`` (prefix ``INDEX_``) so ``index/`` stands alone; it is
nested here so the bot passes one object around.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Annotated
from urllib.parse import urlparse

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from index import ENV_PREFIX, LANGUAGES, MAX_QUERY_CHARS, IndexSettings, describe_errors

from .examples import SAMPLE_EXAMPLES, Example, ExamplesError, ExamplesFile, read_examples

_TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]{30,}$")


class SettingsError(ValueError):
    """A setting is missing or malformed; the message is one line and never holds a secret."""


class Settings(BaseSettings):
    # hide_input_in_errors: a malformed token must not be echoed into an error message or a log.
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", hide_input_in_errors=True)

    telegram_bot_token: SecretStr | None = Field(
        None, description="Bot token from @BotFather. Without it the bot runs as a local terminal."
    )
    telegram_api_base_url: str | None = Field(
        None, description="Root of a self-hosted Bot API server, e.g. http://127.0.0.1:8081 (default: Telegram's)."
    )
    admin_user_ids: Annotated[set[int], NoDecode] = Field(
        default_factory=set, description="Telegram user ids allowed /reindex and /stats, comma-separated: 1,2."
    )
    webhook_url: str | None = Field(
        None, description="Public https:// URL for updates; when set the bot serves a webhook instead of polling."
    )
    webhook_listen: str = Field("0.0.0.0", description="Address the webhook server binds to.")
    webhook_port: int = Field(8443, ge=1, le=65535, description="Port the webhook server listens on.")
    webhook_secret: SecretStr | None = Field(
        None, description="Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token with each webhook update; "
        "updates without it are refused (default: a random one made at each start)."
    )
    rate_limit_per_minute: int = Field(5, ge=1, description="Questions one user may ask per minute.")
    inline_rate_limit_per_minute: int = Field(
        20, ge=1, description="Inline queries one user may make per minute, counted apart from questions: "
        "Telegram sends one at each pause in typing, so a typist makes several per question."
    )
    max_question_chars: int = Field(
        1000, description=f"Longest message searched whole, in characters (1 to {MAX_QUERY_CHARS}, the most the search "
        "reads); a longer one (a pasted article) is searched as the question its last question mark closes, and "
        "the reply says so."
    )
    default_language: str = Field("en", description="Reply language when neither text nor user says otherwise.")
    answers_per_page: int = Field(3, ge=1, le=10, description="Cited excerpts per message; more behind a button.")
    prefs_path: Path = Field(Path("var/prefs.json"), description="File of users' pinned reply languages.")
    index_check_seconds: float = Field(
        60, ge=0, description="How often, in seconds, a newly published build (e.g. from python -m index build) "
        "is picked up and the serving index's files are checked for damage (0: never, else at least 1)."
    )
    examples_file: ExamplesFile | None = Field(
        None, description="UTF-8 file of example questions for /help, one a line; a line starting en:, bn:, th: or "
        "vi: is shown in that reply language only. Only those the serving index answers are shown (default: the "
        "sample articles' examples, so likewise)."
    )
    index: IndexSettings = Field(default_factory=IndexSettings, description="Retrieval settings (INDEX_*).")

    @field_validator("telegram_bot_token", mode="before")
    @classmethod
    def _check_token(cls, value: object) -> object:
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if value is None or (isinstance(value, str) and not value.strip()):
            return None  # an empty TELEGRAM_BOT_TOKEN= line means: no token
        if not isinstance(value, str) or not _TOKEN.match(value.strip()):
            raise ValueError("malformed token: expected <digits>:<at least 30 letters, digits, _ or ->")
        return value.strip()

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return {part.strip() for part in value.split(",") if part.strip()}
        return value

    @field_validator("default_language")
    @classmethod
    def _check_language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"must be one of {', '.join(LANGUAGES)}")
        return value

    @field_validator("max_question_chars")
    @classmethod
    def _check_question_chars(cls, value: int) -> int:
        # The search reads only the first MAX_QUERY_CHARS characters: a longer limit would accept a
        # message and silently drop its end, often the question itself.
        if not 1 <= value <= MAX_QUERY_CHARS:
            raise ValueError(f"must be 1 to {MAX_QUERY_CHARS} (the most of a question the search reads), got {value}")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _check_webhook_url(cls, value: str | None) -> str | None:
        # Telegram delivers webhook updates only over HTTPS; over plain HTTP the updates, and the
        # secret header that vouches for them, would also cross the network readable by anyone.
        if value is not None and (urlparse(value).scheme != "https" or not urlparse(value).hostname):
            raise ValueError("must be an https:// URL (Telegram sends webhook updates only over HTTPS)")
        return value

    @model_validator(mode="after")
    def _make_webhook_secret(self) -> Settings:
        # Without a secret, PTB's webhook server accepts any POST to its path, so whoever learns the
        # URL could send updates "from" an admin's user id. run_webhook registers the secret with
        # setWebhook and Telegram echoes it back, so one made afresh at each start needs no setup.
        # Made here, when main() builds the settings, so the log filter hides it like the token.
        if self.webhook_url and self.webhook_secret is None:
            self.webhook_secret = SecretStr(secrets.token_urlsafe(32))
        return self

    @field_validator("index_check_seconds")
    @classmethod
    def _check_interval(cls, value: float) -> float:
        # Each check reads the index's files and may load a new build: a mistyped 0.001 would
        # repeat that without pause.
        if 0 < value < 1:
            raise ValueError(f"must be 0 (never) or at least 1 second, got {value}")
        return value

    @field_validator("examples_file", mode="before")
    @classmethod
    def _read_examples(cls, value: object) -> object:
        # At start-up, before the model loads: an admin who set the file wants their examples, and
        # a mistyped path must not quietly leave /help without them. Read here and kept, so the
        # service takes them from the settings rather than reading the file a second time. Runs
        # after _empty_is_unset below (pydantic runs "before" validators last defined first).
        if value is None or isinstance(value, ExamplesFile):
            return value
        if not isinstance(value, (str, Path)):
            raise ValueError("expected the path of a file")
        try:
            return ExamplesFile(Path(value), read_examples(Path(value)))
        except ExamplesError as exc:
            raise ValueError(str(exc)) from None

    @field_validator("telegram_api_base_url", "webhook_url", "webhook_secret", "examples_file", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        # .env.example lists every variable, so "WEBHOOK_URL=" must mean "not set", not "".
        if isinstance(value, str):
            value = value.strip().rstrip("/") if value.strip().startswith("http") else value.strip()
            return value or None
        return value

    @property
    def examples(self) -> tuple[Example, ...]:
        """The example questions to offer: the examples file's, else the sample articles'."""
        return self.examples_file.examples if self.examples_file else SAMPLE_EXAMPLES

    def api_urls(self) -> tuple[str, str] | None:
        """``(base_url, base_file_url)`` of a self-hosted Bot API server, or None for Telegram's."""
        root = self.telegram_api_base_url
        return (f"{root}/bot", f"{root}/file/bot") if root else None


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, or a one-line ``SettingsError`` naming what is wrong."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        if exc.title != IndexSettings.__name__:
            raise SettingsError(f"invalid settings: {describe_errors(exc, '')}") from None
        # IndexSettings, nested, raised its own errors (their locations lack its INDEX_ prefix) while
        # being made as a default, before the bot's own variables were read: read those too, with
        # an unvalidated stand-in, so that an admin fixes every mistake in one go, not one per start.
        problems = [describe_errors(exc, ENV_PREFIX)]
    try:
        Settings(**{**overrides, "index": IndexSettings.model_construct()})
    except ValidationError as exc:
        problems.insert(0, describe_errors(exc, ""))
    raise SettingsError(f"invalid settings: {'; '.join(problems)}") from None
