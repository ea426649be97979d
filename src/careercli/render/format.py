"""Display wording shared by the views: amounts, spans of time, citations, progress."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from careercli.text import pct

if TYPE_CHECKING:
    from careercli.query.entries import Duration, Roadmap
    from careercli.query.refs import SourceRef
    from careercli.query.roles import Progress
    from careercli.query.salary import PayFigure
    from careercli.query.timing import WayIn


def money(amount: int) -> str:
    """``$140K`` for round thousands, else ``$115,599``."""
    if amount >= 1000 and amount % 1000 == 0:
        return f"${amount // 1000}K"
    return exact_money(amount)


def exact_money(amount: int) -> str:
    return f"${amount:,}"


def signed_money(amount: int) -> str:
    """``+$40K``, ``-$5,500``: a change in pay."""
    return ("+" if amount >= 0 else "-") + money(abs(amount))


def amount(f: PayFigure) -> str:
    """``$100K-$140K``, ``$500K+``, ``median $115,599``, ``up to $182,696``."""
    if f.kind == "range":
        text = money(f.low)
        if f.max is not None and f.max != f.min:
            text += f"-{money(f.max)}"
        return text + ("+" if f.open_ended else "")
    value = f.min if f.min is not None else f.max
    prefix = {"median": "median ", "average": "average ", "up-to": "up to "}[f.kind]
    return prefix + exact_money(value or 0) + ("+" if f.open_ended else "")


def qualifier(f: PayFigure) -> str | None:
    """What the figure covers as the seed put it (``15+ years experience``), and a region
    other than the US; None when there is nothing to add."""
    region = f.region if f.region not in (None, "US") else None
    extra = [f.label] if f.label else []
    if region and not (f.label and region in f.label):
        extra.append(region)
    return "; ".join(extra) or None


def level_label(level: str) -> str:
    """A level as shown: ``any`` in the KB marks a figure the source ties to no level."""
    return "overall" if level == "any" else level


def duration_label(d: Duration) -> str:
    """``3-6 months``, ``24+ months``, ``1 year``."""
    text = f"{d.min}" if d.max is None or d.max == d.min else f"{d.min}-{d.max}"
    if d.open_ended:
        text += "+"
    unit: str = d.unit
    if d.min == 1 and d.max in (None, 1) and not d.open_ended:
        unit = unit[:-1]
    return f"{text} {unit}"


WEEKS_IN = {"weeks": 1.0, "months": 52 / 12, "years": 52.0}


def common_unit(durations: Iterable[Duration]) -> str:
    """The unit most of ``durations`` are stated in (months on a tie, or with none): the
    one unit of a column of them."""
    counts: Counter[str] = Counter(d.unit for d in durations)
    most = [u for u, n in counts.items() if n == max(counts.values())]
    return most[0] if len(most) == 1 else "months"


def duration_in(d: Duration, unit: str) -> str:
    """``12-18``, ``120+`` (10+ years in months), ``~9`` (40 weeks in months): ``d`` as a
    number of ``unit``, marked ``~`` when converting it rounds."""
    factor = WEEKS_IN[d.unit] / WEEKS_IN[unit]
    ends = [d.min] if d.max is None or d.max == d.min else [d.min, d.max]
    values = [n * factor for n in ends]
    exact = all(abs(v - round(v)) < 1e-9 for v in values)
    text = "-".join(str(round(v)) for v in values)
    return ("" if exact else "~") + text + ("+" if d.open_ended else "")


def phase_label(duration: Duration | None, timing: str) -> str:
    """``by 3-6 months`` for elapsed timing (time since the start), ``weeks 9-14`` for spans."""
    if duration is None:
        return ""
    if timing == "span":
        end = f"-{duration.max}" if duration.max not in (None, duration.min) else ""
        return f"{duration.unit} {duration.min}{end}"
    return f"by {duration_label(duration)}"


def total_label(roadmap: Roadmap, total: Duration) -> str:
    """The total, saying whether the source states it or it is read off the last phase."""
    if roadmap.total is not None:
        return f"{duration_label(total)} (as stated)"
    return f"{duration_label(total)} (end of the last phase)"


def way_in_label(w: WayIn) -> str:
    return duration_label(w.duration) + ("" if w.stated else " (end of the last phase)")


def source_label(ref: SourceRef) -> str:
    """``Title (Publisher), 2025``, or ``Title (undated)``, then the licence its facts are
    used under when the KB names one (``, CC BY 4.0``): a source as a page's footer
    defines it."""
    title = ref.title
    if ref.entry.publisher and ref.entry.publisher not in title:
        title += f" ({ref.entry.publisher})"
    label = f"{title}, {ref.year}" if ref.year else f"{title} (undated)"
    return f"{label}, used under {ref.entry.license}" if ref.entry.license else label


def pct_text(have: int, total: int) -> str:
    return f"{have}/{total} ({pct(have, total)}%)"


EXCERPT_WORDS = 16  # a longer piece of matched text is cut to this many words


def excerpt(text: str, first: int) -> str:
    """``text``, or the words around word ``first`` (its first match) when it is long."""
    tokens = text.split(" ")
    if len(tokens) <= EXCERPT_WORDS + 4:
        return text
    start = max(0, min(first - 4, len(tokens) - EXCERPT_WORDS))
    end = start + EXCERPT_WORDS
    return " ".join(
        (["…"] if start else []) + tokens[start:end] + (["…"] if end < len(tokens) else [])
    )


def more_line(hidden: int, what: str, command: str) -> str:
    """What a bounded listing says under its screenful."""
    return f"… {hidden} more {what}: {command} --all, or {command} | less"


def progress_text(p: Progress) -> str:
    """``essential 3/10 (30%), all skills 5/30 (17%)``: the one wording of progress."""
    return (
        f"essential {pct_text(p.essential_have, p.essential_total)}, "
        f"all skills {pct_text(p.all_have, p.all_total)}"
    )


def shell_word(text: str) -> str:
    """``text`` as one word of a command to copy: quoted when it holds a space or a
    character the shell would read."""
    return f'"{text}"' if any(c in text for c in " /()&'") else text
