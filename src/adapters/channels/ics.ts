/**
 * iCalendar invites (RFC 5545 / iTIP RFC 5546) for the pre-onboarding meeting and the
 * first day. Updates reuse the meeting's UID with a higher SEQUENCE so clients replace the
 * event; cancellation is METHOD:CANCEL on the same UID. Pure: `now` is passed in.
 */
import { TZDate } from '@date-fns/tz';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { ChannelAttachment } from './types.js';
import { buildVtimezone } from './vtimezone.js';

export interface MeetingPerson {
  email: string;
  name?: string;
}

export interface MeetingInvite {
  /** Stable for the meeting's whole life: see `deriveMeetingUid`. */
  uid: string;
  /** 0 when first sent; the caller stores it and increases it on every change or cancellation. */
  sequence: number;
  cancelled?: boolean;
  /** Instants; shown in `timeZone`. */
  start: Date;
  end: Date;
  /** The site's IANA zone, e.g. `Asia/Shanghai`. */
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  organizer: MeetingPerson;
  candidate: MeetingPerson;
  manager?: MeetingPerson;
  hrbp?: MeetingPerson;
  /** DTSTAMP: when this version of the invite was produced. */
  now: Date;
}

export interface BuiltInvite {
  method: 'REQUEST' | 'CANCEL';
  uid: string;
  sequence: number;
  /** The .ics text (CRLF line endings). */
  content: string;
  /** Ready to put in `ChannelMessage.attachments`. */
  attachment: ChannelAttachment;
}

/**
 * Derives a meeting UID from a durable meeting id, so every version of the invite —
 * and a rebuild after a crash — carries the same UID.
 */
export function deriveMeetingUid(meetingId: string, domain = 'preboard.local'): string {
  return `${meetingId}@${domain}`;
}

function toAttendee(person: MeetingPerson) {
  return {
    email: person.email,
    name: person.name,
    role: ICalAttendeeRole.REQ,
    status: ICalAttendeeStatus.NEEDSACTION,
    rsvp: true,
  };
}

/**
 * Builds a REQUEST (or, when cancelled, CANCEL) invite with organizer, attendees
 * (candidate, manager, HRBP — duplicates by email collapsed), stable UID and SEQUENCE,
 * and DTSTART/DTEND in the site's zone with a matching VTIMEZONE.
 */
export function buildMeetingInvite(invite: MeetingInvite): BuiltInvite {
  if (!(invite.end.getTime() > invite.start.getTime())) throw new RangeError('meeting must end after it starts');
  if (!Number.isInteger(invite.sequence) || invite.sequence < 0) throw new RangeError('sequence must be an integer ≥ 0');
  const method = invite.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({ method, prodId: { company: 'Preboard', product: 'Preboard', language: 'EN' } });

  const seen = new Set<string>();
  const people = [invite.candidate, invite.manager, invite.hrbp].filter((p): p is MeetingPerson => {
    if (!p) return false;
    const key = p.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  calendar.createEvent({
    id: invite.uid,
    sequence: invite.sequence,
    stamp: invite.now,
    // TZDate makes ical-generator print the wall time in the zone next to TZID.
    start: new TZDate(invite.start.getTime(), invite.timeZone),
    end: new TZDate(invite.end.getTime(), invite.timeZone),
    timezone: invite.timeZone,
    summary: invite.summary,
    description: invite.description,
    location: invite.location,
    url: invite.url,
    organizer: { name: invite.organizer.name ?? invite.organizer.email, email: invite.organizer.email },
    attendees: people.map(toAttendee),
    status: invite.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });

  // The calendar-level timezone option would also print DTSTAMP in local time (RFC 5545
  // wants UTC), so the VTIMEZONE is inserted here instead.
  const vtimezone = buildVtimezone(invite.timeZone, invite.start);
  const content = calendar.toString().replace('BEGIN:VEVENT', `${vtimezone}\r\nBEGIN:VEVENT`);
  const methodName = invite.cancelled ? 'CANCEL' : 'REQUEST';
  return {
    method: methodName,
    uid: invite.uid,
    sequence: invite.sequence,
    content,
    attachment: {
      filename: invite.cancelled ? 'cancel.ics' : 'invite.ics',
      contentType: `text/calendar; charset=utf-8; method=${methodName}`,
      content,
    },
  };
}
