"""Everything the bot itself says, in each reply language: English, Bengali, Thai, Vietnamese.

Templates are plain text with ``{placeholders}``; they contain no ``<``, ``>`` or ``&``, so they
read the same as plain text and as Telegram HTML once escaped (``bot.render`` escapes them). Every
language has exactly the same keys and placeholders (a test checks), so ``t`` can never miss a
key for one language only. Numbers the bot writes are in the reply language's digits, through
``local_digits``: Bengali writes its own ("[১]", "(৫টি)"), the others ASCII (Thai news, too, writes
Arabic digits); quoted article text keeps the digits it was written in.
"""

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal, get_decimal_symbol

DEFAULT_LANG = "en"
USER_COMMANDS = ("start", "help", "ask", "lang", "sources")
ADMIN_COMMANDS = ("reindex", "stats")

# A language's name as written in each reply language (reply language -> language -> name).
LANG_NAMES_IN: dict[str, dict[str, str]] = {
    "en": {"en": "English", "bn": "Bengali", "th": "Thai", "vi": "Vietnamese"},
    "bn": {"en": "ইংরেজি", "bn": "বাংলা", "th": "থাই", "vi": "ভিয়েতনামি"},
    "th": {"en": "ภาษาอังกฤษ", "bn": "ภาษาเบงกาลี", "th": "ภาษาไทย", "vi": "ภาษาเวียดนาม"},
    "vi": {"en": "tiếng Anh", "bn": "tiếng Bengal", "th": "tiếng Thái", "vi": "tiếng Việt"},
}
# Each language's own name, for lists a user picks from whatever language they read.
NATIVE_NAMES: dict[str, str] = {"en": "English", "bn": "বাংলা", "th": "ไทย", "vi": "Tiếng Việt"}

_EN = {
    "answer_header": "Here is what the articles say:",
    "answer_header_unsure": "The closest passages I found; they may not state exactly what you asked:",
    "more_header": "More passages:",
    "source_note": "quoted in {language}",
    "same_article": "same article as [{rank}]",
    "follow_up_note": "Read as a follow-up to: {question}",
    "unknown_names_note": "No article mentions {names}.",
    "shortened_note": "Your message was long, so I searched only its last question: {question}",
    "several_note": "Your message asks several questions, so I answered the one the articles answer best (please send the others one at a time): {question}",
    "reading_numbers": "Figures: {numbers}",
    "reading_era_year": "{written} (Thai calendar) = {year}",
    "reading_more_than": "more than {number}",
    "low_confidence": "These passages are on the topic but may not state exactly what you asked.",
    "figure_not_found": "I couldn't find the figure or date you asked for in the articles.",
    "figure_elsewhere": "The passage that best matches your question doesn't give the figure or date you asked for. "
    "Some related passages mention one of that kind, possibly about something else: "
    "\"Show related passages\" lists them.",
    "nothing_found": "I couldn't find this in the articles. Try rephrasing your question, "
    "or ask about one of the topics listed in /sources.",
    "ask_usage": "Write your question after the command.",
    "other_language": "I reply in English, Bengali, Thai or Vietnamese, not in the language of your question. /lang chooses which.",
    "no_words": "I search by words, and your message has none. Please write your question in words.",
    "question_too_long": "Your question is too long. Please keep it under {limit} characters.",
    "only_links": "I don't open links, so a message with only a link gives me nothing to search for. Please write your "
    "question in words.",
    "unsupported_message": "I can only read text questions. Please type your question as a message.",
    "rate_limited": "You're asking too quickly. Please slow down and try again in {seconds} s.",
    "index_unavailable": "The article index is temporarily unavailable. Please try again in a few minutes.",
    "error": "Sorry, something went wrong on my side. Please try again later.",
    "start_greeting": "Hello! I answer questions about news articles by quoting the passages "
    "that hold the answer, each with its source.",
    "smalltalk_greeting": "Hello! Ask me a question about the news and I will quote the passages from the articles "
    "that answer it, each with its source. /help shows how to ask.",
    "smalltalk_thanks": "You're welcome — ask me anything else about the articles.",
    "smalltalk_goodbye": "Goodbye! Come back whenever you have a question about the news.",
    "smalltalk_ack": "👍 Ask me another question about the articles whenever you like.",
    "smalltalk_about": "I am a bot that answers questions about the news articles I hold, by quoting the passages "
    "that answer them, with their sources. Just send a question; /help shows how.",
    "help_intro": "Ask me a question about the news and I will quote the passages that answer it, "
    "each with its source. I reply in the language of your question: English, Bengali, Thai or Vietnamese.",
    "help_examples": "Example questions:",
    "help_no_examples": "Ask about anything in the articles that /sources lists.",
    "for_example": "For example: {example}",
    "help_private": "In a private chat, just send your question. To ask a follow-up (\"and when did it close?\"), reply to my answer.",
    "help_groups": "In a group: write /ask followed by your question, mention @{bot} in your message, "
    "or reply to one of my messages.",
    "help_inline": "In any chat: type @{bot} followed by your question, then pick a passage to share.",
    "help_terminal": "Type your question and press Enter. Each line is a question of its own, so write it in full; "
    "/more shows more sources of the last answer, and Ctrl-D ends.",
    "help_commands": "Commands:",
    "help_admin": "Admin commands:",
    "lang_usage": "Usage: /lang followed by en, bn, th or vi chooses the reply language; "
    "/lang auto replies in the language of each question.",
    "lang_set": "Done. From now on I will reply in {language}.",
    "lang_auto": "Done. From now on I will reply in the language of each question.",
    "lang_current": "Reply language: {language}.",
    "lang_unknown": "\"{choice}\" is not one of my reply languages.",
    "lang_current_auto": "Reply language: automatic (the language of each question).",
    "lang_list": "Available languages: {languages}",
    "sources_header": "Articles I can quote ({count}):",
    "sources_empty": "No articles are indexed yet.",
    "admin_only": "Sorry, only the bot's administrators can use this command.",
    "reindex_started": "Rebuilding the article index…",
    # The build embeds each passage and each of its sentences: one new article of 3 passages showed
    # "5/5 passages embedded".
    "reindex_progress": "Rebuilding the index: {done}/{total} passages and sentences embedded",
    "reindex_done": "The index was rebuilt: {articles} articles, {chunks} passages, in {seconds} s.",
    "reindex_failed": "Rebuilding the index failed. The previous index is still in use.",
    "index_damaged": "The index files on disk are damaged or missing ({reason}). Answers continue from the copy in memory; /reindex rebuilds the files.",
    "index_build_rejected": "A newly published index ({build}) could not be loaded: {reason}. The bot did not switch to it; /reindex builds a new one.",
    "index_build_served": "Now serving the newly published index: {articles} articles, {chunks} passages.",
    "reindex_running": "A rebuild is already running. Please wait until it finishes.",
    "reindex_skipped": "Skipped {count} seed files:",
    "reindex_skipped_more": "…and {count} more (the log lists them all).",
    "reindex_added": "Added: {names}",
    "reindex_removed": "Removed: {names}",
    "reindex_changed": "Changed: {names}",
    "reindex_names_more": "{names} and {count} more",
    "reindex_unchanged": "No article was added, removed or changed.",
    "unknown_command": "I don't know that command. Here is what I can do:",
    "more_none": "There are no more passages for this question.",
    "more_nothing_asked": "Ask a question first; /more then shows more passages for it.",
    "stats_title": "Bot statistics",
    "stats_articles": "Articles",
    "stats_chunks": "Passages",
    "stats_model": "Embedding model",
    "stats_query_encoder": "Question encoder",
    "stats_built_at": "Index built",
    "stats_questions": "Questions answered",
    "stats_p50": "Median response time",
    "stats_unknown": "unknown",
    "button_more": "More sources",
    "button_related": "Show related passages",
    "related_header": "Passages on this topic (they may not give the figure you asked for):",
    "more_expired": "These sources are no longer available. Please ask your question again.",
    "mention_usage": "Write your question after @{bot}.",
    "lang_personal": "This is your own setting: it applies to my replies to you in every chat, not to everyone in this group.",
    "reindex_failed_none": "Rebuilding the index failed. No index is serving, so questions are answered "
    "\"temporarily unavailable\" until a rebuild succeeds.",
    "stats_unavailable": "⚠️ No index is serving: every question is answered \"temporarily unavailable\".",
    "button_back": "◀ Back",
    "inline_no_results_title": "No matching passages",
    "inline_no_results_text": "I couldn't find a passage in the articles that answers this question.",
    "inline_prompt_title": "Type a question about the news",
    "cmd_start": "Start the bot and see what it can do",
    "cmd_help": "How to use the bot",
    "cmd_ask": "Ask a question about the news",
    "cmd_lang": "Choose the reply language",
    "cmd_sources": "List the articles I can quote",
    "cmd_reindex": "Rebuild the article index (admins)",
    "cmd_stats": "Index and usage statistics (admins)",
}

