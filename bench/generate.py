"""Generate large knowledge bases in careercli's schema, for the benchmarks of issue 5.

Two kinds, both deterministic (a seeded ``random.Random``) so runs compare like with like:

* ``--scale N --input KB``: the input KB with every entry copied N times. Copy 0 is the
  input unchanged (so names picked from the input still resolve); copy k > 0 gets ``-xk``
  on its ids and `` xk`` on its titles, names and aliases, and every reference inside it
  points at copy k, so the result validates just as the input does.
* ``--esco``: an ESCO-sized KB made from scratch (3,000 roles, 13,500 skills by default),
  with skill lists, salaries, a roadmap, responsibilities and qualifications per role.
* ``--esco --lean``: roles with only a title, a track and a source (one in three also a
  skill), so that many fit under the loader's cap: 100,000 roles in about 17 MiB, the
  size of the KB of issue 11.

The file is written without YAML anchors or aliases: the loader refuses them.

Examples::

    python bench/generate.py --scale 40 --input data/roles.yaml --out bench/out/x40.yaml
    python bench/generate.py --esco --out bench/out/esco.yaml
    python bench/generate.py --esco --lean --roles 100000 --skills 2000 --out bench/out/100k.yaml
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path
from typing import Any, get_args

import yaml

from careercli.kb.models import SkillCategory
from careercli.kb.shapes import SKILL_GROUPS

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _NoAliasDumper(_Dumper):  # type: ignore[valid-type,misc]
    """Never emit ``&id``/``*id``: a shared list or dict is written out each time."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(kb: dict[str, Any], out: Path) -> None:
    """Write ``kb`` as YAML at ``out`` (creating its directory)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        yaml.dump(kb, fh, Dumper=_NoAliasDumper, sort_keys=False, allow_unicode=True)


# --- scaled copies of a real KB -------------------------------------------------------

# Keys whose string values (or lists of strings) are ids of other entries; see
# careercli.kb.loader._REFS. A list of mappings under such a key (a role's ``skills``)
# is walked instead.
_REF_KEYS = frozenset({"source", "sources", "skills", "role", "parent", "salary_family"})
# Top-level collections whose entries have ids; each is copied.
_COLLECTIONS = (
    "sources",
    "skills",
    "roles",
    "salary_families",
    "career_tracks",
    "career_stages",
    "industries",
    "guidance",
)
# Per collection, the fields that are names and must stay unique (case-insensitively).
_NAME_FIELDS = {"roles": "title", "skills": "name"}


def _relabel(node: Any, suffix: str) -> Any:
    """A fresh copy of ``node`` with every id reference suffixed (``None`` left alone)."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in _REF_KEYS and isinstance(value, str):
                out[key] = value + suffix
            elif key in _REF_KEYS and isinstance(value, list):
                out[key] = [
                    v + suffix if isinstance(v, str) else _relabel(v, suffix) for v in value
                ]
            else:
                out[key] = _relabel(value, suffix)
        return out
    if isinstance(node, list):
        return [_relabel(v, suffix) for v in node]
    return node


def _copy_entry(entry: dict[str, Any], collection: str, k: int) -> dict[str, Any]:
    """Copy ``k`` of one top-level entry: ids, references and names suffixed."""
    copy: dict[str, Any] = _relabel(entry, f"-x{k}" if k else "")
    if k == 0:
        return copy
    if "id" in copy:
        copy["id"] = f"{entry['id']}-x{k}"
    label = _NAME_FIELDS.get(collection, "name")
    if isinstance(copy.get(label), str):
        copy[label] = f"{copy[label]} x{k}"
    if "aliases" in copy:
        copy["aliases"] = [f"{a} x{k}" for a in copy["aliases"]]
    return copy


def scale_kb(kb: dict[str, Any], scale: int) -> dict[str, Any]:
    """``kb`` with each entry of each id'd collection present ``scale`` times."""
    out: dict[str, Any] = {}
    for key, value in kb.items():
        if key in _COLLECTIONS and isinstance(value, list):
            out[key] = [_copy_entry(e, key, k) for k in range(scale) for e in value]
        else:
            out[key] = _relabel(value, "")
    return out


