import { hasCellCommittee, type MeetingKind, meetingName } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Bilingual } from '../../http/errors.ts';
import { positionsSql } from './preparation.ts';

export interface NamedMeeting {
  kind: MeetingKind;
  date: string;
  status: string;
  /** "cuộc họp thường kỳ ngày 05/12/2026 của Chi bộ thôn Thượng Hội" — what messages call it. */
  name: Bilingual;
}

/** A meeting with the name messages give it, if it exists under `underPath` (the whole tree by default). */
export async function namedMeeting(db: Db, id: number, underPath = '/'): Promise<NamedMeeting | null> {
  const [meeting] = await rows<{
    kind: MeetingKind;
    date: string;
    status: string;
    combined: boolean;
    orgName: string;
    positions: string[];
  }>(
    db,
    sql`SELECT m.kind, m.scheduled_date::text AS date, m.status, m.combined, o.name AS "orgName",
          ${positionsSql(sql`m.org_id`)} AS positions
        FROM meetings m JOIN orgs o ON o.id = m.org_id
        WHERE m.id = ${id} AND m.org_path LIKE ${`${underPath}%`}`,
  );
  if (!meeting) return null;
  const { positions, ...named } = meeting;
  // A preparation meeting of a cell without a chi ủy is named as the bí thư and phó bí thư's.
  return { ...named, name: meetingName({ ...named, hasCommittee: hasCellCommittee(positions) }) };
}

/** Upper-case first letter, for a name that opens a sentence. */
export const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/**
 * The note of a recommendation step that happens at a meeting: `#id` keeps the link (the web opens the
 * meeting from it and shows only the words after it), the words name the meeting as people know it.
 */
export async function meetingNote(db: Db, id: number): Promise<string> {
  const meeting = await namedMeeting(db, id);
  return meeting ? `#${id} ${capitalised(meeting.name.vi)}` : `#${id}`;
}
