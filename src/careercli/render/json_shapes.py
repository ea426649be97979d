"""Every ``--json`` shape, in one place: plain data with stable keys, from query results.

Scripts rely on these keys; the human pages may change, these should not.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from careercli.query.matching import FIT_MEANS, MISSING_ORDER, best_next
from careercli.text import pct

if TYPE_CHECKING:
    from careercli.query.compare import Comparison
    from careercli.query.entries import Duration
    from careercli.query.guide import Guide
    from careercli.query.industry import Industries
    from careercli.query.matching import Fit, ProfileSummary
    from careercli.query.plan import Plan
    from careercli.query.progress import NextSteps, ProgressReport
    from careercli.query.refs import SourceRef
    from careercli.query.roadmap import Overview
    from careercli.query.roles import Progress, RoleDetail
    from careercli.query.salary import PayFigure
    from careercli.query.search import Hit
    from careercli.query.skills import SkillDetail, SkillRow
    from careercli.query.sources import SourceUse
    from careercli.query.timing import WayIn
    from careercli.query.transition import Transition

Data = dict[str, Any]


def pay_json(f: PayFigure) -> Data:
    return {
        "level": f.level,
        "kind": f.kind,
        "min": f.min,
        "max": f.max,
        "open_ended": f.open_ended,
        "currency": f.currency,
        "region": f.region,
        "source": f.source,
        "source_title": f.source_title,
        "source_file": f.source_file,
        "year": f.year,
        "via_family": f.via,
        "label": f.label,
        "note": f.note,
    }


def progress_json(p: Progress | None) -> Data | None:
    if p is None:
        return None
    return {
        "essential_have": p.essential_have,
        "essential_total": p.essential_total,
        "essential_pct": pct(p.essential_have, p.essential_total),
        "all_have": p.all_have,
        "all_total": p.all_total,
        "all_pct": pct(p.all_have, p.all_total),
    }


def _duration(d: Duration | None) -> Data | None:
    return d.model_dump(mode="json") if d is not None else None


def way_in_json(w: WayIn, refs: dict[str, SourceRef]) -> Data:
    return {
        "what": w.what,
        "duration": _duration(w.duration),
        "stated_by_source": w.stated,
        "whole_roadmap": w.roadmap,
        "from_zero": w.from_zero,
        "background": list(w.background),
        "source": w.source,
        "year": refs[w.source].year,
    }


def role_json(detail: RoleDetail) -> Data:
    data: Data = detail.role.model_dump(mode="json")
    data["pay"] = [pay_json(f) for f in detail.pay]
    data["roadmap_totals"] = [
        {
            "roadmap": m.name,
            "total": _duration(t),
            "stated_by_source": m.total is not None,
            "source": m.source,
            "year": detail.sources[m.source].year,
        }
        for m, t in detail.totals
    ]
    data["links"] = [
        {"kind": k.kind, "name": k.name, "role": k.role, "note": k.note} for k in detail.links
    ]
    data["source_details"] = [
        detail.sources[s].entry.model_dump(mode="json") for s in detail.role.sources
    ]
    data["skill_names"] = {s: detail.skill_names[s] for s in detail.tiers}
    data["progress"] = progress_json(detail.progress)
    data["named_in"] = [
        {"kind": m.kind, "name": m.name, "stage": m.stage.name if m.stage else None,
         "note": m.note, "source": m.source}
        for m in detail.mentions
    ]  # fmt: skip
    data["nearest_roles"] = [
        {"role": t.id, "title": t.title, "by": t.kind, "share": t.share, "shared": t.shared,
         "only_here": t.only_here, "only_there": t.only_there, "computed": True}
        for t in detail.twins
    ]  # fmt: skip
    return data


def roadmap_json(detail: RoleDetail) -> Data:
    role = detail.role
    return {
        "role": role.id,
        "title": role.title,
        "roadmaps": [
            {
                **m.model_dump(mode="json"),
                "computed_total": _duration(t),
                "year": detail.sources[m.source].year,
            }
            for m, t in detail.totals
        ],
        "timelines": [tl.model_dump(mode="json") for tl in role.timelines],
        "progression": [s.model_dump(mode="json") for s in role.progression],
        "progress": progress_json(detail.progress),
        "have": sorted(detail.have),
    }


def overview_json(ov: Overview) -> Data:
    return {
        "career_tracks": [t.model_dump(mode="json") for t in ov.tracks],
        "roles_with_roadmap": [
            {"id": rid, "title": title, "totals": [_duration(t) for t in totals]}
            for rid, title, totals in ov.with_roadmap
        ],
    }


def comparison_json(comp: Comparison) -> Data:
    roles = []
    for d in comp.details:
        rid = d.role.id
        roles.append(
            {
                "id": rid,
                "title": d.role.title,
                **({"kb": kb} if (kb := getattr(d.role, "kb", None)) else {}),
                "track": d.role.track,
                "skills": d.tiers,
                "unique_skills": comp.unique[rid],
                "pay": [pay_json(f) for f in d.pay],
                "time_to_get_in": [way_in_json(w, comp.sources) for w in comp.time[rid]],
                "qualifications": [q.model_dump(mode="json") for q in d.role.qualifications],
                "progress": progress_json(d.progress),
            }
        )
    return {
        "roles": roles,
        "shared_skills": comp.shared,
        "overlap": [
            {"a": o.a, "b": o.b, "shared": o.shared, "union": o.union, "pct": o.pct}
            for o in comp.overlaps
        ],
    }


def skill_json(detail: SkillDetail) -> Data:
    data: Data = detail.skill.model_dump(mode="json")
    data["needed_by"] = [
        {
            "role": n.role,
            "title": n.title,
            "tier": n.tier,
            "groups": list(n.groups),
            "via": n.via,
            **({"kb": n.kb} if n.kb else {}),
        }
        for n in detail.needed_by
    ]
    data["listing_frequencies"] = [
        {
            "role": c.role,
            "label": c.label,
            "count": c.count,
            "sample_size": c.sample_size,
            "source": c.source,
            "year": detail.sources[c.source].year,
        }
        for c in detail.listings
    ]
    data["often_with"] = [
        {"skill": c.skill, "name": c.name, "roles": c.roles} for c in detail.companions
    ]
    data["taught_in"] = [
        {"role": p.role, "roadmap": p.roadmap, "phase": p.phase} for p in detail.taught_in
    ]
    data["industries"] = detail.industries
    return data


def skill_rows_json(rows: list[SkillRow]) -> list[Data]:
    return [
        {
            "id": r.id,
            "name": r.name,
            "category": r.category,
            "aliases": r.aliases,
            "roles": r.roles,
            "essential_for": r.essential_for,
        }
        for r in rows
    ]


def role_rows_json(rows: list[dict[str, Any]]) -> list[Data]:
    return [
        {
            "id": r["id"],
            "title": r["title"],
            "track": r["track"],
            "salary_family": r["family"],
            "skills": r["n_skills"],
            "sources": r["sources"],
            "has_roadmap": r["has_roadmap"],
            "way_in": _duration(r["way_in"]),
            "named_only": r["named_only"],
            **({"kb": r["kb"]} if r.get("kb") else {}),
        }
        for r in rows
    ]


def fit_json(f: Fit) -> Data:
    return {
        "role": f.role,
        "title": f.title,
        "fit": round(f.score, 1),
        "covered": f.covered,
        "implied": {s: f.implied[s] for s in f.covered if s in f.implied},
        "essential_have": f.essential_have,
        "essential_total": f.essential_total,
        "missing": dict(f.missing),
        "missing_first": f.missing_first,
        "missing_first_names": [f.names[s] for s in f.missing_first],
    }


def match_json(have: frozenset[str], fits: list[Fit]) -> Data:
    nxt = best_next(fits[0]) if fits else None
    return {
        "skills": sorted(have),
        "fit_means": FIT_MEANS,
        "missing_order": MISSING_ORDER,
        "roles": [fit_json(f) for f in fits],
        "best_next": None
        if nxt is None
        else {"skill": nxt[0], "role": fits[0].role, "fit": round(nxt[1], 1)},
    }


def transition_json(t: Transition) -> Data:
    return {
        "from": t.from_role,
        "start_from": t.start_from,
        "to": t.to_role,
        "skills_to_add": [
            {
                "skill": a.skill,
                "name": a.name,
                "tier": a.tier,
                "phase": a.phase,
                "phase_of_role": a.phase_role,
                "listings": a.listings,
            }
            for a in t.to_add
        ],
        "learning_order": [
            {
                "roadmap": g.roadmap,
                "phase": g.phase,
                "roadmap_of_role": g.role,
                "duration": _duration(g.duration),
                "timing": g.timing,
                "source": g.source,
                "skills": [a.skill for a in g.skills],
            }
            for g in t.steps
        ],
        "switch_time": {
            "from_zero": t.switch.from_zero,
            "because": t.switch.because,
            "times": [way_in_json(w, t.sources) for w in t.switch.ways],
        },
        "skills_carried_over": t.carry_over,
        "pay": [
            {
                "level": p.level,
                "source": p.source,
                "year": t.sources[p.source].year,
                "from": [pay_json(f) for f in p.from_figures],
                "to": [pay_json(f) for f in p.to_figures],
                "change": {"low": p.change[0], "high": p.change[1]} if p.change else None,
            }
            for p in t.pay
        ],
        "time": [way_in_json(w, t.sources) for w in t.time],
        "career_tracks": [tr.id for tr in t.tracks],
    }


def salary_json(rows: list[tuple[str, PayFigure]]) -> list[Data]:
    return [{"role": title, **pay_json(f)} for title, f in rows]


def industries_json(found: Industries) -> list[Data]:
    return [i.model_dump(mode="json") for i in found.industries]


def industry_json(found: Industries) -> Data:
    """One industry looked up by name: the object itself, not a list of one."""
    (one,) = found.industries
    return one.model_dump(mode="json")


def guide_json(found: Guide) -> Data:
    return {
        "career_stages": [s.model_dump(mode="json") for s in found.stages],
        "guidance": [b.model_dump(mode="json") for b in found.blocks],
    }


def profile_json(
    path: str,
    summary: ProfileSummary,
    levels: Mapping[str, str] | None = None,
    target: str | None = None,
    changes: int = 0,
) -> Data:
    return {
        "path": path,
        "skills": summary.known,
        "levels": {s: (levels or {}).get(s, "working") for s in summary.known},
        "target": target,
        "changes": changes,
        "unknown_skills": summary.unknown,
        "fit_means": FIT_MEANS,
        "best_fits": [fit_json(f) for f in summary.fits],
    }


def validation_json(
    path: str, counts: dict[str, int] | None, errors: list[str], merge: Data | None = None
) -> Data:
    """``merge``: of several KBs, each KB and what merging them did (else left out)."""
    if counts is None:
        return {"path": path, "valid": False, "errors": errors}
    data: Data = {"path": path, "valid": True, "counts": counts}
    if merge is not None:
        data["merge"] = merge
    return data


def hits_json(hits: list[Hit]) -> list[Data]:
    return [
        {
            "kind": h.kind,
            "id": h.id,
            "name": h.name,
            "score": round(h.score, 3),
            "matches": [{"field": m.field, "text": m.text} for m in h.where],
            **({"kb": h.kb} if h.kb else {}),
        }
        for h in hits
    ]


def sources_json(found: list[SourceUse]) -> list[Data]:
    """Every source: what the KB records of it, the seed file, and what it is cited for."""
    return [
        {
            **use.ref.entry.model_dump(mode="json"),
            "year": use.ref.year,
            "cited_by_roles": use.roles,
            "pay_figures": use.pay,
            "listing_counts": use.listings,
            "career_tracks": use.tracks,
            "industries": use.industries,
            "guidance_blocks": use.guidance,
        }
        for use in found
    ]


def plan_json(plan: Plan) -> Data:
    """The dated plan: each phase's dates, its time as the source states it, whether the
    profile already covers it; the timeline the dates were scaled to, if any."""
    ref = plan.sources[plan.source]
    return {
        "role": plan.role_id,
        "title": plan.role_title,
        "roadmap": plan.roadmap,
        "source": plan.source,
        "source_file": ref.file,
        "year": ref.year,
        "start": plan.start.isoformat(),
        "last_day": plan.last_day.isoformat(),
        "unit": plan.unit,
        "total": round(plan.total, 2),
        "saved": round(plan.saved, 2),
        "planned_at": "the upper end of each range",
        "background": plan.background,
        "scaled_to": None
        if plan.timeline is None
        else {
            "label": plan.timeline.label,
            "duration": _duration(plan.timeline.duration),
            "source": plan.timeline.source,
            "scaled_by": "careercli",
        },
        "phases": [
            {
                "name": p.name,
                "duration": _duration(p.duration),
                "length": round(p.length, 2),
                "start": None if p.done else p.start.isoformat(),
                "last_day": None if p.done else p.last_day.isoformat(),
                "done": p.done,
                "skills": [
                    {"skill": sid, "name": name, "have": name in p.have}
                    for sid, name in zip(p.skill_ids, p.skills, strict=True)
                ],
            }
            for p in plan.phases
        ],
    }


def progress_report_json(report: ProgressReport) -> Data:
    return {
        "role": report.role_id,
        "title": report.title,
        "today": report.today.isoformat(),
        "progress": progress_json(report.overall),
        "levels": dict(sorted(report.levels.items())),
        "phases": [
            {
                "roadmap": p.roadmap,
                "phase": p.name,
                "skills": [
                    {"skill": sid, "name": name, "have": name in p.have}
                    for sid, name in zip(p.skill_ids, p.skills, strict=True)
                ],
                "done": p.done,
                "source": p.source,
            }
            for p in report.phases
        ],
        "this_month": [
            {
                "date": c.date.isoformat(),
                "skill": c.skill,
                "name": c.name,
                "level": c.level,
                "for_role": c.for_role,
            }
            for c in report.this_month
        ],
        "activity": {
            "from": report.first_day.isoformat(),
            "to": report.today.isoformat(),
            "changes_by_day": {d.isoformat(): n for d, n in sorted(report.activity.items())},
        },
    }


def next_json(steps: NextSteps) -> Data:
    return {
        "role": steps.role_id,
        "title": steps.title,
        "order": "the phase that teaches it, then tier, then how many job listings ask",
        "skills_left": steps.left,
        "next": [
            {
                "skill": s.skill,
                "name": s.name,
                "tier": s.tier,
                "phase": s.phase,
                "phase_role": s.phase_role,
                "source": s.source,
                "listings": s.listings,
                "essentials_missing": s.essentials_missing,
                "fit_before": round(s.fit_before, 1),
                "fit_after": round(s.fit_after, 1),
                "your_level": s.level,
            }
            for s in steps.skills
        ],
    }
