"""Write a synthetic O*NET database release, the size of a full one, in the real headers.

For measuring ``careercli import onet`` (issue 15): no O*NET data ships with careercli, so
this makes a release of the same shape and size, deterministically (``--seed``):
1,016 occupations; 35 skills and 33 knowledge elements rated on the IM and LV scales for
each (a few rows suppressed or not relevant); about 32,000 technology skill rows over
about 8,000 distinct examples (PyTorch, Python, SQL... among them, flagged Hot Technology
and In Demand); 57,000 alternate titles; 18,000 tasks; 18,000 related-occupation rows;
job zones and their reference. The text is made-up words of realistic lengths.

Examples::

    python bench/onet_fixture.py --out bench/out/db_30_0_text
    python bench/onet_fixture.py --out bench/out/db_30_0_csv --layout csv --crlf
"""

from __future__ import annotations

import argparse
import csv
import io
import random
from collections.abc import Sequence
from pathlib import Path

HEADERS = {
    "Occupation Data": ("O*NET-SOC Code", "Title", "Description"),
    "Skills": (
        "O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "N",
        "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress",
        "Not Relevant", "Date", "Domain Source",
    ),
    "Technology Skills": (
        "O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology",
        "In Demand",
    ),
    "Alternate Titles": ("O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"),
    "Related Occupations": (
        "O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index",
    ),
    "Job Zones": ("O*NET-SOC Code", "Job Zone", "Date", "Domain Source"),
    "Job Zone Reference": (
        "Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range",
    ),
    "Task Statements": (
        "O*NET-SOC Code", "Task ID", "Task", "Task Type", "Incumbents Responding", "Date",
        "Domain Source",
    ),
}  # fmt: skip
HEADERS["Knowledge"] = HEADERS["Skills"]

REAL_TECH = ("Python", "PyTorch", "TensorFlow", "SQL", "Structured query language SQL",
             "Amazon Web Services AWS software", "Microsoft Excel", "R", "C++", "Git",
             "Apache Spark", "Docker", "Kubernetes", "Scikit-learn", "Tableau")  # fmt: skip
WORDS = ("data", "analysis", "systems", "design", "research", "models", "software",
         "operations", "quality", "safety", "planning", "review", "reports", "records",
         "equipment", "materials", "customers", "staff", "budget", "policy", "testing",
         "development", "maintenance", "training", "networks", "production", "schedules",
         "procedures", "standards", "programs", "services", "resources", "information",
         "clients", "projects")  # fmt: skip


def write_table(
    folder: Path, name: str, rows: Sequence[Sequence[object]], layout: str = "txt",
    crlf: bool = False, header: Sequence[str] | None = None, bom: bool = False,
) -> Path:  # fmt: skip
    """One table as O*NET ships it: ``.txt`` tab-delimited, unquoted, or ``.csv``."""
    end = "\r\n" if crlf else "\n"
    head = list(header or HEADERS[name])
    if layout == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator=end)
        writer.writerow(head)
        writer.writerows(rows)
        text = buf.getvalue()
    else:
        text = "".join("\t".join(map(str, r)) + end for r in [head, *rows])
    path = folder / f"{name}.{layout}"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def make_release(
    out: Path, occupations: int = 1016, seed: int = 15, layout: str = "txt", crlf: bool = False
) -> None:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    codes = sorted(
        {f"{rng.randint(11, 53):02d}-{rng.randint(1000, 9999):04d}.{rng.choice(['00', '00', '01'])}"
         for _ in range(occupations * 2)}
    )[:occupations]  # fmt: skip
    codes[0] = "15-2051.00"
    codes.sort()
    titles = {c: f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} Worker {i}"
              for i, c in enumerate(codes)}  # fmt: skip
    titles["15-2051.00"] = "Data Scientists"
    occ = [(c, titles[c], _sentence(rng, 40)) for c in codes]
    w = lambda name, rows: write_table(out, name, rows, layout, crlf)  # noqa: E731

    w("Occupation Data", occ)
    for name, prefix, count in (("Skills", "2.A.1", 35), ("Knowledge", "2.C.1", 33)):
        rows = []
        elements = [(f"{prefix}.{i}", f"{name[:-1] if name == 'Skills' else 'Field'} {i} "
                     f"{rng.choice(WORDS).title()}") for i in range(count)]  # fmt: skip
        for c in codes:
            for eid, ename in elements:
                im = round(rng.uniform(1.0, 5.0), 2)
                lv = round(rng.uniform(0.0, 7.0), 2)
                sup = "Y" if rng.random() < 0.02 else "N"
                rows.append((c, eid, ename, "IM", im, 8, 0.19, 3.5, 4.2, sup, "n/a", "08/2025",
                             "Analyst"))  # fmt: skip
                rel = "Y" if lv < 0.3 else "N"
                rows.append((c, eid, ename, "LV", lv, 8, 0.2, 3.3, 4.1, "N", rel, "08/2025",
                             "Analyst"))  # fmt: skip
        w(name, rows)
    examples = list(REAL_TECH) + [
        f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} software {i}" for i in range(8000)
    ]
    tech = []
    for c in codes:
        for ex in rng.sample(examples[:40], 4) + rng.sample(examples, 28):
            tech.append((c, ex, 43232408, "Object or component oriented development software",
                         "Y" if ex in REAL_TECH or rng.random() < 0.2 else "N",
                         "Y" if rng.random() < 0.3 else "N"))  # fmt: skip
    w("Technology Skills", tech)
    alt = []
    for i, c in enumerate(codes):
        for j in range(56):
            alt.append((c, f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} {i}-{j}",
                        "n/a" if j % 3 else f"Short {i}-{j}", "08"))  # fmt: skip
        alt.append((c, "Analyst", "n/a", "08"))  # shared by every occupation: no alias
    w("Alternate Titles", alt)
    related = []
    for c in codes:
        for k, other in enumerate(rng.sample(codes, 18)):
            tier = "Primary-Short" if k < 5 else "Primary-Long" if k < 10 else "Supplemental"
            related.append((c, other, tier, k + 1))
    w("Related Occupations", related)
    w("Job Zones", [(c, rng.randint(1, 5), "08/2025", "Analyst") for c in codes])
    w("Job Zone Reference", [
        (z, f"Zone {z} Preparation Needed", _sentence(rng, 30), _sentence(rng, 20),
         _sentence(rng, 25), _sentence(rng, 30), f"{z + 3}.0 to < {z + 4}.0")
        for z in range(1, 6)
    ])  # fmt: skip
    tasks = []
    task_id = 1
    for c in codes:
        for k in range(18):
            tasks.append((c, task_id, _sentence(rng, 18), "Core" if k < 12 else "Supplemental",
                          40, "08/2025", "Incumbent"))  # fmt: skip
            task_id += 1
    w("Task Statements", tasks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write (db_30_0_text)")
    parser.add_argument("--occupations", type=int, default=1016)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--layout", choices=("txt", "csv"), default="txt")
    parser.add_argument("--crlf", action="store_true", help="CRLF line ends")
    args = parser.parse_args()
    make_release(args.out, args.occupations, args.seed, args.layout, args.crlf)


if __name__ == "__main__":
    main()
