/**
 * The chair's conclusion on one agenda item (kết luận của chủ trì), recorded on the run screen as the
 * meeting goes and printed under the item in the minutes (HD 12-HD/BTCTW of 06/7/2018, point 2.3: the
 * chair concludes each matter discussed). Kept on the item itself in the meeting's `agenda`.
 */
import { type AgendaItem, withItemConclusion } from '@nennep/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { meetings } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { invalidField } from '../../http/errors.ts';
import { recordMeetingEvent } from './events.ts';
import type { MeetingRow } from './queries.ts';

/**
 * Sets (or, with an empty text, clears) the conclusion of agenda item `index` of `meeting`, the row locked
 * and read again by the caller (`lockMeeting`, lock.ts): the write cannot slip past an adoption running at
 * the same time, nor lose an agenda change made meanwhile. Returns the agenda as stored.
 */
export async function setItemConclusion(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  index: number,
  text: string,
): Promise<AgendaItem[]> {
  if (index >= meeting.agenda.length) {
    throw invalidField('agendaIndex', {
      vi: 'Không có nội dung này trong chương trình.',
      en: 'No such agenda item.',
    });
  }
  // Stored items were checked by the agenda schemas on their way in: their sections are the known ones.
  const agenda = withItemConclusion(meeting.agenda as AgendaItem[], index, text);
  await tx.update(meetings).set({ agenda }).where(eq(meetings.id, meeting.id));
  await recordMeetingEvent(tx, actor, meeting, 'item_conclusion', {
    item: index + 1,
    cleared: !agenda[index]?.conclusion,
  });
  return agenda;
}
