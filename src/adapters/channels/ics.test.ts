import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildMeetingInvite, deriveMeetingUid, type MeetingInvite } from './ics.js';

const base: MeetingInvite = {
  uid: deriveMeetingUid('meeting-42'),
  sequence: 0,
  start: new Date('2025-03-03T01:00:00Z'), // 09:00 in Shanghai
  end: new Date('2025-03-03T02:00:00Z'),
  timeZone: 'Asia/Shanghai',
  summary: '入职前沟通 / Pre-onboarding chat',
  description: '欢迎加入！',
  location: '上海市 徐汇区 1 号楼',
  organizer: { name: 'Li HRBP', email: 'hrbp@acme.cn' },
  candidate: { name: '张三', email: 'zhangsan@example.com' },
  manager: { name: 'Wang Manager', email: 'wang@acme.cn' },
  hrbp: { name: 'Li HRBP', email: 'hrbp@acme.cn' },
  now: new Date('2025-02-20T08:00:00Z'),
};

/** Parses with ical.js, registering the invite's own VTIMEZONE like a calendar client. */
function parseInvite(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (!vtimezone) throw new Error('no VTIMEZONE');
  const zone = new ICAL.Timezone(vtimezone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  const start = vevent.getFirstProperty('dtstart');
  return { calendar, zone, vevent, event, startTzid: start?.getParameter('tzid') };
}

/** DTSTART's wall time read in the invite's VTIMEZONE, as epoch ms. */
function readStartInstant(vevent: ICAL.Component, zone: ICAL.Timezone): number {
  const t = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
  const zoned = ICAL.Time.fromData({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second }, zone);
  return zoned.toUnixTime() * 1000;
}

describe('buildMeetingInvite', () => {
  it('builds a REQUEST with organizer, the three attendees, UID, SEQUENCE and a zoned DTSTART', () => {
    const invite = buildMeetingInvite(base);
    const { calendar, zone, vevent, event, startTzid } = parseInvite(invite.content);
    expect(invite.method).toBe('REQUEST');
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe('meeting-42@preboard.local');
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe(base.summary);
    expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe('mailto:hrbp@acme.cn');
    const attendees = event.attendees.map((a) => String(a.getFirstValue()).toLowerCase());
    expect(attendees).toEqual(['mailto:zhangsan@example.com', 'mailto:wang@acme.cn', 'mailto:hrbp@acme.cn']);
    expect(event.attendees[0].getParameter('cn')).toBe('张三');
    expect(event.attendees[0].getParameter('rsvp')).toBe('TRUE');
    expect(startTzid).toBe('Asia/Shanghai');
    expect(event.startDate.hour).toBe(9); // wall time in the site's zone
    expect(readStartInstant(vevent, zone)).toBe(base.start.getTime());
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2025-02-20T08:00:00Z');
    expect(invite.attachment.contentType).toContain('method=REQUEST');
  });

  it('places the event right across daylight saving (New York, summer)', () => {
    const start = new Date('2025-07-07T13:30:00Z'); // 09:30 EDT (UTC-4)
    const invite = buildMeetingInvite({ ...base, timeZone: 'America/New_York', start, end: new Date(start.getTime() + 3_600_000) });
    const { zone, vevent, event, startTzid } = parseInvite(invite.content);
    expect(startTzid).toBe('America/New_York');
    expect(event.startDate.hour).toBe(9);
    expect(event.startDate.minute).toBe(30);
    expect(readStartInstant(vevent, zone)).toBe(start.getTime());
    const winter = ICAL.Time.fromData({ year: 2025, month: 12, day: 1, hour: 9, minute: 0, second: 0 }, zone);
    expect(zone.utcOffset(winter)).toBe(-5 * 3600);
  });

  it('keeps the UID and raises SEQUENCE on an update, and cancels with METHOD:CANCEL', () => {
    const first = parseInvite(buildMeetingInvite(base).content).event;
    const moved = parseInvite(
      buildMeetingInvite({ ...base, sequence: 1, start: new Date('2025-03-03T02:00:00Z'), end: new Date('2025-03-03T03:00:00Z') }).content,
    ).event;
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBe(first.sequence + 1);
    expect(moved.startDate.hour).toBe(10);

    const cancel = buildMeetingInvite({ ...base, sequence: 2, cancelled: true });
    const parsed = parseInvite(cancel.content);
    expect(cancel.method).toBe('CANCEL');
    expect(parsed.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(parsed.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(parsed.event.uid).toBe(first.uid);
    expect(parsed.event.sequence).toBe(2);
    expect(cancel.attachment.contentType).toContain('method=CANCEL');
  });

  it('lists a person only once when roles coincide, and refuses an inverted meeting', () => {
    const invite = buildMeetingInvite({ ...base, manager: { email: 'HRBP@acme.cn' } });
    expect(parseInvite(invite.content).event.attendees).toHaveLength(2);
    expect(() => buildMeetingInvite({ ...base, end: base.start })).toThrow(RangeError);
  });
});
