"""Turns the demo files' short block notation into StreamField data."""

import uuid

from django.utils.html import escape


class UnknownReference(ValueError):
    pass


def paragraph_html(text: str) -> str:
    return f"<p>{escape(text.strip())}</p>"


def rich_text_from_paragraphs(text: str) -> str:
    """Plain text with blank lines between paragraphs, as rich-text HTML."""
    return "".join(paragraph_html(part) for part in text.strip().split("\n\n") if part.strip())


def list_items(texts) -> list[dict]:
    """List items in ListBlock's block format, each with its own id: wagtail-localize translates only lists in
    this format (a plain list of strings gets new ids on every read, so it is skipped)."""
    return [{"type": "item", "value": text, "id": str(uuid.uuid4())} for text in texts]


def stream_data(blocks: list, organisaties: dict, regelingen: dict) -> list[dict]:
    """``[{"paragraph": "..."}, {"heading": {...}}, ...]`` as raw StreamField data.

    ``organisaties`` and ``regelingen`` map slugs to saved snippets, for contact cards and regulation links.
    """
    data = []
    for block in blocks or []:
        ((kind, value),) = block.items()
        # Every block, nested ones too, needs its id: wagtail-localize names each translatable segment by it.
        data.append(
            {
                "type": kind,
                "value": _block_value(kind, value, organisaties, regelingen),
                "id": str(uuid.uuid4()),
            }
        )
    return data


def _block_value(kind, value, organisaties, regelingen):
    if kind == "paragraph":
        return paragraph_html(value)
    if kind == "heading":
        if isinstance(value, str):
            return {"text": value, "level": "h2"}
        return {"text": value["text"], "level": f"h{value.get('level', 2)}"}
    if kind == "list":
        return {"items": list_items(value), "numbered": False}
    if kind == "checklist":
        return {"title": value["title"], "items": list_items(value["items"])}
    if kind == "callout":
        return {"kind": value.get("kind", "info"), "title": value["title"], "text": value["text"]}
    if kind == "faq":
        return {"question": value["question"], "answer": rich_text_from_paragraphs(value["answer"])}
    if kind == "contact":
        return {
            "organisatie": _lookup(organisaties, value["organisatie"]).pk,
            "text": value.get("text", ""),
        }
    if kind == "regeling":
        return {
            "regeling": _lookup(regelingen, value["regeling"]).pk,
            "text": value.get("text", ""),
        }
    if kind == "alleen_voor":
        return {
            "situations": list(value["situations"]),
            "content": stream_data(value["content"], organisaties, regelingen),
        }
    raise ValueError(f"Unknown block type in demo content: {kind!r}")


def _lookup(items: dict, slug: str):
    try:
        return items[slug]
    except KeyError as error:
        raise UnknownReference(f"Demo content refers to an unknown slug: {slug!r}") from error
