"""Plots with Chinese labels, for the corpus report and the trace of a formulation: a font that has
Chinese characters, matplotlib without a display, and figures saved as PNG and SVG; and the cells
of the CSV tables both write beside them (:func:`spreadsheet_cell`).

Without such a font the callers replace Chinese labels by numbers keyed to their tables.
"""

import subprocess

__all__ = ["CJK_FONTS", "chinese_font", "chinese_pyplot", "cumulative_steps", "save_figure", "spreadsheet_cell", "write_spreadsheet_csv"]

CJK_FONTS = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans CJK JP",
             "Noto Sans SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Sans CN",
             "AR PL UMing CN", "AR PL UKai CN", "SimHei", "Microsoft YaHei", "PingFang SC",
             "Droid Sans Fallback")

_FONT = None


def chinese_font():
    """The name of a font with Chinese characters known to matplotlib, or None.

    Looks for the usual CJK families among matplotlib's fonts and, failing
    that, registers the files that ``fc-list :lang=zh`` names.
    """
    global _FONT
    if _FONT is not None:
        return _FONT or None
    from matplotlib import font_manager
    def known():
        names = {f.name for f in font_manager.fontManager.ttflist}
        return next((name for name in CJK_FONTS if name in names), None)
    name = known()
    if name is None:
        try:
            listed = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                                    timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            listed = ""
        for line in listed.splitlines():
            file = line.split(":")[0].strip()
            if file:
                try:
                    font_manager.fontManager.addfont(file)
                except Exception:  # an unreadable font file is skipped
                    continue
        name = known()
        if name is None:
            # Any font registered from fc-list that matplotlib can use.
            added = {f.name for f in font_manager.fontManager.ttflist
                     if any(f.fname == l.split(":")[0].strip() for l in listed.splitlines())}
            name = sorted(added)[0] if added else None
    _FONT = name or ""
    return name


def chinese_pyplot():
    """matplotlib's pyplot without a display (Agg), set to draw Chinese labels when a font has them."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    font = chinese_font()
    families = [font] if font else []
    plt.rcParams.update({"font.family": "sans-serif",
                         "font.sans-serif": families + ["DejaVu Sans"],
                         "axes.unicode_minus": False, "svg.fonttype": "path",
                         "figure.dpi": 100, "savefig.dpi": 110})
    return plt


def save_figure(fig, out_dir, name):
    """Write ``fig`` as ``name``.png and .svg into ``out_dir``, close it; the file names."""
    fig.tight_layout()
    fig.savefig(out_dir / f"{name}.png")
    fig.savefig(out_dir / f"{name}.svg")
    import matplotlib.pyplot as plt
    plt.close(fig)
    return [f"{name}.png", f"{name}.svg"]


def cumulative_steps(ax, years, values, **kwargs):
    """Draw a count by year as steps, each year's value level across that year.

    ``ax.step(..., where="post")`` gives the last year no width, so a curve
    that rises in its last year showed the rise as a bare vertical line and
    its final count was hard to read. Here the value of a year holds from half
    a year before it (the bar drawn at that year, if any) to the next year in
    ``years``, and the last one to half a year after it.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    years, values : sequence of numbers
        Years in increasing order (gaps allowed) and the count at each.
    **kwargs
        Passed to ``ax.stairs`` (label, color, linestyle ...).

    Returns
    -------
    matplotlib.patches.StepPatch
        The drawn steps.
    """
    years = [float(y) for y in years]
    edges = [y - 0.5 for y in years] + [years[-1] + 0.5]
    kwargs.setdefault("linewidth", 1.5)   # as a line of ax.plot; a patch would draw 1.0
    return ax.stairs(list(values), edges, baseline=None, **kwargs)


# A cell starting with one of these is a formula to Excel and LibreOffice
# (CSV injection): such cells get a leading apostrophe, which spreadsheets
# show as text and do not evaluate.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """``value`` safe for a spreadsheet: text that would start a formula is quoted.

    >>> spreadsheet_cell("=1+2"), spreadsheet_cell("-1"), spreadsheet_cell(-1), spreadsheet_cell("十四五")
    ("'=1+2", "'-1", -1, '十四五')
    """
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def write_spreadsheet_csv(frame, path):
    """Write a pandas ``frame`` as a CSV that Excel opens as it is: UTF-8 with a byte-order mark
    (without it Excel reads UTF-8 Chinese as mojibake), CRLF line ends, a null as an empty cell,
    and no text cell read as a formula (:func:`spreadsheet_cell`)."""
    texts = frame.select_dtypes(include=["object", "string"]).columns
    frame.assign(**{col: frame[col].map(spreadsheet_cell, na_action="ignore") for col in texts}).to_csv(
        path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
