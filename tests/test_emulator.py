"""Tests of the local Bot API emulator, over real HTTP (httpx) and through real PTB objects."""

from __future__ import annotations

import asyncio
import datetime as dtm
from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio
import telegram
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from tests.botapi import BotApiEmulator, check_telegram_html, find_entities, telegram_len

TOKEN = "123456:TEST-token"
pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator(TOKEN) as emulator:
        yield emulator


def make_bot(emu: BotApiEmulator, token: str = TOKEN) -> telegram.Bot:
    return telegram.Bot(token, base_url=f"{emu.root}/bot", base_file_url=f"{emu.root}/file/bot")


@pytest_asyncio.fixture
async def bot(emu: BotApiEmulator) -> AsyncIterator[telegram.Bot]:
    async with make_bot(emu) as ptb_bot:
        yield ptb_bot


@pytest_asyncio.fixture
async def http(emu: BotApiEmulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=f"{emu.root}/bot{TOKEN}", timeout=10) as client:
        yield client


def keyboard(*datas: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(d.title(), callback_data=d) for d in datas]])


# ---------------------------------------------------------------- envelope & auth


async def test_get_me_through_ptb(bot: telegram.Bot) -> None:
    me = await bot.get_me()
    assert me.is_bot and me.id == 7000001 and me.username == "NewsAskBot"
    assert me.can_read_all_group_messages is False and me.supports_inline_queries is True


async def test_raw_http_envelopes(emu: BotApiEmulator, http: httpx.AsyncClient) -> None:
    me = (await http.get("/getMe")).json()
    assert me["ok"] is True and me["result"]["is_bot"] is True
    missing = await http.post("/noSuchMethod")
    assert missing.status_code == 404
    assert missing.json() == {
        "ok": False,
        "error_code": 404,
        "description": "Not Found: method not found",
    }
    async with httpx.AsyncClient(base_url=emu.root) as other:
        wrong = await other.post("/bot999:nope/getMe")
    assert wrong.status_code == 401
    assert wrong.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}


async def test_wrong_token_raises_invalid_token(emu: BotApiEmulator) -> None:
    with pytest.raises(InvalidToken):
        await make_bot(emu, "999:wrong").get_me()


# ---------------------------------------------------------------- sendMessage


