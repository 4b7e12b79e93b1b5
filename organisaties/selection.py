"""The visitor's situation, read from the query string and checked against the questions and answers editors keep.

The answers of the language (with their questions) are kept per content generation (kern/per_generation.py) and
shared by the filter form, the summary of the choice and the validation of the query string. Which query-string keys
are questions at all is known without a query: ``situation_questions()`` holds the question slugs with their
answers in every language, read once per content generation; the page cache keys on it too (the hook in
wagtail_hooks.py).
"""

import logging
from dataclasses import replace

from django.db import DatabaseError
from django.utils.functional import SimpleLazyObject

from kern.i18n import active_language_code, in_active_language
from kern.per_generation import kept

from .gemeente_lookup import lookup_for_request
from .models import Situatie
from .situations import SituationSelection

logger = logging.getLogger(__name__)

QUESTIONS_KEY = "situation-questions"


def load_situation_choices(language_filter=None) -> dict[str, list[Situatie]]:
    """The answers of a language per question slug, questions and answers in the editors' order (one query).

    Each answer carries its question (``situatie.vraag``: label and explanation for the form).
    """
    choices: dict[str, list[Situatie]] = {}
    for situatie in Situatie.objects.filter(language_filter or in_active_language()):
        choices.setdefault(situatie.question, []).append(situatie)
    return choices


def _read_questions() -> dict[str, frozenset[str]]:
    questions: dict[str, set[str]] = {}
    for question, answer in Situatie.objects.values_list("vraag__slug", "slug"):
        questions.setdefault(question, set()).add(answer)
    return {question: frozenset(answers) for question, answers in questions.items()}


def situation_questions() -> dict[str, frozenset[str]]:
    """Question slug -> its answers' slugs, over every language; read once per content generation.

    Empty when the database cannot be read: no key then counts as a question (the page still renders).
    """
    try:
        return kept(QUESTIONS_KEY, _read_questions)
    except DatabaseError:
        logger.warning("Could not read the situation questions", exc_info=True)
        return {}


def situation_choices() -> dict[str, list[Situatie]]:
    """The answers of the active language per question: the same for every visitor, kept per generation."""
    return kept(f"situation-choices:{active_language_code()}", load_situation_choices)


def selection_for_request(request) -> SituationSelection:
    """The chosen situation, memoised on the request; unknown keys and values are ignored, never an error.

    A municipality in the address (``?gemeente=``) that is found goes along as its CBS code.
    """
    if request is None:
        return SituationSelection()
    cached = getattr(request, "_wegwijzer_selection", None)
    if cached is None:
        questions = situation_questions() if request.GET else {}
        if any(key in questions for key in request.GET):
            known = {question: {s.slug for s in items} for question, items in situation_choices().items()}
            cached = SituationSelection.from_query(request.GET, known)
        else:
            cached = SituationSelection()
        lookup = lookup_for_request(request)
        if lookup is not None and lookup.gemeente is not None:
            cached = replace(cached, gemeente=lookup.gemeente.code)
        request._wegwijzer_selection = cached
    return cached


def chosen_situations(request) -> list[Situatie]:
    """The Situatie objects the visitor chose, for the summary "You see the help for: ..."."""
    selection = selection_for_request(request)
    if not selection:
        return []
    choices = situation_choices()
    return [
        situatie
        for question, slug in selection.values.items()
        for situatie in choices.get(question, [])
        if situatie.slug == slug
    ]


def situation_context(request):
    """Context processor: the chosen situation on every page, computed only when a template uses it."""
    return {"selection": SimpleLazyObject(lambda: selection_for_request(request))}


def situation_block_choices() -> list[tuple[str, str]]:
    """Every situation as (slug, "Question: answer"), for editors who mark part of a step "only for ..."."""
    return [(situatie.slug, str(situatie)) for situatie in Situatie.objects.filter(in_active_language())]


def situation_dimensions() -> dict[str, str]:
    """Answer slug -> the slug of the question it answers, for the situations of the active language."""
    return {situatie.slug: question for question, items in situation_choices().items() for situatie in items}
