"""Conference-app feeds: frab/c3voc schedule.xml and c3voc schedule.json (v1).

Both are rendered from one `Schedule` (built in `agenda.feeds.frab_schedule`) so they always agree. Rules the
schemas leave open follow what the apps (EventFahrplan, Giggity, ConfClerk, pyfahrplan) rely on, see
shared/schemas/NOTES.md; the rules for days, rooms and cancelled sessions are described with the `Schedule`.
"""

import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from agenda.feeds.common import GENERATOR_NAME
from agenda.feeds.frab_schedule import Schedule, build_schedule, edition_schedule, iso_moment

__all__ = ["Schedule", "build_schedule", "edition_schedule", "render_json", "render_xml", "schedule_data"]

JSON_SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
TIMESLOT_DURATION = "00:05"
TRACK_SLUG_XSD = re.compile(r"[a-z][a-z0-9-]+")


# schedule.xml


def _add(parent, tag, text=None, **attributes):
    element = ET.SubElement(parent, tag, {key: str(value) for key, value in attributes.items()})
    if text is not None:
        element.text = str(text)
    return element


def _xml_event(parent, event):
    element = _add(parent, "event", id=event.id, guid=event.guid)
    _add(element, "date", event.date)
    _add(element, "start", event.start_time)
    _add(element, "duration", event.duration)
    _add(element, "room", event.room.name)
    _add(element, "slug", event.slug)
    _add(element, "url", event.url)
    _add(element, "title", event.title)
    _add(element, "subtitle", "")
    _add(element, "track", event.track)
    _add(element, "type", event.type)
    _add(element, "language", event.language)
    _add(element, "abstract", event.abstract)
    _add(element, "description", event.description)
    persons = _add(element, "persons")
    for person_id, name in event.persons:
        _add(persons, "person", name, id=person_id)
    _add(element, "links")


def render_xml(schedule):
    root = ET.Element("schedule")
    _add(root, "generator", name=GENERATOR_NAME)
    _add(root, "url", schedule.xml_url)
    _add(root, "version", schedule.version)
    conference = _add(root, "conference")
    _add(conference, "acronym", schedule.acronym)
    _add(conference, "title", schedule.title)
    _add(conference, "start", schedule.start.isoformat())
    _add(conference, "end", schedule.end.isoformat())
    _add(conference, "days", len(schedule.days))
    _add(conference, "timeslot_duration", TIMESLOT_DURATION)
    _add(conference, "base_url", schedule.base_url)
    _add(conference, "url", schedule.conference_url)
    _add(conference, "time_zone_name", schedule.time_zone_name)
    for track in schedule.tracks:
        attributes = {"name": track.name}
        if track.color:
            attributes["color"] = track.color
        if TRACK_SLUG_XSD.fullmatch(track.slug):
            attributes["slug"] = track.slug
        _add(conference, "track", **attributes)
    for day in schedule.days:
        day_element = _add(
            root,
            "day",
            index=day.index,
            date=day.date.isoformat(),
            start=iso_moment(day.start),
            end=iso_moment(day.end),
        )
        events_by_room = defaultdict(list)
        for event in day.events:
            events_by_room[event.room.guid].append(event)
        for room in schedule.rooms:
            room_element = _add(day_element, "room", name=room.name, guid=room.guid)
            for event in events_by_room[room.guid]:
                _xml_event(room_element, event)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"


# schedule.json


def _json_event(event):
    return {
        "id": event.id,
        "guid": event.guid,
        "date": event.date,
        "start": event.start_time,
        "end": iso_moment(event.end),
        "duration": event.duration,
        "room": event.room.name,
        "slug": event.slug,
        "url": event.url,
        "title": event.title,
        "subtitle": "",
        "track": event.track,
        "type": event.type,
        "language": event.language,
        "abstract": event.abstract,
        "description": event.description,
        "persons": [{"id": person_id, "public_name": name} for person_id, name in event.persons],
        "links": [],
    }


def _json_room(room):
    data = {"name": room.name, "guid": room.guid}
    if room.slug:
        data["slug"] = room.slug
    if room.capacity is not None:
        data["capacity"] = room.capacity
    return data


def _json_track(track):
    data = {"name": track.name}
    if track.color:
        data["color"] = track.color
    if track.slug:
        data["slug"] = track.slug
    return data


def schedule_data(schedule):
    days = []
    for day in schedule.days:
        rooms = {room.name: [] for room in schedule.rooms}
        for event in day.events:
            rooms[event.room.name].append(_json_event(event))
        days.append(
            {
                "index": day.index,
                "date": day.date.isoformat(),
                "day_start": iso_moment(day.start),
                "day_end": iso_moment(day.end),
                "rooms": rooms,
            }
        )
    conference = {
        "acronym": schedule.acronym,
        "title": schedule.title,
        "start": schedule.start.isoformat(),
        "end": schedule.end.isoformat(),
        "daysCount": len(schedule.days),
        "timeslot_duration": TIMESLOT_DURATION,
        "time_zone_name": schedule.time_zone_name,
        "url": schedule.conference_url,
        "rooms": [_json_room(room) for room in schedule.rooms],
        "tracks": [_json_track(track) for track in schedule.tracks],
        "days": days,
    }
    if schedule.description:
        conference["description"] = schedule.description
    return {
        "$schema": JSON_SCHEMA_URL,
        "generator": {"name": GENERATOR_NAME},
        "schedule": {
            "url": schedule.json_url,
            "version": schedule.version,
            "base_url": schedule.base_url,
            "conference": conference,
        },
    }


def render_json(schedule):
    return json.dumps(schedule_data(schedule), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