_BN = {
    "answer_header": "প্রতিবেদনগুলোতে যা বলা হয়েছে:",
    "answer_header_unsure": "সবচেয়ে কাছাকাছি যে অংশগুলো পেয়েছি; আপনি ঠিক যা জানতে চেয়েছেন, তা হয়তো এগুলোতে সরাসরি বলা নেই:",
    "more_header": "আরও অংশ:",
    "source_note": "{language} ভাষার প্রতিবেদন থেকে হুবহু উদ্ধৃত",
    "same_article": "[{rank}]-এর প্রতিবেদন থেকেই",
    "follow_up_note": "আগের প্রশ্নের ধারাবাহিকতায় খোঁজা হয়েছে: {question}",
    "unknown_names_note": "কোনো প্রতিবেদনে {names}-এর উল্লেখ নেই।",
    "shortened_note": "আপনার বার্তাটি অনেক বড়, তাই শুধু এর শেষ প্রশ্নটির উত্তর খুঁজেছি: {question}",
    "several_note": "আপনার বার্তায় কয়েকটি প্রশ্ন আছে, তাই প্রতিবেদনগুলো যেটির উত্তর সবচেয়ে ভালোভাবে দেয়, শুধু সেটির উত্তর দিয়েছি (বাকিগুলো একটি একটি করে পাঠান): {question}",
    "reading_numbers": "সংখ্যাগুলো: {numbers}",
    "reading_era_year": "{written} (থাই বর্ষপঞ্জি) = {year} খ্রিস্টাব্দ",
    "reading_more_than": "{number}-এর বেশি",
    "low_confidence": "এই অংশগুলো প্রশ্নের বিষয়ের সঙ্গে সম্পর্কিত, তবে আপনি ঠিক যা জানতে চেয়েছেন "
    "তা হয়তো এখানে সরাসরি বলা নেই।",
    "figure_not_found": "আপনি যে সংখ্যা বা তারিখ জানতে চেয়েছেন, তা প্রতিবেদনগুলোতে খুঁজে পাইনি।",
    "figure_elsewhere": "আপনার প্রশ্নের সঙ্গে সবচেয়ে বেশি মেলে যে অংশটি, তাতে আপনার চাওয়া সংখ্যা বা তারিখটি নেই। "
    "এ বিষয়ের কয়েকটি অংশে এ ধরনের সংখ্যা আছে, তবে তা অন্য কিছুর হতে পারে: \"সম্পর্কিত অংশ দেখুন\" চাপলে সেগুলো দেখা যাবে।",
    "nothing_found": "প্রতিবেদনগুলোতে এ বিষয়ে কিছু খুঁজে পাইনি। প্রশ্নটি অন্যভাবে লিখে দেখুন, "
    "অথবা /sources কমান্ডে তালিকাভুক্ত বিষয়গুলো নিয়ে প্রশ্ন করুন।",
    "ask_usage": "কমান্ডের পরে আপনার প্রশ্ন লিখুন।",
    "other_language": "আমি ইংরেজি, বাংলা, থাই বা ভিয়েতনামি ভাষায় উত্তর দিই, আপনার প্রশ্নের ভাষায় নয়। কোন ভাষায় চান, /lang দিয়ে বেছে নিন।",
    "no_words": "আমি শব্দ দিয়ে খুঁজি, কিন্তু আপনার বার্তায় কোনো শব্দ নেই। অনুগ্রহ করে প্রশ্নটি শব্দে লিখুন।",
    "question_too_long": "আপনার প্রশ্নটি খুব বেশি দীর্ঘ। অনুগ্রহ করে {limit} অক্ষরের মধ্যে লিখুন।",
    "only_links": "আমি লিঙ্ক খুলি না, তাই যে বার্তায় শুধু লিঙ্ক আছে তাতে খোঁজার মতো কিছু থাকে না। অনুগ্রহ করে প্রশ্নটি শব্দে লিখুন।",
    "unsupported_message": "আমি শুধু লেখা প্রশ্ন পড়তে পারি। অনুগ্রহ করে প্রশ্নটি টাইপ করে পাঠান।",
    "rate_limited": "আপনি খুব দ্রুত প্রশ্ন পাঠাচ্ছেন। একটু থামুন, {seconds} সেকেন্ড পরে আবার চেষ্টা করুন।",
    "index_unavailable": "প্রতিবেদনের সূচি সাময়িকভাবে পাওয়া যাচ্ছে না। কয়েক মিনিট পরে আবার চেষ্টা করুন।",
    "error": "দুঃখিত, আমার দিকে কোনো একটা সমস্যা হয়েছে। একটু পরে আবার চেষ্টা করুন।",
    "start_greeting": "স্বাগতম! আমি সংবাদ প্রতিবেদন নিয়ে প্রশ্নের উত্তর দিই: যে অংশগুলোতে উত্তর আছে, "
    "সেগুলো হুবহু উদ্ধৃত করি এবং প্রতিটির সূত্র জানাই।",
    "smalltalk_greeting": "হ্যালো! সংবাদ নিয়ে আমাকে প্রশ্ন করুন, প্রতিবেদনের যে অংশগুলোতে উত্তর আছে সেগুলো আমি "
    "সূত্রসহ উদ্ধৃত করব। কীভাবে প্রশ্ন করবেন, দেখতে /help লিখুন।",
    "smalltalk_thanks": "আপনাকেও ধন্যবাদ! প্রতিবেদনগুলো নিয়ে আর কিছু জানতে চাইলে প্রশ্ন করুন।",
    "smalltalk_goodbye": "বিদায়! সংবাদ নিয়ে কোনো প্রশ্ন থাকলে আবার আসবেন।",
    "smalltalk_ack": "👍 প্রতিবেদনগুলো নিয়ে যখন খুশি আরেকটি প্রশ্ন করুন।",
    "smalltalk_about": "আমি একটি বট: আমার কাছে থাকা সংবাদ প্রতিবেদনগুলো নিয়ে প্রশ্ন করলে, যে অংশগুলোতে উত্তর আছে "
    "সেগুলো সূত্রসহ উদ্ধৃত করি। শুধু প্রশ্নটি পাঠান; কীভাবে, তা দেখতে /help লিখুন।",
    "help_intro": "সংবাদ নিয়ে আমাকে প্রশ্ন করুন, প্রতিবেদনের যে অংশগুলোতে উত্তর আছে সেগুলো আমি সূত্রসহ "
    "উদ্ধৃত করব। আপনি যে ভাষায় প্রশ্ন করবেন, সেই ভাষাতেই উত্তর দেব: বাংলা, ইংরেজি, থাই বা ভিয়েতনামি।",
    "help_examples": "প্রশ্নের উদাহরণ:",
    "help_no_examples": "/sources-এ তালিকাভুক্ত প্রতিবেদনগুলোর যেকোনো বিষয়ে প্রশ্ন করুন।",
    "for_example": "যেমন: {example}",
    "help_private": "ব্যক্তিগত চ্যাটে শুধু আপনার প্রশ্নটি পাঠান। আগের উত্তরের ধারাবাহিকতায় প্রশ্ন করতে (\"আর এটা কবে শেষ হয়েছিল?\") আমার উত্তরটিতে রিপ্লাই করে লিখুন।",
    "help_groups": "গ্রুপে: /ask লিখে তার পরে প্রশ্ন দিন, বার্তায় @{bot} উল্লেখ করুন, "
    "অথবা আমার কোনো বার্তায় রিপ্লাই করুন।",
    "help_inline": "যেকোনো চ্যাটে: @{bot} লিখে তার পরে প্রশ্ন টাইপ করুন, তারপর শেয়ার করার জন্য একটি অংশ বেছে নিন।",
    "help_terminal": "প্রশ্ন লিখে Enter চাপুন। প্রতিটি লাইন আলাদা প্রশ্ন হিসেবে পড়া হয়, তাই পুরো প্রশ্নটি লিখুন; "
    "/more লিখলে শেষ উত্তরের আরও সূত্র দেখা যাবে, আর Ctrl-D চাপলে শেষ হবে।",
    "help_commands": "কমান্ড:",
    "help_admin": "অ্যাডমিনদের কমান্ড:",
    "lang_usage": "ব্যবহার: উত্তরের ভাষা বেছে নিতে /lang লিখে তার পরে en, bn, th বা vi দিন; "
    "প্রতিটি প্রশ্নের ভাষাতেই উত্তর পেতে /lang auto লিখুন।",
    "lang_set": "ঠিক আছে, এখন থেকে আমি {language} ভাষায় উত্তর দেব।",
    "lang_auto": "ঠিক আছে, এখন থেকে প্রতিটি প্রশ্নের ভাষাতেই উত্তর দেব।",
    "lang_current": "উত্তরের ভাষা: {language}।",
    "lang_unknown": "\"{choice}\" আমার উত্তরের ভাষাগুলোর একটি নয়।",
    "lang_current_auto": "উত্তরের ভাষা: স্বয়ংক্রিয় (প্রশ্নের ভাষা অনুযায়ী)।",
    "lang_list": "উপলব্ধ ভাষা: {languages}",
    "sources_header": "যেসব প্রতিবেদন থেকে আমি উদ্ধৃত করতে পারি ({count}টি):",
    "sources_empty": "এখনও কোনো প্রতিবেদন সূচিতে যোগ করা হয়নি।",
    "admin_only": "দুঃখিত, এই কমান্ডটি শুধু বটের অ্যাডমিনরা ব্যবহার করতে পারেন।",
    "reindex_started": "প্রতিবেদনের সূচি নতুন করে তৈরি করা হচ্ছে…",
    "reindex_progress": "সূচি তৈরি হচ্ছে: {done}/{total}টি অংশ ও বাক্য এমবেড করা হয়েছে",
    "reindex_done": "সূচি নতুন করে তৈরি হয়েছে: {articles}টি প্রতিবেদন, {chunks}টি অংশ, সময় লেগেছে {seconds} সেকেন্ড।",
    "reindex_failed": "সূচি তৈরি করা যায়নি। আগের সূচিটিই ব্যবহার করা হচ্ছে।",
    "index_damaged": "ডিস্কে সূচির ফাইল নষ্ট বা অনুপস্থিত ({reason})। মেমরিতে থাকা কপি থেকে উত্তর দেওয়া চলছে; /reindex দিলে ফাইলগুলো আবার তৈরি হবে।",
    "index_build_rejected": "নতুন প্রকাশিত সূচি ({build}) লোড করা যায়নি: {reason}। বট সেটি ব্যবহার শুরু করেনি; /reindex দিলে নতুন সূচি তৈরি হবে।",
    "index_build_served": "নতুন প্রকাশিত সূচিটি এখন ব্যবহার করা হচ্ছে: {articles}টি প্রতিবেদন, {chunks}টি অংশ।",
    "reindex_running": "সূচি তৈরির কাজ আগে থেকেই চলছে। শেষ হওয়া পর্যন্ত অপেক্ষা করুন।",
    "reindex_skipped": "{count}টি ফাইল বাদ দেওয়া হয়েছে:",
    "reindex_skipped_more": "…এবং আরও {count}টি (পুরো তালিকা লগে আছে)।",
    "reindex_added": "যোগ হয়েছে: {names}",
    "reindex_removed": "সরানো হয়েছে: {names}",
    "reindex_changed": "বদলেছে: {names}",
    "reindex_names_more": "{names} এবং আরও {count}টি",
    "reindex_unchanged": "কোনো প্রতিবেদন যোগ করা, সরানো বা বদলানো হয়নি।",
    "unknown_command": "এই কমান্ডটি আমার জানা নেই। আমি যা করতে পারি:",
    "more_none": "এই প্রশ্নের জন্য আর কোনো অংশ নেই।",
    "more_nothing_asked": "আগে একটি প্রশ্ন করুন; তারপর /more সেই প্রশ্নের আরও অংশ দেখাবে।",
    "stats_title": "বটের পরিসংখ্যান",
    "stats_articles": "প্রতিবেদন",
    "stats_chunks": "অংশ",
    "stats_model": "এমবেডিং মডেল",
    "stats_query_encoder": "প্রশ্নের এনকোডার",
    "stats_built_at": "সূচি তৈরির সময়",
    "stats_questions": "উত্তর দেওয়া প্রশ্ন",
    "stats_p50": "উত্তর দেওয়ার মধ্যমা সময়",
    "stats_unknown": "অজানা",
    "button_more": "আরও সূত্র",
    "button_related": "সম্পর্কিত অংশ দেখুন",
    "related_header": "এ বিষয়ের অংশগুলো (এগুলোতে আপনার চাওয়া সংখ্যা বা তারিখটি না-ও থাকতে পারে):",
    "more_expired": "এই সূত্রগুলো আর পাওয়া যাচ্ছে না। অনুগ্রহ করে প্রশ্নটি আবার করুন।",
    "mention_usage": "@{bot} লিখে তার পরে আপনার প্রশ্ন লিখুন।",
    "lang_personal": "এটি শুধু আপনার নিজের সেটিং: সব চ্যাটে আপনাকে দেওয়া আমার উত্তরে এটি প্রযোজ্য, এই গ্রুপের সবার জন্য নয়।",
    "reindex_failed_none": "সূচি তৈরি করা যায়নি। এখন কোনো সূচি চালু নেই, তাই সফলভাবে সূচি তৈরি না হওয়া পর্যন্ত "
    "প্রশ্নের উত্তরে \"সাময়িকভাবে পাওয়া যাচ্ছে না\" বলা হবে।",
    "stats_unavailable": "⚠️ কোনো সূচি চালু নেই: প্রতিটি প্রশ্নের উত্তরে \"সাময়িকভাবে পাওয়া যাচ্ছে না\" বলা হচ্ছে।",
    "button_back": "◀ ফিরে যান",
    "inline_no_results_title": "মিলে যায় এমন কোনো অংশ নেই",
    "inline_no_results_text": "প্রতিবেদনগুলোতে এই প্রশ্নের উত্তর আছে এমন কোনো অংশ খুঁজে পাইনি।",
    "inline_prompt_title": "সংবাদ নিয়ে একটি প্রশ্ন লিখুন",
    "cmd_start": "বট চালু করুন ও এটি কী করে জানুন",
    "cmd_help": "বটটি কীভাবে ব্যবহার করবেন",
    "cmd_ask": "সংবাদ নিয়ে প্রশ্ন করুন",
    "cmd_lang": "উত্তরের ভাষা বেছে নিন",
    "cmd_sources": "যেসব প্রতিবেদন থেকে উদ্ধৃত করা যায়, তার তালিকা",
    "cmd_reindex": "প্রতিবেদনের সূচি নতুন করে তৈরি করুন (অ্যাডমিন)",
    "cmd_stats": "সূচি ও ব্যবহারের পরিসংখ্যান (অ্যাডমিন)",
}

