import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { MeetingDetail, MeetingRecord, OrgKind } from '../../lib/types';

/** What every tab of the meeting page receives. */
export interface TabProps {
  meeting: MeetingDetail;
  record: MeetingRecord;
  /** `abilities.run`: false for readers, and for everyone once the minutes are adopted. */
  editable: boolean;
}

/** Re-renders every `ms` so that clocks move. */
export function useNow(ms = 15_000): dayjs.Dayjs {
  const [now, setNow] = useState(dayjs());
  useEffect(() => {
    const timer = setInterval(() => setNow(dayjs()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export const DATE_FORMAT = 'DD/MM/YYYY';
/** Organisations that hold cell meetings. */
export const CELL_KINDS: readonly OrgKind[] = ['grassroots_cell', 'cell', 'party_group'];
