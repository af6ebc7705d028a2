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
from agenda.fragments import fragments

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


def _xml_event(event):
    element = ET.Element("event", {"id": str(event.id), "guid": str(event.guid)})
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
    return element


# Where each event goes in the document: replaced by the event's fragment once the rest is serialised.
XML_PLACEHOLDER = "event-fragment"
XML_PLACEHOLDER_PATTERN = re.compile(rf'<{XML_PLACEHOLDER} n="(\d+)" />')
# An event's depth in the document (schedule, day, room, event): its fragment is indented as there.
XML_EVENT_LEVEL = 3


def _xml_fragments(schedule, events):
    def render(missing):
        schedule.sessions.attach([event.loaded for event in missing])
        elements = [_xml_event(event) for event in missing]
        for element in elements:
            ET.indent(element, level=XML_EVENT_LEVEL)
        return [ET.tostring(element, encoding="unicode") for element in elements]

    return fragments("frab-xml-event", events, key=lambda event: event.fragment_key, render=render)


def render_xml(schedule):
    events = []
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
                _add(room_element, XML_PLACEHOLDER, n=len(events))
                events.append(event)
    ET.indent(root)
    parts = _xml_fragments(schedule, events)
    text = XML_PLACEHOLDER_PATTERN.sub(lambda match: parts[int(match[1])], ET.tostring(root, encoding="unicode"))
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + text.encode("utf-8") + b"\n"


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


def schedule_data(schedule, event_data=_json_event):
    """The c3voc JSON's data; each event is `event_data(event)`."""
    days = []
    for day in schedule.days:
        rooms = {room.name: [] for room in schedule.rooms}
        for event in day.events:
            rooms[event.room.name].append(event_data(event))
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


# Where each event goes in the document (a string JSON always escapes): replaced by the event's fragment,
# indented as the placeholder's line.
JSON_PLACEHOLDER = "\x01event:{}"
JSON_PLACEHOLDER_PATTERN = re.compile(r'^( *)"\\u0001event:(\d+)"', re.MULTILINE)


def _json_fragments(schedule, events):
    def render(missing):
        schedule.sessions.attach([event.loaded for event in missing])
        return [json.dumps(_json_event(event), ensure_ascii=False, indent=2) for event in missing]

    return fragments("frab-json-event", events, key=lambda event: event.fragment_key, render=render)


def render_json(schedule):
    events = []

    def placeholder(event):
        events.append(event)
        return JSON_PLACEHOLDER.format(len(events) - 1)

    text = json.dumps(schedule_data(schedule, placeholder), ensure_ascii=False, indent=2)
    parts = _json_fragments(schedule, events)

    def fragment(match):
        indent = match[1]
        return indent + parts[int(match[2])].replace("\n", "\n" + indent)

    return JSON_PLACEHOLDER_PATTERN.sub(fragment, text).encode("utf-8") + b"\n"
