import dayjs from 'dayjs';
import { i18n } from '../app/i18n';

/** Dates as Vietnamese write them, in every date picker and list (dd/mm/yyyy). */
export const DATE_FORMAT = 'DD/MM/YYYY';

/** `2026-02-05` → `05/02/2026`, the way dates are written in Vietnam. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = dayjs(value);
  return date.isValid() ? date.format(DATE_FORMAT) : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = dayjs(value);
  return date.isValid() ? date.format('DD/MM/YYYY HH:mm') : value;
}

/** ISO day for the API from a date picker value. */
export function toIsoDay(value: dayjs.Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

export function fromIsoDay(value: string | null | undefined): dayjs.Dayjs | undefined {
  return value ? dayjs(value) : undefined;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN').format(value);
}

/** Text for a key the server chose (event kinds, actions), or the fallback when we have no label. */
export function labelFor(key: string, fallback: string): string {
  const translate = i18n.t as unknown as (k: string) => string;
  return i18n.exists(key) ? translate(key) : fallback;
}

/** Vietnamese-friendly matching for client-side filtering of small option lists. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
