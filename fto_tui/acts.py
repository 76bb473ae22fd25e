"""Chronology entries derived from designations: listings, revocations and amendments.

A briefing writes a designation once, on the organisation or person it lists; the chronology
shows each act of it as an entry of its own, dated when it took effect (or, without that, when
it was announced). Nothing is copied into ``events`` by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from fto_tui.dates import EdtfDate
from fto_tui.model import Designation, DesignationAct, Entity, Organisation, Speaker

__all__ = ["acts_of", "designation_key"]


def designation_key(holder: Organisation | Speaker, index: int, designation: Designation) -> str:
    """The designation's id, or one made from its holder and place (for the acts' ids)."""
    return designation.id or f"{holder.id}-designation-{index + 1}"


def _when(announced: EdtfDate | None, date: EdtfDate | None) -> str | None:
    if announced is not None and date is not None and announced != date:
        return f"Announced {announced.display()}; took effect {date.display()}."
    if announced is not None and date is None:
        return f"Announced {announced.display()}."
    return None


def acts_of(entities: Iterable[Entity]) -> Iterator[DesignationAct]:
    """Every dated act of every designation the entities hold, in load order."""
    for holder in entities:
        if not isinstance(holder, Organisation | Speaker):
            continue
        for index, designation in enumerate(holder.designations):
            yield from _acts(holder, index, designation)


def _acts(
    holder: Organisation | Speaker, index: int, designation: Designation
) -> Iterator[DesignationAct]:
    key = designation_key(holder, index, designation)
    about = (designation.id,) if designation.id else ()
    listed = designation.date or designation.announced
    if listed is not None:
        act = "restored" if designation.restores else "designated"
        verb = "designated again" if designation.restores else "designated"
        yield DesignationAct(
            id=f"{key}~{act}",
            date=listed,
            title=f"{holder.name} {verb}: {designation.programme} ({designation.authority})",
            origin=designation.origin,
            as_written=designation.as_written,
            description=_when(designation.announced, designation.date),
            participants=(holder.id,),
            tags=("designation",),
            about=about,
            citations=designation.citations,
            act=act,
            holder=holder.id,
            designation=designation,
        )
    revocation = designation.revocation
    if revocation is not None and (revocation.date or revocation.announced) is not None:
        by = f" by {revocation.by}" if revocation.by else ""
        yield DesignationAct(
            id=f"{key}~revoked",
            date=revocation.date or revocation.announced,  # type: ignore[arg-type]
            title=f"{holder.name}: {designation.programme} designation revoked{by}",
            origin=revocation.origin,
            as_written=revocation.as_written,
            description=_when(revocation.announced, revocation.date) or revocation.reason,
            participants=(holder.id,),
            tags=("revocation",),
            about=about,
            citations=revocation.citations or designation.citations,
            act="revoked",
            holder=holder.id,
            designation=designation,
        )
    for number, amendment in enumerate(designation.amendments, start=1):
        yield DesignationAct(
            id=f"{key}~amended-{number}",
            date=amendment.date,
            title=f"{holder.name}: {designation.programme} designation amended: {amendment.change}",
            origin=amendment.origin,
            as_written=amendment.as_written,
            description=amendment.notes,
            participants=(holder.id,),
            tags=("amendment",),
            about=about,
            citations=amendment.citations or designation.citations,
            act="amended",
            holder=holder.id,
            designation=designation,
        )
