"""Filling in Wagtail admin forms the way a browser would: read the form from the page, change a field, post it."""

from bs4 import BeautifulSoup


def form_fields(html, form_selector="form[method=post]"):
    """The values a browser would submit for the admin's edit form in this page's HTML."""
    page = BeautifulSoup(html, "html.parser")
    form = next(
        f
        for f in page.select(form_selector)
        if f.select_one("[name=csrfmiddlewaretoken]")
        and f.select_one("[name=title], [name=name], [name=phone]")
    )
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "input":
            kind = field.get("type", "text")
            if kind in ("checkbox", "radio"):
                if field.has_attr("checked"):
                    data.setdefault(name, []).append(field.get("value", "on"))
                continue
            if kind in ("submit", "button", "file"):
                continue
            data[name] = field.get("value", "")
        elif field.name == "textarea":
            data[name] = field.get_text()
        else:
            chosen = [o.get("value", o.get_text()) for o in field.select("option[selected]")]
            if field.has_attr("multiple"):
                data[name] = chosen
            else:
                data[name] = chosen[0] if chosen else ""
    return data
