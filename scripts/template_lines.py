"""Refuse template lines that are too long to read in a review: `make lint` runs this.

djhtml keeps the indentation; it does not wrap. A line that holds a whole paragraph of tags is hard to review and
hides mistakes (an attribute in the wrong element, a translation without its plural), so every template line stays
within MAX_LENGTH characters. Split a long line where the HTML already has white space (between attributes, around
block elements), or use `{% blocktranslate trimmed %}` for a long sentence: its msgid stays the same.

Prints each long line as path:line: length and exits 1 when there is one.
"""

import sys
from pathlib import Path

MAX_LENGTH = 200
TEMPLATE_DIRS = ("templates", "api/templates")


def long_lines(root: Path):
    for folder in TEMPLATE_DIRS:
        for path in sorted((root / folder).rglob("*.html")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if len(line) > MAX_LENGTH:
                    yield path.relative_to(root), number, len(line)


def main() -> int:
    found = list(long_lines(Path(__file__).resolve().parent.parent))
    for path, number, length in found:
        print(f"{path}:{number}: {length} characters (at most {MAX_LENGTH})")
    if found:
        print(f"{len(found)} template lines are too long.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
