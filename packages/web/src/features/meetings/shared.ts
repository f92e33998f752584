import type { MeetingDetailDto, MeetingRecordDto } from '@nennep/core/meetings/api-types';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';

/** What every tab of the meeting page receives. */
export interface TabProps {
  meeting: MeetingDetailDto;
  record: MeetingRecordDto;
  /** `canEdit(meeting)`: false for readers, and for everyone once the minutes are adopted. */
  editable: boolean;
}

/** Neither adopted nor cancelled: the minutes are still open for changes. */
export const isOpen = (meeting: Pick<MeetingDetailDto, 'status'>) =>
  meeting.status !== 'adopted' && meeting.status !== 'cancelled';

/**
 * Whether the meeting's edit controls show: the server lets the actor run the meeting, and the web sees
 * for itself that the minutes are open. Adopted minutes never change (domain.md §3 "Minutes"): no form,
 * no delete button shows on them, even if `abilities` said otherwise.
 */
export const canEdit = (meeting: Pick<MeetingDetailDto, 'status' | 'abilities'>) =>
  meeting.abilities.run && isOpen(meeting);

/** Re-renders every `ms` so that clocks move. */
export function useNow(ms = 15_000): dayjs.Dayjs {
  const [now, setNow] = useState(dayjs());
  useEffect(() => {
    const timer = setInterval(() => setNow(dayjs()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
