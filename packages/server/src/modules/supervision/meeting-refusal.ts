import type { Db } from '../../db/client.ts';
import { type AppError, type Bilingual, invalidField } from '../../http/errors.ts';
import { capitalised, namedMeeting } from '../meetings/meeting-name.ts';

/**
 * Why a meeting chosen for a visit is refused, naming it as people know it (kind, date, cell), never by
 * its id. `within` is where it had to be found: a meeting elsewhere, or none, is only "not found there"
 * (its name would tell what lies outside the actor's scope).
 */
export async function meetingRefusal(
  tx: Db,
  meetingId: number,
  within: { path: string; name: Bilingual; period?: { from: string; to: string; label: Bilingual } },
): Promise<AppError> {
  const meeting = await namedMeeting(tx, meetingId, within.path);
  if (!meeting) {
    return invalidField('meetingId', {
      vi: `Không tìm thấy cuộc họp đã chọn trong ${within.name.vi}.`,
      en: `The chosen meeting is not one of ${within.name.en}.`,
    });
  }
  const { name } = meeting;
  const { period } = within;
  let why: Bilingual;
  if (meeting.status === 'cancelled') {
    why = { vi: `${capitalised(name.vi)} đã bị hủy.`, en: `${capitalised(name.en)} was cancelled.` };
  } else if (meeting.kind === 'cell_committee') {
    why = {
      vi: `Chỉ dự buổi sinh hoạt chi bộ, không dự ${name.vi}.`,
      en: `Visits are to cell meetings, not to ${name.en}.`,
    };
  } else if (period && (meeting.date < period.from || meeting.date > period.to)) {
    why = {
      vi: `${capitalised(name.vi)} không thuộc ${period.label.vi}.`,
      en: `${capitalised(name.en)} is not in ${period.label.en}.`,
    };
  } else {
    why = { vi: `Không dự được ${name.vi}.`, en: `${capitalised(name.en)} cannot be attended.` };
  }
  return invalidField('meetingId', why);
}
