/**
 * Documents of a meeting (architecture.md "Documents"): the minutes and the resolution as DOCX and PDF,
 * pure functions of `MinutesModel` / `ResolutionModel`. The same model always gives the same bytes.
 */

export { renderCommitteeReportDocx } from './committee-report-docx.ts';
export { renderCommitteeReportXlsx } from './committee-report-xlsx.ts';
export { renderMinutesDocx } from './minutes-docx.ts';
export { renderMinutesPdf, renderResolutionPdf } from './pdf.ts';
export { renderResolutionDocx } from './resolution-docx.ts';
export { renderSupervisionReportDocx } from './supervision-report-docx.ts';
export { renderSupervisionReportXlsx } from './supervision-report-xlsx.ts';
