"""The bot's settings: environment names, parsing, the token check that never leaks the token."""

from __future__ import annotations

import contextlib
import io
import logging
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, load_settings
from index import MAX_QUERY_CHARS, IndexSettings

GOOD_TOKEN = "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0"
ROOT = Path(__file__).resolve().parent.parent


def test_defaults_without_environment() -> None:
    settings = load_settings()
    assert settings.telegram_bot_token is None and settings.telegram_api_base_url is None
    assert settings.admin_user_ids == set()
    assert (settings.webhook_url, settings.webhook_port, settings.webhook_secret) == (None, 8443, None)
    assert (settings.rate_limit_per_minute, settings.max_question_chars) == (5, 1000)
    assert (settings.default_language, settings.answers_per_page) == ("en", 3)
    assert settings.prefs_path == Path("var/prefs.json")
    assert settings.index.dir == Path("var/index") and settings.api_urls() is None


def test_every_field_is_described() -> None:
    assert all(field.description for field in Settings.model_fields.values())


def test_environment_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", GOOD_TOKEN)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:8081/")
    monkeypatch.setenv("ADMIN_USER_IDS", "11, 22,33")
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/hook")
    monkeypatch.setenv("WEBHOOK_SECRET", "s3cret")
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "9")
    monkeypatch.setenv("INDEX_TOP_K", "7")
    settings = load_settings()
    assert settings.telegram_bot_token.get_secret_value() == GOOD_TOKEN
    assert settings.api_urls() == ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot")
    assert settings.admin_user_ids == {11, 22, 33}
    assert settings.webhook_url == "https://bot.example.org/hook"
    assert settings.webhook_secret.get_secret_value() == "s3cret"
    assert settings.rate_limit_per_minute == 9 and settings.index.top_k == 7


def test_dotenv_in_working_directory_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("ADMIN_USER_IDS=5\nDEFAULT_LANGUAGE=bn\n")
    settings = load_settings()
    assert settings.admin_user_ids == {5} and settings.default_language == "bn"


def test_empty_token_means_terminal_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    assert load_settings().telegram_bot_token is None


@pytest.mark.parametrize("token", ["nonsense", "123:short", "abc:" + "A" * 35, "123456:" + "A" * 29 + "!"],
                         ids=["no-colon", "too-short", "letters-id", "bad-char"])
def test_malformed_token_is_one_line_and_never_echoed(monkeypatch: pytest.MonkeyPatch, token: str) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", token)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert "TELEGRAM_BOT_TOKEN" in message and "\n" not in message and token not in message


@pytest.mark.parametrize("name, value", [("ADMIN_USER_IDS", "1,x"), ("DEFAULT_LANGUAGE", "fr"),
                                         ("WEBHOOK_PORT", "port")], ids=["admin-ids", "language", "port"])
def test_other_bad_values_name_the_variable(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=name):
        load_settings()


