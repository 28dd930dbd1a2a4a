#!/usr/bin/env python3
"""Doxygen input filter (cmake/Doxyfile.in, FILTER_PATTERNS) that shows the public
headers' examples as code blocks in the API reference (issue 21).

    doxygen_example_filter.py HEADER     # prints the header with its examples fenced
    doxygen_example_filter.py --self-test

The headers write an example as comment lines indented three spaces after `///`
(`///   code`), the blocks scripts/extract_header_examples.py compiles. Markdown
needs four spaces more than the text around it, so Doxygen would run those lines
together as prose. This filter turns each block into `\\code{.cpp}` ... `\\endcode`
without adding or removing a line, so the line numbers of Doxygen's warnings stay
those of the header: the first line of a block becomes `/// \\code{.cpp} <code>`,
every other line loses the two spaces of the block's indentation, and the last
line ends with ` \\endcode`. Blocks that scripts/extract_header_examples.py counts
as prose (an indented list with `code` spans) are left as they are, and so are blocks
holding a C comment (`/* ... */`), which Doxygen 1.9 reads as the end of the block.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_header_examples import blocks_of, kind_of  # noqa: E402  (same definition of a block)


def fenced(text):
    """`text` with every example block as a Doxygen code block, line for line."""
    lines = text.split("\n")
    for start, code in blocks_of(text):
        if kind_of(code) == "prose" or any("/*" in line or "*/" in line for line in code):
            continue
        first, last = start - 1, start - 2 + len(code)
        for number in range(first, last + 1):
            head, _, rest = lines[number].partition("///")
            body = rest[3:]  # the code, without the block's three spaces
            if number == first:
                lines[number] = f"{head}/// \\code{{.cpp}} {body}"
            else:
                lines[number] = f"{head}/// {body}"
        lines[last] += " \\endcode"
    return "\n".join(lines)


def self_test():
    text = ("/// Adds.\n///\n///   int x = add(1, 2);\n///   if (x)\n///     use(x);\n"
            "int add(int a, int b);\n  ///   - `a` a list, not code\n"
            "  /// A field.\n  ///   .a = 1\nint f;\n///   if (x) { /* y */ }\n")
    got = fenced(text).split("\n")
    assert got[2] == "/// \\code{.cpp} int x = add(1, 2);", got[2]
    assert got[3] == "/// if (x)", got[3]
    assert got[4] == "///   use(x); \\endcode", got[4]
    assert got[6] == "  ///   - `a` a list, not code", got[6]
    assert got[8] == "  /// \\code{.cpp} .a = 1 \\endcode", got[8]
    assert got[10] == "///   if (x) { /* y */ }", got[10]
    assert len(got) == len(text.split("\n"))
    print("doxygen_example_filter: self-test ok")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    text = Path(argv[1]).read_text(encoding="utf-8")
    sys.stdout.write(fenced(text))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