# เนื้อหา (counted in ส่วน) is a quoted passage, ข้อความ only a chat message: one word for both left
# readers guessing which was meant
_TH = {
    "answer_header": "บทความระบุไว้ดังนี้:",
    "answer_header_unsure": "เนื้อหาที่ใกล้เคียงที่สุดที่พบ ซึ่งอาจไม่ได้ระบุสิ่งที่คุณถามไว้ตรง ๆ:",
    "more_header": "เนื้อหาเพิ่มเติม:",
    "source_note": "ยกมาจากบทความ{language}",
    "same_article": "บทความเดียวกับ [{rank}]",
    "follow_up_note": "ค้นต่อจากคำถามก่อนหน้า: {question}",
    "unknown_names_note": "ไม่มีบทความใดกล่าวถึง {names}",
    "shortened_note": "ข้อความของคุณยาวมาก ฉันจึงค้นเฉพาะคำถามสุดท้าย: {question}",
    "several_note": "ข้อความของคุณมีหลายคำถาม ฉันจึงตอบเฉพาะข้อที่บทความตอบได้ดีที่สุด (คำถามอื่นกรุณาส่งทีละข้อ): {question}",
    "reading_numbers": "ตัวเลข: {numbers}",
    "reading_era_year": "พ.ศ. {written} = ค.ศ. {year}",
    "reading_more_than": "มากกว่า {number}",
    "low_confidence": "เนื้อหาเหล่านี้เกี่ยวข้องกับหัวข้อที่ถาม แต่อาจไม่ได้ระบุสิ่งที่คุณถามไว้ตรง ๆ",
    "figure_not_found": "ไม่พบตัวเลขหรือวันที่ที่คุณถามในบทความ",
    "figure_elsewhere": "เนื้อหาส่วนที่ตรงกับคำถามของคุณที่สุดไม่ได้ระบุตัวเลขหรือวันที่ที่คุณถาม "
    "เนื้อหาบางส่วนในหัวข้อนี้มีตัวเลขประเภทนี้ แต่อาจเป็นของเรื่องอื่น กด \"ดูเนื้อหาที่เกี่ยวข้อง\" เพื่ออ่าน",
    "nothing_found": "ไม่พบเรื่องนี้ในบทความ ลองเรียบเรียงคำถามใหม่ หรือถามเกี่ยวกับหัวข้อที่อยู่ใน /sources",
    "ask_usage": "พิมพ์คำถามต่อท้ายคำสั่ง",
    "other_language": "ฉันตอบเป็นภาษาอังกฤษ เบงกาลี ไทย หรือเวียดนาม ไม่ใช่ภาษาที่คุณใช้ถาม เลือกภาษาได้ด้วย /lang",
    "no_words": "ฉันค้นหาจากคำ แต่ข้อความของคุณไม่มีคำเลย กรุณาพิมพ์คำถามเป็นตัวหนังสือ",
    "question_too_long": "คำถามยาวเกินไป กรุณาพิมพ์ไม่เกิน {limit} ตัวอักษร",
    "only_links": "ฉันไม่เปิดลิงก์ ข้อความที่มีแต่ลิงก์จึงไม่มีอะไรให้ค้นหา กรุณาพิมพ์คำถามเป็นตัวหนังสือ",
    "unsupported_message": "ฉันอ่านได้เฉพาะคำถามที่เป็นข้อความเท่านั้น กรุณาพิมพ์คำถามส่งมา",
    "rate_limited": "คุณส่งคำถามเร็วเกินไป กรุณารอสักครู่แล้วลองใหม่ในอีก {seconds} วินาที",
    "index_unavailable": "ดัชนีบทความใช้งานไม่ได้ชั่วคราว กรุณาลองใหม่ในอีกไม่กี่นาที",
    "error": "ขออภัย ระบบเกิดข้อผิดพลาด กรุณาลองใหม่อีกครั้งภายหลัง",
    "start_greeting": "สวัสดี! ฉันตอบคำถามเกี่ยวกับบทความข่าวโดยยกเนื้อหาส่วนที่มีคำตอบมาตรงตามต้นฉบับ "
    "พร้อมบอกแหล่งที่มาของแต่ละส่วน",
    "smalltalk_greeting": "สวัสดี! ถามคำถามเกี่ยวกับข่าวได้เลย ฉันจะยกเนื้อหาจากบทความที่ตอบคำถามนั้นพร้อมแหล่งที่มา "
    "พิมพ์ /help เพื่อดูวิธีถาม",
    "smalltalk_thanks": "ด้วยความยินดี มีคำถามอื่นเกี่ยวกับบทความก็ถามได้เลย",
    "smalltalk_goodbye": "แล้วพบกันใหม่! มีคำถามเกี่ยวกับข่าวเมื่อไรก็กลับมาถามได้เลย",
    "smalltalk_ack": "👍 มีคำถามอื่นเกี่ยวกับบทความเมื่อไรก็ถามได้เลย",
    "smalltalk_about": "ฉันเป็นบอทที่ตอบคำถามเกี่ยวกับบทความข่าวที่มีอยู่ โดยยกเนื้อหาที่ตอบคำถามนั้นพร้อมแหล่งที่มา "
    "ส่งคำถามมาได้เลย พิมพ์ /help เพื่อดูวิธีถาม",
    "help_intro": "ถามคำถามเกี่ยวกับข่าวได้เลย ฉันจะยกเนื้อหาจากบทความที่ตอบคำถามนั้นพร้อมแหล่งที่มา "
    "และตอบเป็นภาษาเดียวกับคำถามของคุณ ได้แก่ ภาษาไทย ภาษาอังกฤษ ภาษาเบงกาลี หรือภาษาเวียดนาม",
    "help_examples": "ตัวอย่างคำถาม:",
    "help_no_examples": "ถามเรื่องใดก็ได้ในบทความที่ /sources แสดงไว้",
    "for_example": "เช่น {example}",
    "help_private": "ในแชตส่วนตัว พิมพ์คำถามส่งมาได้เลย ถ้าจะถามต่อจากคำตอบเดิม (\"แล้วจบเมื่อไร\") ให้ตอบกลับข้อความคำตอบของฉัน",
    "help_groups": "ในกลุ่ม: พิมพ์ /ask ตามด้วยคำถาม แท็ก @{bot} ในข้อความ หรือตอบกลับข้อความของฉัน",
    "help_inline": "ในแชตใดก็ได้: พิมพ์ @{bot} ตามด้วยคำถาม แล้วเลือกเนื้อหาที่ต้องการแชร์",
    "help_terminal": "พิมพ์คำถามแล้วกด Enter แต่ละบรรทัดคือคำถามหนึ่งข้อ จึงควรเขียนคำถามให้ครบ "
    "พิมพ์ /more เพื่อดูแหล่งที่มาเพิ่มเติมของคำตอบล่าสุด และกด Ctrl-D เพื่อจบ",
    "help_commands": "คำสั่ง:",
    "help_admin": "คำสั่งสำหรับผู้ดูแล:",
    "lang_usage": "วิธีใช้: พิมพ์ /lang ตามด้วย en, bn, th หรือ vi เพื่อเลือกภาษาที่ใช้ตอบ "
    "หรือ /lang auto เพื่อให้ตอบเป็นภาษาเดียวกับคำถามแต่ละข้อ",
    "lang_set": "เรียบร้อย ต่อจากนี้ฉันจะตอบเป็น{language}",
    "lang_auto": "เรียบร้อย ต่อจากนี้ฉันจะตอบเป็นภาษาเดียวกับคำถามแต่ละข้อ",
    "lang_current": "ภาษาที่ใช้ตอบ: {language}",
    "lang_unknown": "\"{choice}\" ไม่ใช่ภาษาที่ฉันใช้ตอบได้",
    "lang_current_auto": "ภาษาที่ใช้ตอบ: อัตโนมัติ (ตามภาษาของคำถาม)",
    "lang_list": "ภาษาที่รองรับ: {languages}",
    "sources_header": "บทความที่ฉันยกเนื้อหามาได้ ({count} บทความ):",
    "sources_empty": "ยังไม่มีบทความในดัชนี",
    "admin_only": "ขออภัย คำสั่งนี้ใช้ได้เฉพาะผู้ดูแลบอทเท่านั้น",
    "reindex_started": "กำลังสร้างดัชนีบทความใหม่…",
    "reindex_progress": "กำลังสร้างดัชนี: แปลงส่วนเนื้อหาและประโยคเป็นเวกเตอร์แล้ว {done}/{total} รายการ",
    "reindex_done": "สร้างดัชนีใหม่เสร็จแล้ว: {articles} บทความ เนื้อหา {chunks} ส่วน ใช้เวลา {seconds} วินาที",
    "reindex_failed": "สร้างดัชนีใหม่ไม่สำเร็จ ระบบยังคงใช้ดัชนีเดิมอยู่",
    "index_damaged": "ไฟล์ดัชนีบนดิสก์เสียหายหรือหายไป ({reason}) ระบบยังตอบจากสำเนาในหน่วยความจำ ใช้ /reindex เพื่อสร้างไฟล์ใหม่",
    "index_build_rejected": "โหลดดัชนีที่เผยแพร่ใหม่ ({build}) ไม่ได้: {reason} ระบบจึงไม่เปลี่ยนไปใช้ดัชนีนี้ ใช้ /reindex เพื่อสร้างดัชนีใหม่",
    "index_build_served": "เปลี่ยนไปใช้ดัชนีที่เผยแพร่ใหม่แล้ว: {articles} บทความ เนื้อหา {chunks} ส่วน",
    "reindex_running": "กำลังสร้างดัชนีอยู่แล้ว กรุณารอจนเสร็จ",
    "reindex_skipped": "ข้ามไฟล์บทความ {count} ไฟล์:",
    "reindex_skipped_more": "…และอีก {count} ไฟล์ (ดูรายการทั้งหมดได้ในล็อก)",
    "reindex_added": "เพิ่ม: {names}",
    "reindex_removed": "นำออก: {names}",
    "reindex_changed": "แก้ไข: {names}",
    "reindex_names_more": "{names} และอีก {count} ไฟล์",
    "reindex_unchanged": "ไม่มีบทความที่เพิ่ม นำออก หรือแก้ไข",
    "unknown_command": "ฉันไม่รู้จักคำสั่งนี้ สิ่งที่ฉันทำได้มีดังนี้:",
    "more_none": "ไม่มีเนื้อหาเพิ่มเติมสำหรับคำถามนี้แล้ว",
    "more_nothing_asked": "กรุณาถามคำถามก่อน แล้ว /more จะแสดงเนื้อหาเพิ่มเติมของคำถามนั้น",
    "stats_title": "สถิติของบอท",
    "stats_articles": "บทความ",
    "stats_chunks": "ส่วนเนื้อหา",
    "stats_model": "โมเดลแปลงข้อความเป็นเวกเตอร์",
    "stats_query_encoder": "ตัวเข้ารหัสคำถาม",
    "stats_built_at": "สร้างดัชนีเมื่อ",
    "stats_questions": "คำถามที่ตอบแล้ว",
    "stats_p50": "เวลาตอบกลับ (มัธยฐาน)",
    "stats_unknown": "ไม่ทราบ",
    "button_more": "แหล่งที่มาเพิ่มเติม",
    "button_related": "ดูเนื้อหาที่เกี่ยวข้อง",
    "related_header": "เนื้อหาในหัวข้อนี้ (อาจไม่ได้ระบุตัวเลขหรือวันที่ที่คุณถาม):",
    "more_expired": "แหล่งที่มาชุดนี้ไม่มีให้ดูแล้ว กรุณาถามคำถามอีกครั้ง",
    "mention_usage": "พิมพ์คำถามต่อจาก @{bot}",
    "lang_personal": "นี่เป็นการตั้งค่าของคุณเอง ใช้กับคำตอบที่ฉันตอบคุณในทุกแชต ไม่ใช่กับทุกคนในกลุ่มนี้",
    "reindex_failed_none": "สร้างดัชนีใหม่ไม่สำเร็จ ขณะนี้ไม่มีดัชนีที่ใช้งานอยู่ "
    "คำถามทุกข้อจะได้รับแจ้งว่า \"ใช้งานไม่ได้ชั่วคราว\" จนกว่าจะสร้างดัชนีสำเร็จ",
    "stats_unavailable": "⚠️ ไม่มีดัชนีที่ใช้งานอยู่ คำถามทุกข้อได้รับแจ้งว่า \"ใช้งานไม่ได้ชั่วคราว\"",
    "button_back": "◀ ย้อนกลับ",
    "inline_no_results_title": "ไม่พบเนื้อหาที่ตรงกัน",
    "inline_no_results_text": "ไม่พบเนื้อหาในบทความที่ตอบคำถามนี้",
    "inline_prompt_title": "พิมพ์คำถามเกี่ยวกับข่าว",
    "cmd_start": "เริ่มใช้บอทและดูว่าทำอะไรได้บ้าง",
    "cmd_help": "วิธีใช้บอท",
    "cmd_ask": "ถามคำถามเกี่ยวกับข่าว",
    "cmd_lang": "เลือกภาษาที่ใช้ตอบ",
    "cmd_sources": "รายชื่อบทความที่ยกเนื้อหามาได้",
    "cmd_reindex": "สร้างดัชนีบทความใหม่ (ผู้ดูแล)",
    "cmd_stats": "สถิติของดัชนีและการใช้งาน (ผู้ดูแล)",
}

