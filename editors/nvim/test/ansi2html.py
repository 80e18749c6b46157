#!/usr/bin/env python3
"""Turns a `tmux capture-pane -p -e` dump (SGR colour codes) into a standalone HTML page,
so that headless Chromium can take a picture of a terminal screen.  Usage: ansi2html.py IN OUT"""
import html
import re
import sys

BASIC = ["#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5"]
BRIGHT = ["#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"]
DEFAULT_FG, DEFAULT_BG = "#e0e2ea", "#14161b"


def xterm256(n):
    if n < 8:
        return BASIC[n]
    if n < 16:
        return BRIGHT[n - 8]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (v, v, v)


def convert(text):
    state = {"fg": None, "bg": None, "bold": False, "italic": False, "underline": False}
    out = []

    def open_span():
        style = [f"color:{state['fg'] or DEFAULT_FG}", f"background:{state['bg'] or DEFAULT_BG}"]
        if state["bold"]:
            style.append("font-weight:bold")
        if state["italic"]:
            style.append("font-style:italic")
        if state["underline"]:
            style.append("text-decoration:underline")
        return '<span style="%s">' % ";".join(style)

    def apply(params):
        codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                state.update(fg=None, bg=None, bold=False, italic=False, underline=False)
            elif c == 1:
                state["bold"] = True
            elif c == 3:
                state["italic"] = True
            elif c == 4:
                state["underline"] = True
            elif c == 22:
                state["bold"] = False
            elif c == 23:
                state["italic"] = False
            elif c == 24:
                state["underline"] = False
            elif 30 <= c <= 37:
                state["fg"] = BASIC[c - 30]
            elif 90 <= c <= 97:
                state["fg"] = BRIGHT[c - 90]
            elif 40 <= c <= 47:
                state["bg"] = BASIC[c - 40]
            elif 100 <= c <= 107:
                state["bg"] = BRIGHT[c - 100]
            elif c == 39:
                state["fg"] = None
            elif c == 49:
                state["bg"] = None
            elif c in (38, 48) and i + 1 < len(codes):
                key = "fg" if c == 38 else "bg"
                if codes[i + 1] == 2 and i + 4 < len(codes):
                    state[key] = "#%02x%02x%02x" % tuple(codes[i + 2 : i + 5])
                    i += 4
                elif codes[i + 1] == 5 and i + 2 < len(codes):
                    state[key] = xterm256(codes[i + 2])
                    i += 2
            i += 1

    for line in text.split("\n"):
        out.append(open_span())
        pos = 0
        for m in re.finditer(r"\x1b\[([0-9;]*)m", line):
            out.append(html.escape(line[pos : m.start()]))
            apply(m.group(1))
            out.append("</span>" + open_span())
            pos = m.end()
        out.append(html.escape(line[pos:]))
        out.append("</span>\n")
    body = "".join(out)
    return f"""<!doctype html><meta charset="utf-8"><style>
html,body{{margin:0;background:{DEFAULT_BG}}}
pre{{margin:0;padding:8px;font:15px/1.2 "DejaVu Sans Mono",monospace;color:{DEFAULT_FG};background:{DEFAULT_BG}}}
</style><pre>{body}</pre>"""


if __name__ == "__main__":
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8", errors="replace") as f:
        text = f.read().rstrip("\n")
    with open(dst, "w", encoding="utf-8") as f:
        f.write(convert(text))