def test_token_is_hidden_in_repr_and_logs(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", GOOD_TOKEN)
    settings = load_settings()
    logging.getLogger("test").warning("settings: %s / %r", settings, settings)
    assert GOOD_TOKEN not in repr(settings) and GOOD_TOKEN not in caplog.text


def test_main_exits_2_on_malformed_token(tmp_path: Path) -> None:
    bad = "12345:this-token-is-far-too-short"
    env = {"PATH": "/usr/bin:/bin", "TELEGRAM_BOT_TOKEN": bad, "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "bot"], cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)},
                         capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert run.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in run.stderr and bad not in run.stderr + run.stdout
    assert len(run.stderr.strip().splitlines()) == 1


@contextlib.contextmanager
def redacted_log(name: str) -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A logger whose lines pass the bot's redacting filter (hiding GOOD_TOKEN) into a string."""
    from bot.__main__ import _Redact

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(_Redact([GOOD_TOKEN]))
    log = logging.getLogger(name)
    log.addHandler(handler)
    try:
        yield log, stream
    finally:
        log.removeHandler(handler)


def test_log_filter_redacts_the_token_in_messages_and_tracebacks() -> None:
    with redacted_log("test.redact") as (log, stream):
        log.warning("POST https://api.telegram.org/bot%s/getMe", GOOD_TOKEN)
        try:
            raise RuntimeError(f"failed: https://api.telegram.org/bot{GOOD_TOKEN}/sendMessage")
        except RuntimeError:
            log.exception("send failed")
    assert GOOD_TOKEN not in stream.getvalue() and stream.getvalue().count("[REDACTED]") == 2
    assert "RuntimeError" in stream.getvalue(), "the traceback is kept, only the secret is hidden"


def test_log_filter_never_raises_and_redacts_stack_info() -> None:
    class Unprintable:
        def __str__(self) -> str:
            raise ValueError("no text")

        __repr__ = __str__

    with redacted_log("test.redact.malformed") as (log, stream):
        # malformed calls, as any library may make: once the filter raised into the caller
        log.warning("%s of %s", 1)
        log.warning("token %s and %s", GOOD_TOKEN)
        log.warning(Unprintable())
        stack = f"Stack (most recent call last):\n  File \"x.py\", line 1, in f\n    get('https://t.me/bot{GOOD_TOKEN}')"
        log.handle(log.makeRecord(log.name, logging.WARNING, "x.py", 1, "with a stack", None, None, sinfo=stack))
    lines = stream.getvalue().splitlines()
    assert lines[0] == "malformed log call: '%s of %s' with arguments (1,)"
    assert lines[1] == "malformed log call: 'token %s and %s' with arguments ('[REDACTED]',)"
    assert lines[2].startswith("malformed log call at ")
    assert lines[3] == "with a stack" and "get('https://t.me/bot[REDACTED]')" in lines[-1]
    assert GOOD_TOKEN not in stream.getvalue()


class FakeApp:
    """Records how ``bot.app.run`` starts serving."""

    def __init__(self) -> None:
        self.started: tuple[str, dict] | None = None

    def run_polling(self, **kwargs) -> None:
        self.started = ("polling", kwargs)

    def run_webhook(self, **kwargs) -> None:
        self.started = ("webhook", kwargs)


@pytest.mark.parametrize("webhook", [False, True], ids=["polling", "webhook"])
def test_run_polls_or_serves_a_webhook(monkeypatch: pytest.MonkeyPatch, webhook: bool) -> None:
    from bot.app import ALLOWED_UPDATES, run

    if webhook:
        monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/tg/hook")
        monkeypatch.setenv("WEBHOOK_SECRET", "s3cret")
    app = FakeApp()
    run(app, load_settings())  # type: ignore[arg-type]
    kind, kwargs = app.started
    assert kwargs["allowed_updates"] == ALLOWED_UPDATES
    if webhook:
        assert kind == "webhook" and kwargs["url_path"] == "tg/hook" and kwargs["port"] == 8443
        assert kwargs["webhook_url"] == "https://bot.example.org/tg/hook" and kwargs["secret_token"] == "s3cret"
    else:
        assert kind == "polling"


def test_webhook_without_secret_gets_a_fresh_one_each_start(monkeypatch: pytest.MonkeyPatch) -> None:
    # without a secret PTB would accept a forged update (an admin's user id included) from anyone
    from bot.app import run

    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/tg/hook")
    first, second = load_settings(), load_settings()
    secret = first.webhook_secret.get_secret_value()
    assert re.fullmatch(r"[A-Za-z0-9_-]{32,256}", secret), "Telegram allows 1-256 of A-Z, a-z, 0-9, _ and -"
    assert secret != second.webhook_secret.get_secret_value()
    assert secret not in repr(first)
    app = FakeApp()
    run(app, first)  # type: ignore[arg-type]
    assert app.started[1]["secret_token"] == secret  # PTB registers it with setWebhook and checks it


def test_index_check_may_be_off_or_a_second_or_more(monkeypatch: pytest.MonkeyPatch) -> None:
    for seconds in (0, 1, 2.5):
        monkeypatch.setenv("INDEX_CHECK_SECONDS", str(seconds))
        assert load_settings().index_check_seconds == seconds


def test_env_example_copied_verbatim_is_valid(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text((ROOT / ".env.example").read_text())
    settings = load_settings()
    assert settings.telegram_bot_token is None and settings.webhook_url is None and settings.webhook_secret is None
    assert settings.telegram_api_base_url is None and settings.admin_user_ids == set()
    # the example documents the defaults: copied as it is, it must change nothing (an empty
    # INDEX_QUERY_ENCODER_DIR once meant the current folder instead of the default)
    assert settings.index.model_dump() == IndexSettings(_env_file=None).model_dump()


def test_every_setting_is_documented_in_env_example_and_readme() -> None:
    names = {name.upper() for name, field in Settings.model_fields.items() if name != "index"}
    names |= {f"INDEX_{name.upper()}" for name in IndexSettings.model_fields}
    example = {line.split("=", 1)[0].lstrip("# ").strip()
               for line in (ROOT / ".env.example").read_text().splitlines() if "=" in line}
    readme = (ROOT / "README.md").read_text()
    assert names <= example, names - example
    assert {name for name in names if f"`{name}`" not in readme} == set()


@pytest.mark.parametrize("env, named", [
    ({"INDEX_TOP_K": "0"}, "INDEX_TOP_K"),
    ({"INDEX_CHUNK_OVERLAP": "160"}, "INDEX_CHUNK_OVERLAP"),  # the default INDEX_CHUNK_TOKENS is 160
    ({"INDEX_CHUNK_TOKENS": "30", "INDEX_CHUNK_OVERLAP": "40"}, "INDEX_CHUNK_OVERLAP"),
    ({"INDEX_CHUNK_OVERLAP": "-1"}, "INDEX_CHUNK_OVERLAP"),
    ({"INDEX_DIM": "300"}, "INDEX_DIM"),
    ({"INDEX_MODEL": "google/embeddinggemma-300m", "INDEX_DIM": "1024"}, "INDEX_DIM"),
    ({"INDEX_THREADS": "-1"}, "INDEX_THREADS"),
    ({"WEBHOOK_PORT": "99999"}, "WEBHOOK_PORT"),
    ({"WEBHOOK_PORT": "0"}, "WEBHOOK_PORT"),
    ({"WEBHOOK_URL": "http://bot.example.org/hook"}, "WEBHOOK_URL"),
    ({"WEBHOOK_URL": "bot.example.org/hook"}, "WEBHOOK_URL"),
    ({"WEBHOOK_URL": "https://"}, "WEBHOOK_URL"),
    ({"INDEX_CHECK_SECONDS": "0.001"}, "INDEX_CHECK_SECONDS"),
    ({"INDEX_CHECK_SECONDS": "-1"}, "INDEX_CHECK_SECONDS"),
], ids=["top-k-zero", "overlap-equals-size", "overlap-above-size", "overlap-negative", "dim-untrained",
        "dim-hub-model", "threads-negative", "port-too-high", "port-zero", "webhook-http", "webhook-no-scheme",
        "webhook-no-host", "index-check-below-a-second", "index-check-negative"])
def test_values_that_cannot_work_name_the_variable_once(monkeypatch: pytest.MonkeyPatch, env: dict,
                                                        named: str) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    # the variable, then what is wrong: not the field's name first ("TOP_K: INDEX_TOP_K must …")
    assert message.startswith(f"invalid settings: {named}: ") and message.count(named) == 1, message
    assert "\n" not in message


@pytest.mark.parametrize("chars", [MAX_QUERY_CHARS + 1, 0], ids=["above-what-the-search-reads", "zero"])
def test_max_question_chars_stays_within_what_the_search_reads(monkeypatch: pytest.MonkeyPatch, chars: int) -> None:
    monkeypatch.setenv("MAX_QUESTION_CHARS", str(chars))
    with pytest.raises(SettingsError, match=rf"^invalid settings: MAX_QUESTION_CHARS: must be 1 to {MAX_QUERY_CHARS} "):
        load_settings()
    monkeypatch.setenv("MAX_QUESTION_CHARS", str(MAX_QUERY_CHARS))
    assert load_settings().max_question_chars == MAX_QUERY_CHARS


@pytest.mark.parametrize("name, value, rule", [
    ("INDEX_TOP_K", "0", r"must be at least 1, got 0 \("),
    ("WEBHOOK_URL", "http://bot.example.org/hook", r"must be an https:// URL \(Telegram sends webhook updates only "
                                                   r"over HTTPS\)$"),
    ("INDEX_CHECK_SECONDS", "0.5", r"must be 0 \(never\) or at least 1 second, got 0.5$"),
], ids=["index-top-k", "webhook-http", "index-check-half-second"])
def test_a_value_error_reads_as_the_variable_and_the_rule(monkeypatch: pytest.MonkeyPatch, name: str, value: str,
                                                          rule: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=rf"^invalid settings: {name}: {rule}"):
        load_settings()


def test_bad_bot_and_index_values_are_all_named_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # the index's settings are made first, as a default: their error must not hide the bot's
    monkeypatch.setenv("INDEX_TOP_K", "0")
    monkeypatch.setenv("WEBHOOK_PORT", "0")
    monkeypatch.setenv("DEFAULT_LANGUAGE", "fr")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith("invalid settings: ") and "\n" not in message
    for named in ("INDEX_TOP_K", "WEBHOOK_PORT", "DEFAULT_LANGUAGE"):
        assert message.count(f"{named}: ") == 1, message


@pytest.mark.parametrize("values", [{"top_k": 1}, {"chunk_tokens": 160, "chunk_overlap": 159},
                                    {"chunk_overlap": 0}, {"dim": 128}, {"dim": 512},
                                    {"model": "sentence-transformers/all-MiniLM-L6-v2", "dim": 384},
                                    {"threads": 0}],
                         ids=["top-k-one", "overlap-just-below", "no-overlap", "dim-128", "dim-512", "other-model-dim",
                              "threads-all-cores"])
def test_index_values_at_the_limits_are_accepted(values: dict) -> None:
    settings = IndexSettings(_env_file=None, **values)
    assert all(getattr(settings, name) == value for name, value in values.items())
