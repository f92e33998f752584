import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut, toQueryString } from '../../lib/api';

export type {
  CommitteeReportDto,
  ReportFigures,
  ReportPeriodKind,
  ReportStatus,
  ReportStatusDto,
  ReportStatusLine,
  ReportWordField,
  ReportWords,
} from '@nennep/core/reports/types';
// Plain data from core (a file without dependencies, so no zod reaches the bundle).
export { REPORT_LIMITS, REPORT_WORD_FIELDS } from '@nennep/core/reports/types';

import {
  type CommitteeReportDto,
  REPORT_WORD_FIELDS,
  type ReportStatusDto,
  type ReportWordField,
} from '@nennep/core/reports/types';

export const reportKeys = {
  all: ['reports'] as const,
  report: (committee: string, period: string) => ['reports', 'report', committee, period] as const,
  status: (org: string, period: string) => ['reports', 'status', org, period] as const,
};

const R = '/api/reports';

/** The committee's report of the period: the draft with live figures, or the issued one. */
export function useReport(committee: string | undefined, period: string) {
  return useQuery({
    queryKey: reportKeys.report(committee ?? '', period),
    queryFn: () => apiGet<CommitteeReportDto>(R, { committee, period }),
    enabled: !!committee && !!period,
    placeholderData: keepPreviousData,
  });
}

/** Which child committees have issued their report of the period. */
export function useReportStatus(org: string | undefined, period: string) {
  return useQuery({
    queryKey: reportKeys.status(org ?? '', period),
    queryFn: () => apiGet<ReportStatusDto>(`${R}/status`, { org, period }),
    enabled: !!org && !!period,
  });
}

/** The form's values: text per field; blank = back to the words drafted from the figures. */
export type WordsInput = Record<ReportWordField, string | null>;

/** What the form holds, as the API takes it: a blank section is null (back to the drafted words). */
export function wordsInput(words: Partial<WordsInput>): WordsInput {
  return Object.fromEntries(
    REPORT_WORD_FIELDS.map((field) => [field, words[field]?.trim() ? (words[field] ?? null) : null]),
  ) as WordsInput;
}

export const reportCommands = {
  saveWords: (committeeCode: string, periodKey: string, words: WordsInput) =>
    apiPut<CommitteeReportDto>(R, { committeeCode, periodKey, words }),
  issue: (committeeCode: string, periodKey: string) =>
    apiPost<{ number: string; sha256: string }>(`${R}/issue`, { committeeCode, periodKey }),
};

export const documentUrl = (committee: string, period: string, format: 'docx' | 'xlsx') =>
  `${R}/document${toQueryString({ committee, period, format })}`;