# --- an ESCO-sized KB from scratch ----------------------------------------------------

_SENIORITY = ["", "Junior", "Senior", "Lead", "Principal", "Staff"]
_DOMAINS = [
    "Machine Learning",
    "Deep Learning",
    "Computer Vision",
    "NLP",
    "Speech",
    "Data",
    "Analytics",
    "MLOps",
    "AI Platform",
    "Robotics",
    "Recommender Systems",
    "Search",
    "Fraud Detection",
    "Forecasting",
    "Healthcare AI",
    "Bioinformatics",
    "Autonomous Driving",
    "Generative AI",
    "LLM",
    "Prompt",
    "AI Safety",
    "Responsible AI",
    "Quantitative",
    "Marketing Analytics",
    "Business Intelligence",
    "Data Quality",
    "Data Governance",
    "Geospatial",
    "Edge AI",
    "Reinforcement Learning",
    "Optimization",
    "Causal Inference",
    "Experimentation",
    "Knowledge Graph",
    "Conversational AI",
    "Cloud ML",
    "AI Infrastructure",
    "Decision Science",
    "Supply Chain Analytics",
    "Risk Modelling",
    "Clinical Data",
    "Audio ML",
    "Time Series",
    "Anomaly Detection",
    "Personalization",
    "Ads Ranking",
    "Document AI",
    "Multimodal AI",
    "AI Product",
    "Computational Biology",
]
_NOUNS = [
    "Engineer",
    "Scientist",
    "Analyst",
    "Architect",
    "Researcher",
    "Developer",
    "Consultant",
    "Manager",
    "Specialist",
    "Designer",
    "Strategist",
    "Product Manager",
    "Technician",
    "Administrator",
]
_VERBS = [
    "apply",
    "design",
    "build",
    "operate",
    "monitor",
    "evaluate",
    "optimise",
    "document",
    "test",
    "deploy",
    "maintain",
    "analyse",
    "model",
    "automate",
    "audit",
    "secure",
    "scale",
    "visualise",
    "integrate",
    "migrate",
    "benchmark",
    "debug",
    "profile",
    "review",
    "plan",
    "teach",
    "research",
    "validate",
    "configure",
    "govern",
    "forecast",
    "label",
    "clean",
    "tune",
    "explain",
]
_OBJECTS = [
    "data pipelines",
    "feature stores",
    "training loops",
    "neural networks",
    "transformer models",
    "vector databases",
    "SQL queries",
    "Spark jobs",
    "Kubernetes clusters",
    "Docker images",
    "REST APIs",
    "streaming systems",
    "batch jobs",
    "A/B tests",
    "statistical models",
    "Bayesian models",
    "time series models",
    "recommendation models",
    "ranking functions",
    "search indexes",
    "dashboards",
    "data warehouses",
    "data lakes",
    "ETL workflows",
    "ML experiments",
    "model registries",
    "GPU workloads",
    "inference servers",
    "prompt templates",
    "retrieval pipelines",
    "embedding models",
    "evaluation suites",
    "annotation tools",
    "privacy controls",
    "access policies",
    "cost reports",
    "cloud budgets",
    "CI pipelines",
    "unit tests",
    "Python packages",
    "R scripts",
    "Scala services",
    "C++ kernels",
    "CUDA kernels",
    "Rust services",
    "Go services",
    "graph databases",
    "knowledge graphs",
    "image classifiers",
    "object detectors",
    "segmentation models",
    "speech recognisers",
    "text classifiers",
    "chatbots",
    "agents",
    "reinforcement learners",
    "optimisation solvers",
    "simulation models",
    "causal models",
    "survey data",
    "clinical trials",
    "financial models",
    "risk scores",
    "fraud rules",
    "sensor data",
    "geospatial data",
    "edge devices",
    "mobile models",
    "product roadmaps",
    "stakeholder reports",
]
_CONTEXTS = [
    "",
    "at scale",
    "in production",
    "for research",
    "on the cloud",
    "in regulated settings",
    "for startups",
    "with open-source tools",
]
_CATEGORIES = list(get_args(SkillCategory))  # the schema's own list, so they never drift
_GROUPS = list(SKILL_GROUPS)  # the curated group names (kb/shapes.py)
_TRACKS = ["technical", "specialized", "business", "leadership"]
_LEVELS = ["entry", "mid", "senior", "staff", "principal", "director"]
_PHASES = ["Foundation", "Core Skills", "Specialization"]