_VI = {
    "answer_header": "Các bài báo viết như sau:",
    "answer_header_unsure": "Những đoạn sát nhất với câu hỏi mà tôi tìm được; chúng có thể không nêu chính xác điều bạn muốn biết:",
    "more_header": "Các đoạn khác:",
    "source_note": "trích nguyên văn bằng {language}",
    "same_article": "cùng bài với [{rank}]",
    "follow_up_note": "Tôi hiểu đây là câu hỏi nối tiếp câu: {question}",
    "unknown_names_note": "Không bài báo nào nhắc đến {names}.",
    "shortened_note": "Tin nhắn của bạn dài, nên tôi chỉ tìm theo câu hỏi cuối cùng: {question}",
    "several_note": "Tin nhắn của bạn có nhiều câu hỏi, nên tôi chỉ trả lời câu mà các bài báo trả lời rõ nhất (vui lòng gửi từng câu còn lại riêng): {question}",
    "reading_numbers": "Các con số: {numbers}",
    "reading_era_year": "{written} (lịch Thái) = năm {year}",
    "reading_more_than": "hơn {number}",
    "low_confidence": "Các đoạn này liên quan đến chủ đề bạn hỏi nhưng có thể không nêu chính xác điều bạn muốn biết.",
    "figure_not_found": "Tôi không tìm thấy con số hay thời điểm bạn hỏi trong các bài báo.",
    "figure_elsewhere": "Đoạn khớp nhất với câu hỏi của bạn không nêu con số hay thời điểm bạn hỏi. "
    "Một số đoạn khác về chủ đề này có nêu con số loại đó, nhưng có thể là về việc khác: bấm \"Xem các đoạn liên quan\" để xem.",
    "nothing_found": "Tôi không tìm thấy thông tin này trong các bài báo. Hãy thử diễn đạt lại câu hỏi, "
    "hoặc hỏi về các chủ đề có trong /sources.",
    "ask_usage": "Hãy viết câu hỏi sau lệnh.",
    "other_language": "Tôi trả lời bằng tiếng Anh, tiếng Bengal, tiếng Thái hoặc tiếng Việt, không phải bằng ngôn ngữ của câu hỏi. Chọn ngôn ngữ bằng /lang.",
    "no_words": "Tôi tìm kiếm theo chữ, nhưng tin nhắn của bạn không có chữ nào. Hãy viết câu hỏi bằng chữ.",
    "question_too_long": "Câu hỏi của bạn quá dài. Vui lòng viết không quá {limit} ký tự.",
    "only_links": "Tôi không mở liên kết, nên tin nhắn chỉ có liên kết thì tôi không có gì để tìm. Hãy viết câu hỏi bằng chữ.",
    "unsupported_message": "Tôi chỉ đọc được câu hỏi dạng chữ. Vui lòng gõ câu hỏi và gửi dưới dạng tin nhắn văn bản.",
    "rate_limited": "Bạn đang hỏi quá nhanh. Vui lòng chậm lại và thử lại sau {seconds} giây.",
    "index_unavailable": "Chỉ mục bài báo tạm thời không dùng được. Vui lòng thử lại sau vài phút.",
    "error": "Xin lỗi, đã có lỗi xảy ra ở phía tôi. Vui lòng thử lại sau.",
    "start_greeting": "Xin chào! Tôi trả lời câu hỏi về các bài báo bằng cách trích nguyên văn "
    "những đoạn chứa câu trả lời, kèm nguồn của từng đoạn.",
    "smalltalk_greeting": "Xin chào! Hãy hỏi tôi về tin tức, tôi sẽ trích những đoạn trong các bài báo "
    "trả lời câu hỏi đó, kèm nguồn. Gõ /help để xem cách hỏi.",
    "smalltalk_thanks": "Không có gì! Bạn cứ hỏi thêm bất cứ điều gì về các bài báo nhé.",
    "smalltalk_goodbye": "Tạm biệt! Khi nào có câu hỏi về tin tức, bạn cứ quay lại nhé.",
    "smalltalk_ack": "👍 Bạn cứ hỏi thêm về các bài báo bất cứ lúc nào nhé.",
    "smalltalk_about": "Tôi là bot trả lời câu hỏi về các bài báo tôi có, bằng cách trích những đoạn trả lời câu hỏi "
    "đó kèm nguồn. Bạn chỉ cần gửi câu hỏi; gõ /help để xem cách hỏi.",
    "help_intro": "Hãy hỏi tôi về tin tức, tôi sẽ trích những đoạn trả lời câu hỏi đó kèm nguồn. "
    "Tôi trả lời bằng ngôn ngữ của câu hỏi: tiếng Việt, tiếng Anh, tiếng Bengal hoặc tiếng Thái.",
    "help_examples": "Câu hỏi ví dụ:",
    "help_no_examples": "Bạn có thể hỏi về bất cứ điều gì trong các bài báo mà /sources liệt kê.",
    "for_example": "Ví dụ: {example}",
    "help_private": "Trong cuộc trò chuyện riêng, bạn chỉ cần gửi câu hỏi. Muốn hỏi tiếp (\"vậy khi nào thì kết thúc?\"), hãy bấm Trả lời (reply) vào câu trả lời của tôi.",
    "help_groups": "Trong nhóm: gõ /ask kèm câu hỏi, nhắc đến @{bot} trong tin nhắn, "
    "hoặc trả lời một tin nhắn của tôi.",
    "help_inline": "Trong bất kỳ cuộc trò chuyện nào: gõ @{bot} kèm câu hỏi, sau đó chọn một đoạn để chia sẻ.",
    "help_terminal": "Gõ câu hỏi rồi nhấn Enter. Mỗi dòng là một câu hỏi riêng, nên hãy viết câu hỏi đầy đủ; "
    "/more hiện thêm nguồn của câu trả lời gần nhất, Ctrl-D để kết thúc.",
    "help_commands": "Các lệnh:",
    "help_admin": "Lệnh dành cho quản trị viên:",
    "lang_usage": "Cách dùng: /lang kèm en, bn, th hoặc vi để chọn ngôn ngữ trả lời; "
    "/lang auto để trả lời theo ngôn ngữ của từng câu hỏi.",
    "lang_set": "Xong. Từ giờ tôi sẽ trả lời bằng {language}.",
    "lang_auto": "Xong. Từ giờ tôi sẽ trả lời theo ngôn ngữ của từng câu hỏi.",
    "lang_current": "Ngôn ngữ trả lời: {language}.",
    "lang_unknown": "\"{choice}\" không phải là ngôn ngữ tôi dùng để trả lời.",
    "lang_current_auto": "Ngôn ngữ trả lời: tự động (theo ngôn ngữ của câu hỏi).",
    "lang_list": "Các ngôn ngữ hỗ trợ: {languages}",
    "sources_header": "Các bài báo tôi có thể trích dẫn ({count}):",
    "sources_empty": "Chưa có bài báo nào trong chỉ mục.",
    "admin_only": "Xin lỗi, chỉ quản trị viên của bot mới dùng được lệnh này.",
    "reindex_started": "Đang xây dựng lại chỉ mục bài báo…",
    "reindex_progress": "Đang xây dựng chỉ mục: đã mã hóa {done}/{total} đoạn và câu",
    "reindex_done": "Đã xây dựng lại chỉ mục: {articles} bài báo, {chunks} đoạn, mất {seconds} giây.",
    "reindex_failed": "Xây dựng lại chỉ mục thất bại. Chỉ mục cũ vẫn đang được dùng.",
    "index_damaged": "Các tệp chỉ mục trên đĩa bị hỏng hoặc bị mất ({reason}). Bot vẫn trả lời từ bản trong bộ nhớ; /reindex sẽ tạo lại các tệp.",
    "index_build_rejected": "Không tải được bản chỉ mục mới ({build}): {reason}. Bot chưa chuyển sang dùng bản này; /reindex sẽ xây dựng lại chỉ mục.",
    "index_build_served": "Đã chuyển sang dùng bản chỉ mục mới: {articles} bài báo, {chunks} đoạn.",
    "reindex_running": "Chỉ mục đang được xây dựng lại. Vui lòng đợi đến khi hoàn tất.",
    "reindex_skipped": "Đã bỏ qua {count} tệp bài báo:",
    "reindex_skipped_more": "…và {count} tệp khác (nhật ký ghi đủ danh sách).",
    "reindex_added": "Đã thêm: {names}",
    "reindex_removed": "Đã gỡ: {names}",
    "reindex_changed": "Đã sửa: {names}",
    "reindex_names_more": "{names} và {count} tệp khác",
    "reindex_unchanged": "Không có bài báo nào được thêm, gỡ hoặc sửa.",
    "unknown_command": "Tôi không biết lệnh này. Đây là những gì tôi có thể làm:",
    "more_none": "Không còn đoạn nào khác cho câu hỏi này.",
    "more_nothing_asked": "Hãy đặt câu hỏi trước; sau đó /more sẽ hiện thêm các đoạn cho câu hỏi đó.",
    "stats_title": "Thống kê của bot",
    "stats_articles": "Bài báo",
    "stats_chunks": "Đoạn",
    "stats_model": "Mô hình nhúng",
    "stats_query_encoder": "Bộ mã hóa câu hỏi",
    "stats_built_at": "Thời điểm tạo chỉ mục",
    "stats_questions": "Câu hỏi đã trả lời",
    "stats_p50": "Thời gian phản hồi trung vị",
    "stats_unknown": "không rõ",
    "button_more": "Thêm nguồn",
    "button_related": "Xem các đoạn liên quan",
    "related_header": "Các đoạn về chủ đề này (có thể không nêu con số hay thời điểm bạn hỏi):",
    "more_expired": "Các nguồn này không còn khả dụng. Vui lòng đặt lại câu hỏi.",
    "mention_usage": "Hãy viết câu hỏi sau @{bot}.",
    "lang_personal": "Đây là cài đặt riêng của bạn: nó áp dụng cho các câu trả lời tôi gửi bạn trong mọi cuộc trò chuyện, không phải cho cả nhóm.",
    "reindex_failed_none": "Xây dựng lại chỉ mục thất bại. Hiện không có chỉ mục nào đang hoạt động, nên mọi câu hỏi "
    "sẽ nhận thông báo \"tạm thời không dùng được\" cho đến khi xây dựng thành công.",
    "stats_unavailable": "⚠️ Không có chỉ mục nào đang hoạt động: mọi câu hỏi đều nhận thông báo \"tạm thời không dùng được\".",
    "button_back": "◀ Quay lại",
    "inline_no_results_title": "Không có đoạn phù hợp",
    "inline_no_results_text": "Tôi không tìm thấy đoạn nào trong các bài báo trả lời câu hỏi này.",
    "inline_prompt_title": "Nhập câu hỏi về tin tức",
    "cmd_start": "Bắt đầu và xem bot làm được gì",
    "cmd_help": "Cách dùng bot",
    "cmd_ask": "Đặt câu hỏi về tin tức",
    "cmd_lang": "Chọn ngôn ngữ trả lời",
    "cmd_sources": "Danh sách bài báo có thể trích dẫn",
    "cmd_reindex": "Xây dựng lại chỉ mục bài báo (quản trị viên)",
    "cmd_stats": "Thống kê chỉ mục và sử dụng (quản trị viên)",
}