async def test_send_message_round_trip(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    user = emu.private_user(42, "Ann")
    first = await bot.send_message(42, "Hello", reply_markup=keyboard("yes", "no"))
    second = await bot.send_message(42, "Again", reply_to_message_id=first.message_id)
    assert (first.message_id, second.message_id) == (1, 2)
    assert first.from_user is not None and first.from_user.is_bot
    assert first.chat.id == 42 and first.chat.type == "private" and first.text == "Hello"
    assert first.reply_markup == keyboard("yes", "no")
    assert second.reply_to_message is not None and second.reply_to_message.message_id == 1
    sent = await emu.wait_for_messages(user["id"], 2, timeout=1)
    # dates are Unix seconds, as Telegram's: milliseconds would read as a year past 50,000
    assert all(isinstance(m["date"], int) and 1_577_836_800 <= m["date"] < 4_102_444_800 for m in sent)  # 2020-2100
    assert first.date.timestamp() == sent[0]["date"]
    assert [m["text"] for m in sent] == ["Hello", "Again"]
    # Form-encoded nested objects arrive decoded; plain strings stay strings.
    params = emu.calls_to("sendMessage")[0]
    assert (
        params["chat_id"] == 42
        and params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "yes"
    )


async def test_text_stays_string_and_json_bodies_work(
    emu: BotApiEmulator, http: httpx.AsyncClient
) -> None:
    emu.group(-1001, "News")
    form = (await http.post("/sendMessage", data={"chat_id": "-1001", "text": "42"})).json()
    assert form["result"]["text"] == "42"
    body = {
        "chat_id": -1001,
        "text": "[1]",
        "reply_markup": '{"inline_keyboard": [[{"text": "A", "url": "https://a.b"}]]}',
    }
    payload = (await http.post("/sendMessage", json=body)).json()
    assert payload["result"]["text"] == "[1]" and payload["result"]["message_id"] == 2
    assert payload["result"]["reply_markup"]["inline_keyboard"][0][0]["url"] == "https://a.b"
    unknown = (await http.post("/sendMessage", json={"chat_id": 5, "text": "x"})).json()
    assert unknown["description"] == "Bad Request: chat not found"


@pytest.mark.parametrize("bad", ["<b>x", "<script>alert(1)</script>", "a < b", "AT&T", "<b>a</i>"])
async def test_html_validation_rejects(emu: BotApiEmulator, bot: telegram.Bot, bad: str) -> None:
    emu.private_user(42)
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(42, bad, parse_mode=ParseMode.HTML)
    assert emu.sent == []


async def test_html_validation_accepts_and_parses(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    emu.private_user(42)
    message = await bot.send_message(
        42, "<blockquote><b>a</b> &amp; b</blockquote>", parse_mode=ParseMode.HTML
    )
    assert message.text == "a & b"  # Telegram returns the parsed text plus entities
    assert [(e.type, e.offset, e.length) for e in message.entities] == [
        ("blockquote", 0, 5),
        ("bold", 0, 1),
    ]


async def test_length_limits(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    emu.private_user(42)
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(42, "x" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(42, "😀" * 2049)  # 4098 UTF-16 code units
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(42, "   ")
    assert (await bot.send_message(42, "x" * 4096)).message_id == 1
    # The limit applies to the parsed text, not to the markup.
    assert (
        await bot.send_message(42, f"<b>{'y' * 4096}</b>", parse_mode=ParseMode.HTML)
    ).message_id == 2


# ---------------------------------------------------------------- edits & deletes


async def test_edit_message_text(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    emu.private_user(42)
    message = await bot.send_message(42, "v1", reply_markup=keyboard("a"))
    edited = await bot.edit_message_text("v2", chat_id=42, message_id=message.message_id)
    assert (
        isinstance(edited, telegram.Message)
        and edited.text == "v2"
        and edited.edit_date is not None
    )
    assert edited.reply_markup is None  # an edit without reply_markup removes the keyboard
    stored = await emu.wait_for_edit(42, message.message_id, timeout=1)
    assert stored is emu.sent[0] and stored["text"] == "v2" and len(emu.edits) == 1
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("v2", chat_id=42, message_id=message.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("v3", chat_id=42, message_id=99)
    assert await bot.edit_message_text("inline", inline_message_id="AAA") is True
    assert await bot.delete_message(42, message.message_id) is True
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(42, message.message_id)


# ---------------------------------------------------------------- updates


async def test_long_polling_returns_queued_update(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    user = emu.private_user(42, "Ann")
    # a poll held far longer than the test waits: it can only finish by the update arriving
    poll = asyncio.create_task(bot.get_updates(timeout=60, read_timeout=70))
    await asyncio.sleep(0.1)
    assert not poll.done()  # nothing queued yet: the request is held open
    await emu.send_text(user, user, "/start@NewsAskBot hi @someone")
    updates = await asyncio.wait_for(poll, 10)
    assert len(updates) == 1
    message = updates[0].message
    assert message is not None and message.text == "/start@NewsAskBot hi @someone"
    assert [(e.type, e.offset, e.length) for e in message.entities] == [
        ("bot_command", 0, 17),
        ("mention", 21, 8),
    ]
    # Unconfirmed updates are delivered again; confirming by offset drops them.
    assert [u.update_id for u in await bot.get_updates()] == [updates[0].update_id]
    assert await bot.get_updates(offset=updates[0].update_id + 1) == ()


async def test_long_poll_times_out_empty_and_stop_releases(
    emu: BotApiEmulator, bot: telegram.Bot
) -> None:
    assert await asyncio.wait_for(bot.get_updates(timeout=1), 10) == ()  # held, then empty
    # held far longer than the test waits: only stopping the emulator can release it
    poll = asyncio.create_task(bot.get_updates(timeout=60, read_timeout=70))
    await asyncio.sleep(0.1)
    assert not poll.done()
    await emu.stop()
    assert await asyncio.wait_for(poll, 10) == ()


async def test_media_updates_parse(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    user = emu.private_user(42)
    group = emu.group(-100123, "Readers")
    channel = emu.channel(-100777, "Feed", username="feed")
    await emu.send_photo(group, user, caption="look #news")
    await emu.send_sticker(group, user)
    await emu.send_voice(user, user)
    await emu.send_document(user, user)
    await emu.channel_post(channel, "post /cmd")
    photo, sticker, voice, document, post = [u.effective_message for u in await bot.get_updates()]
    assert photo and photo.photo[-1].width == 1280 and photo.caption_entities[0].type == "hashtag"
    assert photo.chat.type == "supergroup"
    assert sticker and sticker.sticker and sticker.sticker.emoji == "👍"
    assert voice and voice.voice and voice.voice.mime_type == "audio/ogg"
    assert document and document.document and document.document.file_name == "report.pdf"
    assert post and post.sender_chat and post.sender_chat.id == -100777
    assert post.from_user is None  # channel posts have no "from"
    reply = await bot.send_message("@feed", "hello")
    assert reply.sender_chat and reply.sender_chat.id == -100777


async def test_callback_query_parses(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    user = emu.private_user(42)
    await bot.send_message(42, "Pick", reply_markup=keyboard("yes", "no"))
    query = await emu.press_button(emu.sent[0], "no", user)
    (update,) = await bot.get_updates()
    callback = update.callback_query
    assert callback is not None and callback.data == "no" and callback.chat_instance
    assert callback.message is not None and callback.message.message_id == 1
    assert await callback.answer("ok") is True
    assert (await emu.wait_callback_answer(query["id"], timeout=1))["text"] == "ok"
    with pytest.raises(ValueError, match="no button"):
        await emu.press_button(emu.sent[0], "maybe", user)


async def test_inline_query_answer(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    user = emu.private_user(42)
    query = await emu.inline_query(user, "rates")
    (update,) = await bot.get_updates()
    assert update.inline_query is not None and update.inline_query.query == "rates"
    article = InlineQueryResultArticle("r1", "Rates", InputTextMessageContent("Rates are up"))
    await update.inline_query.answer([article], cache_time=0)
    answer = await emu.wait_inline_answer(query["id"], timeout=1)
    assert answer["results"][0]["id"] == "r1" and answer["cache_time"] == 0


async def test_edit_text_helper_queues_edited_message(
    emu: BotApiEmulator, bot: telegram.Bot
) -> None:
    user = emu.private_user(42)
    original = await emu.send_text(user, user, "hello")
    await emu.edit_text(original, "/help now")
    first, second = await bot.get_updates()
    assert first.message and first.message.text == "hello"  # queued updates are snapshots
    assert second.edited_message is not None and second.edited_message.text == "/help now"
    assert second.edited_message.entities[0].type == "bot_command"


async def test_reply_to_bot_and_keyboard_edit(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    user = emu.private_user(42)
    question = await bot.send_message(42, "Your topic?", reply_markup=keyboard("a", "b"))
    await emu.send_text(user, user, "space", reply_to=emu.sent[0])
    (update,) = await bot.get_updates()
    assert update.message and update.message.reply_to_message
    assert update.message.reply_to_message.message_id == question.message_id
    assert update.message.reply_to_message.from_user == await bot.get_me()
    start = len(emu.calls)
    await bot.edit_message_reply_markup(42, question.message_id, reply_markup=keyboard("c"))
    params = await emu.wait_for_call("editMessageReplyMarkup", timeout=1, start=start)
    assert params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "c"
    assert emu.sent[0]["reply_markup"] == keyboard("c").to_dict()
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_reply_markup(42, question.message_id, reply_markup=keyboard("c"))


async def test_second_poll_conflicts_first_and_allowed_updates_filter(
    emu: BotApiEmulator, bot: telegram.Bot
) -> None:
    user = emu.private_user(42)
    # A second Bot: PTB's getUpdates connection pool holds a single connection.
    async with make_bot(emu) as other:
        first = asyncio.create_task(other.get_updates(timeout=5))
        await asyncio.sleep(0.1)
        second = asyncio.create_task(bot.get_updates(timeout=5, allowed_updates=["callback_query"]))
        with pytest.raises(telegram.error.Conflict):
            await asyncio.wait_for(first, 1)
    await emu.send_text(user, user, "ignored: not subscribed")
    await emu.inline_query(user, "also ignored")
    await asyncio.sleep(0.1)
    assert not second.done()
    await bot.send_message(42, "Pick", reply_markup=keyboard("x"))
    await emu.press_button(emu.sent[0], "x", user)
    (update,) = await asyncio.wait_for(second, 1)
    assert update.callback_query is not None


# ---------------------------------------------------------------- fault injection


@pytest.mark.filterwarnings(
    "ignore::telegram.warnings.PTBDeprecationWarning"
)  # retry_after type change
async def test_429_raises_retry_after(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    emu.private_user(42)
    emu.fail_next("sendMessage", status=429, retry_after=3)
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(42, "x")
    retry_after = info.value.retry_after
    seconds = retry_after.total_seconds() if isinstance(retry_after, dtm.timedelta) else retry_after
    assert seconds == 3 and emu.sent == []
    assert (await bot.send_message(42, "x")).message_id == 1  # only the next call failed


async def test_500_raises_network_error(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    emu.private_user(42)
    emu.fail_next("sendMessage", status=500)
    with pytest.raises(NetworkError) as info:
        await bot.send_message(42, "x")
    assert not isinstance(info.value, BadRequest) and "Internal Server Error" in str(info.value)
    assert emu.sent == []


async def test_dropped_connection_takes_no_effect(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    emu.private_user(42)
    emu.drop_next("sendMessage")
    with pytest.raises(NetworkError):
        await bot.send_message(42, "x")
    assert emu.messages_to(42) == [] and len(emu.calls_to("sendMessage")) == 1
    assert (await bot.send_message(42, "x")).message_id == 1


# ---------------------------------------------------------------- chats, commands, misc


async def test_chat_admins_members_and_get_chat(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    emu.private_user(1, "Owner")
    emu.group(-100500, "Club")
    emu.set_chat_admins(-100500, [1, 2])
    admins = await bot.get_chat_administrators(-100500)
    assert [(a.user.id, a.status) for a in admins] == [
        (1, "creator"),
        (2, "administrator"),
        (7000001, "administrator"),
    ]
    assert (await bot.get_chat_member(-100500, 3)).status == "member"
    chat = await bot.get_chat(-100500)
    assert chat.title == "Club" and chat.type == "supergroup"
    with pytest.raises(BadRequest, match=r"(?i)no administrators in the private chat"):
        await bot.get_chat_administrators(1)


async def test_commands_per_scope_and_language(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    await bot.set_my_commands([("start", "Start"), ("help", "Help")])
    await bot.set_my_commands([("hilfe", "Hilfe")], language_code="de")
    await bot.set_my_commands(
        [("admin", "Admin")], scope=telegram.BotCommandScopeAllChatAdministrators()
    )
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    assert [c.command for c in await bot.get_my_commands(language_code="de")] == ["hilfe"]
    assert emu.commands_for({"type": "all_chat_administrators"}) == [
        {"command": "admin", "description": "Admin"}
    ]
    await bot.delete_my_commands(language_code="de")
    assert await bot.get_my_commands(language_code="de") == ()
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([("Start", "Upper case is invalid")])
    assert await bot.set_my_description("About") and await bot.set_my_short_description("Short")


async def test_webhook_and_misc_methods(emu: BotApiEmulator, bot: telegram.Bot) -> None:
    emu.private_user(42)
    assert await bot.send_chat_action(42, "typing") is True
    assert await bot.set_webhook("https://example.invalid/hook") is True
    assert (await bot.get_webhook_info()).url == "https://example.invalid/hook"
    with pytest.raises(telegram.error.Conflict):
        await bot.get_updates()
    assert await bot.delete_webhook() is True
    assert await bot.get_updates() == ()


async def test_wait_for_messages_timeout_is_descriptive(
    emu: BotApiEmulator, bot: telegram.Bot
) -> None:
    emu.private_user(42)
    await bot.send_message(42, "only one")
    with pytest.raises(TimeoutError, match=r"1 of 2 expected.*only one"):
        await emu.wait_for_messages(42, 2, timeout=0.2)


async def test_real_application_polling(emu: BotApiEmulator) -> None:
    async def start(update: telegram.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(
            "<b>Hi</b>", parse_mode=ParseMode.HTML, reply_markup=keyboard("go")
        )

    async def pressed(update: telegram.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.callback_query is not None
        await update.callback_query.answer()
        await update.callback_query.edit_message_text("Gone")

    app = (
        Application.builder()
        .token(TOKEN)
        .base_url(f"{emu.root}/bot")
        .base_file_url(f"{emu.root}/file/bot")
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(pressed))
    user = emu.private_user(42)
    async with app:
        await app.start()
        await app.updater.start_polling(timeout=1, poll_interval=0)  # type: ignore[union-attr]
        await emu.send_text(user, user, "/start")
        (reply,) = await emu.wait_for_messages(42, 1, timeout=3)
        assert reply["text"] == "Hi" and reply["entities"][0]["type"] == "bold"
        await emu.press_button(reply, "go", user)
        assert (await emu.wait_for_edit(42, reply["message_id"], timeout=3))["text"] == "Gone"
        await app.updater.stop()  # type: ignore[union-attr]
        await app.stop()


# ---------------------------------------------------------------- pure helpers


async def test_check_telegram_html_and_length() -> None:
    assert (
        check_telegram_html('<a href="https://x.y/?a=1&amp;b=2">x</a> <code>1 &lt; 2</code>')
        is None
    )
    assert check_telegram_html('<pre><code class="language-python">x = 1</code></pre>') is None
    assert (
        check_telegram_html('<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>') is None
    )
    assert check_telegram_html("<blockquote expandable>q</blockquote>") is None
    assert "span" in (check_telegram_html("<span>s</span>") or "")
    assert "href" in (check_telegram_html("<a>x</a>") or "")
    assert "Unsupported start tag" in (check_telegram_html("line<br>") or "")
    assert "entity" in (check_telegram_html("&nbsp;") or "")
    assert telegram_len("<b>😀</b> &amp;") == 4


async def test_find_entities_offsets_are_utf16() -> None:
    assert find_entities("😀 /help@NewsAskBot @bob") == [
        {"offset": 3, "length": 16, "type": "bot_command"},
        {"offset": 20, "length": 4, "type": "mention"},
    ]
