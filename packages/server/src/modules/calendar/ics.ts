import {
  DEFAULT_RULE_SET,
  MEETING_KIND_LABELS,
  type MeetingKind,
  minDurationFor,
  type RuleSetContent,
} from '@nennep/core';

/**
 * iCalendar (RFC 5545) written by hand: the feed is small and its rules few — CRLF line ends, lines folded
 * at 75 octets without splitting a UTF-8 character, TEXT values escaped. Pure functions, no I/O.
 */

export const CRLF = '\r\n';
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const LINE_OCTETS = 75;
/** The fallback length of a meeting in a calendar when its rules give no minimum (HD 12: 90 minutes). */
export const DEFAULT_DURATION_MINUTES = 90;

/** Escapes a TEXT value: backslash, semicolon, comma, line breaks; other control characters are dropped. */
export function escapeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .split('')
    .filter((ch) => ch === '\t' || (ch >= ' ' && ch !== '\u007f'))
    .join('');
}

const octets = (codePoint: number) =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
const COMBINING = /^\p{M}$/u;

/**
 * Folds one content line: at most 75 octets per physical line, continuations starting with one space.
 * Breaks fall between characters, never inside a character's UTF-8 bytes, and not before a combining mark,
 * so a decomposed "ệ" stays whole on its line.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = LINE_OCTETS;
  const chars = [...line];
  for (let i = 0; i < chars.length; ) {
    // A character and the combining marks that follow it travel together.
    let cluster = chars[i] ?? '';
    i += 1;
    while (i < chars.length && COMBINING.test(chars[i] ?? '')) {
      cluster += chars[i];
      i += 1;
    }
    const clusterSize = [...cluster].reduce((n, ch) => n + octets(ch.codePointAt(0) ?? 0), 0);
    if (size + clusterSize > limit && current !== '') {
      parts.push(current);
      current = '';
      size = 0;
      limit = LINE_OCTETS - 1;
    }
    current += cluster;
    size += clusterSize;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant in UTC form: 20260504T123000Z. */
export function utcStamp(instant: Date): string {
  return (
    `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}T` +
    `${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

/** A wall-clock time in Vietnam, `minutes` later than date + time, as a floating DATE-TIME: 20260504T193000. */
export function localDateTime(date: string, time: string, minutes = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  // Wall-clock arithmetic in UTC: Vietnam has no daylight saving, so no hour is skipped or repeated.
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, (mm ?? 0) + minutes));
  return utcStamp(t).slice(0, 15);
}

export interface IcsEvent {
  uid: string;
  /** DTSTAMP: fixed per event, so the same data gives the same bytes. */
  stamp: Date;
  date: string;
  startTime: string;
  durationMinutes: number;
  summary: string;
  location: string | null;
  description: string | null;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0700',
  'TZOFFSETTO:+0700',
  'TZNAME:ICT',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function eventLines(event: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART;TZID=${TIME_ZONE}:${localDateTime(event.date, event.startTime)}`,
    `DTEND;TZID=${TIME_ZONE}:${localDateTime(event.date, event.startTime, event.durationMinutes)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  lines.push(`STATUS:${event.status}`, 'END:VEVENT');
  return lines;
}

/** A whole VCALENDAR with its time zone and events, folded, CRLF-terminated. */
export function buildCalendar(input: { name: string; events: IcsEvent[] }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Nen Nep//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    ...VTIMEZONE,
    ...input.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Kinds of meeting as a calendar names them. */
export const KIND_TITLES = Object.fromEntries(
  Object.entries(MEETING_KIND_LABELS).map(([kind, label]) => [kind, label.vi]),
) as Record<MeetingKind, string>;

/** What the feed reads of a meeting. */
export interface FeedMeeting {
  id: number;
  kind: MeetingKind;
  status: string;
  combined: boolean;
  title: string | null;
  date: string;
  startTime: string;
  place: string | null;
  agenda: { title: string }[];
  createdAt: Date;
  orgName: string;
  /** The meeting's rule set minimums; null when it has none. */
  minDuration: RuleSetContent['minDurationMinutes'] | null;
}

/** One meeting as a calendar event: a planned meeting is tentative, one prepared or held is confirmed. */
export function meetingEvent(meeting: FeedMeeting): IcsEvent {
  const rules = {
    ...DEFAULT_RULE_SET,
    minDurationMinutes: meeting.minDuration ?? DEFAULT_RULE_SET.minDurationMinutes,
  };
  const minimum = minDurationFor(rules, meeting.kind, meeting.combined);
  const heading = `${KIND_TITLES[meeting.kind] ?? meeting.kind}${meeting.title ? `: ${meeting.title}` : ''}`;
  const agenda = meeting.agenda.map((item, i) => `${i + 1}. ${item.title}`).join('\n');
  return {
    uid: `meeting-${meeting.id}@nennep`,
    stamp: meeting.createdAt,
    date: meeting.date,
    startTime: meeting.startTime,
    durationMinutes: minimum > 0 ? minimum : DEFAULT_DURATION_MINUTES,
    summary: `${heading} — ${meeting.orgName}`,
    location: meeting.place,
    description: agenda ? `Chương trình:\n${agenda}` : null,
    status:
      meeting.status === 'cancelled' ? 'CANCELLED' : meeting.status === 'planned' ? 'TENTATIVE' : 'CONFIRMED',
  };
}