STRINGS: dict[str, dict[str, str]] = {"en": _EN, "bn": _BN, "th": _TH, "vi": _VI}


def reply_lang(lang: str | None) -> str:
    """``lang`` if we speak it, else the default: every lookup goes through here."""
    return lang if lang in STRINGS else DEFAULT_LANG


def t(key: str, lang: str, **kwargs: object) -> str:
    """The text for ``key`` in ``lang`` (English for a language we don't speak), filled in.

    Raises KeyError for an unknown key or a missing placeholder value: both are bugs.
    """
    lang = reply_lang(lang)
    # counts and limits are the bot's own numbers; strings may be user or article text, left as is
    kwargs = {k: local_digits(v, lang) if isinstance(v, int) else v for k, v in kwargs.items()}
    return STRINGS[lang][key].format(**kwargs)


_BENGALI_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


def local_digits(number: object, lang: str) -> str:
    """A number the bot writes ("5", "12.3", "2025-01-31 10:00") in ``lang``'s digits: Bengali's own
    ("৫", a user test read "(5টি)" as out of place), ASCII for the others. Never for quoted article
    text, nor for anything a machine reads (callback data, ids)."""
    text = str(number)
    return text.translate(_BENGALI_DIGITS) if reply_lang(lang) == "bn" else text


