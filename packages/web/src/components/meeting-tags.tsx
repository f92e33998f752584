/** How a meeting shows in every list (status, quality level, title, day and time): shared by the features that list meetings. */
import type { MeetingSummaryDto } from '@nennep/core/meetings/api-types';
import type { MeetingStatus, QualityLevel } from '@nennep/core/meetings/types';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export const STATUS_COLORS: Record<MeetingStatus, string> = {
  planned: 'blue',
  prepared: 'geekblue',
  in_progress: 'orange',
  held: 'gold',
  adopted: 'green',
  cancelled: 'default',
};

export const LEVEL_COLORS: Record<QualityLevel, string> = {
  good: 'green',
  fair: 'blue',
  average: 'orange',
  poor: 'red',
};

/** Hex colours for dots and bars, in step with the tag colours above. */
export const LEVEL_HEX: Record<QualityLevel, string> = {
  good: '#389e0d',
  fair: '#1677ff',
  average: '#d46b08',
  poor: '#cf1322',
};
/** The same levels as text on a light background: darker shades that reach AA contrast (4.5 : 1). */
export const LEVEL_TEXT_HEX: Record<QualityLevel, string> = {
  good: '#237804',
  fair: '#0958d9',
  average: '#ad4e00',
  poor: '#a8071a',
};
export const STATUS_HEX: Record<MeetingStatus, string> = {
  planned: '#1677ff',
  prepared: '#2f54eb',
  in_progress: '#fa8c16',
  held: '#d4b106',
  adopted: '#389e0d',
  cancelled: '#bfbfbf',
};

/** A meeting's colour on the calendar: its rating once scored, else its status. */
export const meetingColor = (m: Pick<MeetingSummaryDto, 'status' | 'level'>) =>
  m.level && m.status === 'adopted' ? LEVEL_HEX[m.level] : STATUS_HEX[m.status];

export function StatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="meeting-status">
      {t(`meetingStatus.${status}`)}
    </Tag>
  );
}

export function LevelTag({ level, total }: { level: QualityLevel | null; total?: number | null }) {
  const { t } = useTranslation();
  if (!level) return null;
  return (
    <Tag color={LEVEL_COLORS[level]}>
      {t(`level.${level}`)}
      {total !== null && total !== undefined ? ` · ${total}` : ''}
    </Tag>
  );
}

/** "Sinh hoạt chi bộ thường kỳ tháng 11/2026", or the meeting's own title when it has one. */
export function useMeetingTitle() {
  const { t } = useTranslation();
  return (m: Pick<MeetingSummaryDto, 'kind' | 'title' | 'date'>) =>
    m.title || `${t(`meetingHeading.${m.kind}`)} ${dayjs(m.date).format('MM/YYYY')}`;
}

/** "19:30" from "19:30" or "19:30:00". */
export const hhmm = (time: string | null | undefined) => (time ?? '').slice(0, 5);

/** "Thứ ba" (capitalised: dayjs writes Vietnamese weekdays in lower case). */
export const weekday = (date: string) => {
  const name = dayjs(date).format('dddd');
  return name.charAt(0).toLocaleUpperCase() + name.slice(1);
};
