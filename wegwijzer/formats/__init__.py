"""Date formats that differ from Django's for a language (FORMAT_MODULE_PATH in the settings).

Templates write dates with the ``date`` filter and no format (``{{ day|date }}`` is DATE_FORMAT), so each language
gets its own long form: "4 grudnia 2026" in Polish and "4 de diciembre de 2026" in Spanish, where a fixed "j F Y"
gives the nominative "4 Grudzień 2026".
"""