_ORDINALS = {"bn": "{n}তম", "th": "ที่ {n}", "vi": "thứ {n}"}
# Bengali writes the first ten with their own endings (১ম, ২য়, ৪র্থ, ৬ষ্ঠ, as the seed articles' "৭ম
# স্থান"), "তম" only from 11 on: "৭তম" reads as a foreigner's Bengali
_BENGALI_FIRST_TEN = {1: "ম", 2: "য়", 3: "য়", 4: "র্থ", 5: "ম", 6: "ষ্ঠ", 7: "ম", 8: "ম", 9: "ম", 10: "ম"}


def ordinal(n: int, lang: str) -> str:
    """An ordinal as ``lang`` writes it: "7th", "thứ 7", "ที่ 7", "7ম", "21তম"."""
    lang = reply_lang(lang)
    if lang == "en":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if lang == "bn" and n in _BENGALI_FIRST_TEN:
        return f"{n}{_BENGALI_FIRST_TEN[n]}"
    return _ORDINALS[lang].format(n=n)


# Babel's locale for each reply language: English as Britain writes it, the day before the month
# as our other languages and the articles write dates ("18 August"), and "tonne", not "metric ton"
_BABEL_LOCALES = {"en": "en_GB"}


def babel_locale(lang: str) -> str:
    """The Babel (CLDR) locale whose numbers, dates and units a reply in ``lang`` uses."""
    return _BABEL_LOCALES.get(reply_lang(lang), reply_lang(lang))