def _slug(text: str, taken: set[str]) -> str:
    """An id matching ``^[a-z0-9][a-z0-9+#.-]*$``, unique within ``taken``."""
    base = re.sub(r"[^a-z0-9+#.]+", "-", text.casefold()).strip("-.")[:70] or "x"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def _acronym(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", text)).upper()


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sources() -> list[dict[str, Any]]:
    return [
        {
            "id": f"survey-{i}",
            "title": f"Synthetic Career Survey {i}",
            "short": f"Survey {i}",
            "publisher": "bench/generate.py",
            "year": 2020 + i,
            "file": f"survey-{i}.txt",
        }
        for i in range(1, 6)
    ]


def _skills(rng: random.Random, n: int, source_ids: list[str]) -> list[dict[str, Any]]:
    """``n`` skills named verb + object (+ context); about one in five has an alias."""
    combos = len(_VERBS) * len(_OBJECTS) * len(_CONTEXTS)
    if n > combos:
        raise SystemExit(f"at most {combos} skills can be generated, not {n}")
    ids: set[str] = set()
    names: set[str] = set()
    skills = []
    for index in rng.sample(range(combos), n):
        verb = _VERBS[index % len(_VERBS)]
        obj = _OBJECTS[index // len(_VERBS) % len(_OBJECTS)]
        context = _CONTEXTS[index // (len(_VERBS) * len(_OBJECTS))]
        name = " ".join(p for p in (verb, obj, context) if p)
        names.add(name.casefold())
        skill: dict[str, Any] = {
            "id": _slug(name, ids),
            "name": name,
            "category": rng.choice(_CATEGORIES),
        }
        if rng.random() < 0.5:
            skill["description"] = f"Can {name} reliably, from first draft to review."
        if rng.random() < 0.3:
            skill["subtopics"] = [
                f"{obj} {t}" for t in rng.sample(["basics", "patterns", "pitfalls", "tooling"], 2)
            ]
        skill["sources"] = [rng.choice(source_ids)]
        skills.append(skill)
    out = []
    for skill in skills:  # aliases once every name is known, so none shadows a name
        alias = f"{skill['name'].split()[0]} {_acronym(skill['name'])}"
        if rng.random() < 0.2 and alias.casefold() not in names:
            names.add(alias.casefold())
            skill = {"id": skill["id"], "name": skill["name"], "aliases": [alias], **skill}
        out.append(skill)
    return out


def _families(rng: random.Random, source_ids: list[str]) -> list[dict[str, Any]]:
    families = []
    for i, domain in enumerate(_DOMAINS[:20]):
        low = rng.randrange(70_000, 130_000, 5_000)
        levels = []
        for level in _LEVELS:
            high = low + rng.randrange(20_000, 60_000, 5_000)
            levels.append({"level": level, "min": low, "max": high})
            low = high
        levels[-1] = {"level": "director", "min": levels[-1]["min"], "open_ended": True}
        families.append(
            {
                "id": f"family-{i}",
                "name": f"{domain} pay",
                "levels": levels,
                "source": rng.choice(source_ids),
            }
        )
    return families


def _duration(low: int, high: int, unit: str) -> dict[str, Any]:
    return {"min": low, "max": high, "unit": unit}


def _role(
    rng: random.Random,
    rid: str,
    title: str,
    aliases: list[str],
    domain_index: int,
    skills: list[dict[str, Any]],
    source_ids: list[str],
    family_ids: list[str],
) -> dict[str, Any]:
    """One role: 10-30 skill groups of 1-4 skills, mostly from its domain's share of skills."""
    sources = rng.sample(source_ids, rng.randint(1, 2))
    block = len(skills) // len(_DOMAINS) or len(skills)
    start = domain_index * block % len(skills)
    chosen: set[int] = set()
    groups: list[dict[str, Any]] = []
    for _ in range(rng.randint(10, 30)):
        picks = []
        for _ in range(rng.randint(1, 4)):
            for _try in range(20):
                if rng.random() < 0.7:
                    index = start + rng.randrange(block)
                else:
                    index = rng.randrange(len(skills))
                if index % len(skills) not in chosen:
                    chosen.add(index % len(skills))
                    picks.append(skills[index % len(skills)])
                    break
        if not picks:
            continue
        groups.append(
            {
                "tier": rng.choices(("essential", "important", "useful"), (4, 4, 3))[0],
                "group": rng.choice(_GROUPS),
                "text": ", ".join(s["name"] for s in picks),
                "skills": [s["id"] for s in picks],
                "source": rng.choice(sources),
            }
        )
    order = {"essential": 0, "important": 1, "useful": 2}
    groups.sort(key=lambda g: order[g["tier"]])
    role_skill_ids = [sid for g in groups for sid in g["skills"]]

    salaries = []
    low = rng.randrange(60_000, 120_000, 1_000)
    for level in ("entry", "mid", "senior"):
        high = low + rng.randrange(20_000, 70_000, 1_000)
        salaries.append({"level": level, "min": low, "max": high, "source": rng.choice(sources)})
        low = high - rng.randrange(0, 15_000, 1_000)

    phases = []
    elapsed = 0
    for name in _PHASES:
        start_month = elapsed + rng.randint(1, 3)
        elapsed = start_month + rng.randint(2, 6)
        phases.append(
            {
                "name": name,
                "duration": _duration(start_month, elapsed, "months"),
                "objective": f"{name} for a {title}.",
                "topics": [
                    _upper_first(rng.choice(skills)["name"]) for _ in range(rng.randint(3, 6))
                ],
                "skills": rng.sample(role_skill_ids, min(len(role_skill_ids), rng.randint(2, 5))),
            }
        )

    role: dict[str, Any] = {
        "id": rid,
        "title": title,
    }
    if aliases:
        role["aliases"] = aliases
    role["track"] = rng.choice(_TRACKS)
    if rng.random() < 0.7:
        role["salary_family"] = rng.choice(family_ids)
    role.update(
        {
            "summary": f"{title}s {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} for their teams.",
            "primary_focus": f"{_upper_first(rng.choice(_OBJECTS))}, {rng.choice(_OBJECTS)}",
            "sources": sources,
            "skills": groups,
            "qualifications": [
                {
                    "education": "BS/MS in a quantitative field",
                    "experience": {"min": rng.randint(0, 5), "unit": "years", "open_ended": True},
                    "text": "A quantitative degree and some years of practice.",
                    "source": rng.choice(sources),
                }
            ],
            "responsibilities": [
                {
                    "items": [
                        f"{_upper_first(v)} {o}"
                        for v, o in zip(rng.sample(_VERBS, 5), rng.sample(_OBJECTS, 5), strict=True)
                    ],
                    "source": rng.choice(sources),
                }
            ],
            "salaries": salaries,
            "roadmaps": [
                {
                    "name": "Learning Path",
                    "timing": "elapsed",
                    "phases": phases,
                    "source": rng.choice(sources),
                }
            ],
            "timelines": [
                {
                    "label": "career changer",
                    "duration": _duration(elapsed, elapsed + 6, "months"),
                    "source": rng.choice(sources),
                }
            ],
        }
    )
    return role


def esco_kb(n_roles: int, n_skills: int, seed: int) -> dict[str, Any]:
    """A KB the size of ESCO's occupations and skills (by default), deterministic by seed."""
    rng = random.Random(seed)
    sources = _sources()
    source_ids = [s["id"] for s in sources]
    skills = _skills(rng, n_skills, source_ids)
    families = _families(rng, source_ids)
    family_ids = [f["id"] for f in families]

    combos = len(_SENIORITY) * len(_DOMAINS) * len(_NOUNS)
    if n_roles > combos:
        raise SystemExit(f"at most {combos} roles can be generated, not {n_roles}")
    picks = sorted(rng.sample(range(combos), n_roles))
    titles = []
    for index in picks:
        seniority = _SENIORITY[index % len(_SENIORITY)]
        domain = index // len(_SENIORITY) % len(_DOMAINS)
        noun = _NOUNS[index // (len(_SENIORITY) * len(_DOMAINS))]
        titles.append((" ".join(p for p in (seniority, _DOMAINS[domain], noun) if p), domain))
    rng.shuffle(titles)
    names = {t.casefold() for t, _ in titles}
    ids: set[str] = set()
    roles: list[dict[str, Any]] = []
    for title, domain in titles:
        aliases = []
        alias = f"{_acronym(title)} {len(roles)}"
        if rng.random() < 0.4 and alias.casefold() not in names:
            names.add(alias.casefold())
            aliases.append(alias)
        rid = _slug(title, ids)
        roles.append(_role(rng, rid, title, aliases, domain, skills, source_ids, family_ids))

    role_ids = [r["id"] for r in roles]
    tracks = []
    for i in range(min(5, len(roles) // 3)):
        stage_roles = rng.sample(roles, 3)
        tracks.append(
            {
                "id": f"track-{i}",
                "name": " → ".join(r["title"] for r in stage_roles),
                "stages": [
                    {
                        "name": r["title"],
                        "years": _duration(j * 2, j * 2 + 2, "years"),
                        "roles": [{"name": r["title"], "role": r["id"], "source": source_ids[0]}],
                    }
                    for j, r in enumerate(stage_roles)
                ],
                "source": source_ids[0],
            }
        )
    industries = [
        {
            "id": _slug(domain + " industry", ids),
            "name": f"{domain} industry",
            "key_skills": [rng.choice(skills)["name"] for _ in range(4)],
            "skills": [s["id"] for s in rng.sample(skills, 4)],
            "primary_roles": [
                {
                    "name": rng.choice(titles)[0],
                    "role": rng.choice(role_ids),
                    "source": source_ids[1],
                }
            ],
            "topics": [rng.choice(_OBJECTS) for _ in range(3)],
            "source": source_ids[1],
        }
        for domain in _DOMAINS[:10]
    ]
    return {
        "version": 1,
        "sources": sources,
        "skills": skills,
        "roles": roles,
        "salary_families": families,
        "career_tracks": tracks,
        "industries": industries,
    }


def lean_kb(n_roles: int, n_skills: int, seed: int) -> dict[str, Any]:
    """Many small roles: a title, a track and a source each; one in three names a skill.

    Titles are those of ``esco_kb``, numbered from the second round of them on
    (``Senior Data Engineer (team 2)``), so any number of roles have distinct names, each
    far enough from the others for a misspelt one to resolve (``... Engineer 2`` would be
    about as close to a typo of ``... Engineer`` as the title itself).
    """
    rng = random.Random(seed)
    sources = _sources()
    source_ids = [s["id"] for s in sources]
    skills = _skills(rng, n_skills, source_ids)
    combos = len(_SENIORITY) * len(_DOMAINS) * len(_NOUNS)
    ids: set[str] = set()
    roles = []
    for i in range(n_roles):
        index = i * 7919 % combos  # 7919 is prime and does not divide combos: every title
        seniority = _SENIORITY[index % len(_SENIORITY)]
        domain = _DOMAINS[index // len(_SENIORITY) % len(_DOMAINS)]
        noun = _NOUNS[index // (len(_SENIORITY) * len(_DOMAINS))]
        title = " ".join(p for p in (seniority, domain, noun) if p)
        if i >= combos:
            title += f" (team {i // combos + 1})"
        source = rng.choice(source_ids)
        role = {"id": _slug(title, ids), "title": title, "track": rng.choice(_TRACKS)}
        role["sources"] = [source]
        if i % 3 == 0:
            skill = rng.choice(skills)
            group = {"tier": "essential", "text": skill["name"], "skills": [skill["id"]]}
            role["skills"] = [group | {"source": source}]
        roles.append(role)
    return {"version": 1, "sources": sources, "skills": skills, "roles": roles}


def _validate(path: Path) -> None:
    """Load ``path`` with careercli's own loader; exit 1 with its first errors if invalid."""
    from careercli.kb.errors import KBError
    from careercli.kb.loader import load_kb

    try:
        kb = load_kb(path)
    except KBError as err:
        lines = getattr(err, "lines", [])
        sys.exit("\n".join([err.message, *lines[:10]]))
    print(f"valid: {len(kb.roles)} roles, {len(kb.skills)} skills", file=sys.stderr)


_PREFIXED = ("sources", "roles", "salary_families", "career_tracks", "career_stages", "industries")
_PREFIXED_REFS = {"source", "sources", "role", "parent", "salary_family"}


def prefix_ids(kb: dict[str, Any], prefix: str) -> dict[str, Any]:
    """``kb`` with every id but the skills' prefixed (and every reference to them), so that
    it loads beside another KB as one catalogue (skills keep theirs: shared ones merge)."""
    renamed = {e["id"]: prefix + e["id"] for c in _PREFIXED for e in kb.get(c, []) if "id" in e}

    def walk(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if isinstance(value, str) and key in _PREFIXED_REFS:
            return renamed.get(value, value)
        return value

    out = walk(kb)
    for collection in _PREFIXED:
        for entry in out.get(collection, []):
            if "id" in entry:
                entry["id"] = renamed[entry["id"]]
    return out  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    kind = parser.add_mutually_exclusive_group(required=True)
    kind.add_argument("--scale", type=int, help="copies of the input KB (>= 1)")
    kind.add_argument("--esco", action="store_true", help="an ESCO-sized KB from scratch")
    parser.add_argument(
        "--lean", action="store_true", help="with --esco: many small roles (see above)"
    )
    parser.add_argument("--input", type=Path, default=Path("data/roles.yaml"), help="for --scale")
    parser.add_argument("--roles", type=int, default=3000, help="for --esco (default 3000)")
    parser.add_argument("--skills", type=int, default=13500, help="for --esco (default 13500)")
    parser.add_argument("--seed", type=int, default=5, help="random seed (default 5)")
    parser.add_argument("--out", type=Path, required=True, help="YAML file to write")
    parser.add_argument(
        "--validate", action="store_true", help="then load it with careercli's loader"
    )
    parser.add_argument(
        "--id-prefix",
        default="",
        help="prefix every id but the skills' (to load it beside another KB, e.g. 'gen-')",
    )
    args = parser.parse_args(argv)

    if args.esco:
        if args.roles < 1 or args.skills < 10:
            parser.error("--esco needs at least 1 role and 10 skills")
        make = lean_kb if args.lean else esco_kb
        kb = make(args.roles, args.skills, args.seed)
    else:
        if args.lean:
            parser.error("--lean goes with --esco")
        if args.scale < 1:
            parser.error("--scale must be at least 1")
        with args.input.open("rb") as fh:
            source = yaml.load(fh, Loader=_Loader)
        if not isinstance(source, dict):
            parser.error(f"{args.input}: not a knowledge base (top level is not a mapping)")
        kb = scale_kb(source, args.scale)
    if args.id_prefix:
        kb = prefix_ids(kb, args.id_prefix)
    dump(kb, args.out)
    size = args.out.stat().st_size / 2**20
    print(
        f"wrote {args.out}: {len(kb.get('roles', []))} roles, "
        f"{len(kb.get('skills', []))} skills, {size:.1f} MiB",
        file=sys.stderr,
    )
    if args.validate:
        _validate(args.out)


if __name__ == "__main__":
    main()
