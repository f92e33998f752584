import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

/** "19:30, thứ Năm 10/12/2026" (or "hôm nay") — the day and hour of a meeting, for the home cards. */
export function whenText(t: TFunction, date: string, startTime: string, today: string): string {
  const day = dayjs(date);
  return t('homeNext.when', {
    time: startTime.slice(0, 5),
    weekday: date === today ? t('homeNext.today') : day.format('dddd'),
    date: day.format('DD/MM/YYYY'),
  });
}

/** Where a meeting's page opens for the job at hand. */
export function meetingLink(id: number, phase: 'prepare' | 'run' | 'minutes', status: string): string {
  const tab =
    phase === 'minutes'
      ? 'minutes'
      : phase === 'run'
        ? status === 'in_progress'
          ? 'conduct'
          : 'attendance'
        : 'prepare';
  return `/meetings/${id}?tab=${tab}`;
}