def number_pattern(value: str, locale: str) -> str:
    """``locale``'s number pattern ("#,##,##0" in Bengali) with as many decimals as ``value`` has:
    "17.80" dollars keep their 0, which CLDR's pattern would drop."""
    whole = Locale.parse(locale).decimal_formats[None].pattern.partition(".")[0]
    fraction = value.partition(".")[2]
    return f"{whole}.{'0' * len(fraction)}" if fraction else whole


def group_digits(number: str, lang: str, group: bool = True) -> str:
    """A plain ASCII number ("56000", "1250.5") with thousands grouped as ``lang`` writes them
    (CLDR's patterns): "56,000", in Vietnamese "56.000", in Bengali by lakh and crore as
    Bangladeshi papers do ("1,20,000", the seed articles' "১,২০,০০০"); with ``group=False`` only
    the decimal mark changes ("2025", "13,3")."""
    locale = babel_locale(lang)
    whole, _, fraction = number.partition(".")
    if not (whole.isdigit() and group):
        return f"{whole}{get_decimal_symbol(locale)}{fraction}" if fraction else whole
    return format_decimal(Decimal(number), number_pattern(number, locale), locale=locale)


def language_name(code: str, lang: str) -> str:
    """The name of language ``code`` written in ``lang``; the bare code for one we don't know."""
    return LANG_NAMES_IN[reply_lang(lang)].get(code, code)


def command_descriptions(lang: str, admin: bool) -> list[tuple[str, str]]:
    """``(command, description)`` pairs for setMyCommands, admin commands last."""
    commands = USER_COMMANDS + (ADMIN_COMMANDS if admin else ())
    return [(command, t(f"cmd_{command}", lang)) for command in commands]

