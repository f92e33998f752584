import { readFileSync } from 'node:fs';
import { PORTAL_FIELDS, type PortalMapping, portalMappingErrors, suggestPortalMapping } from '@nennep/core';
import type { Database } from '../db/client.ts';
import { mappingOf, readPortalSheet } from '../modules/dues/portal.ts';
import { commitPortal } from '../modules/dues/portal-routes.ts';
import { DEFAULT_IMPORT_LIMITS } from '../modules/imports/limits.ts';

/**
 * `nennep import dues-portal FILE [--map "Cột=trường,…"]` (issue 16 point 3; QĐ 01-QĐ/TW: dues paid through
 * the National Public Service Portal): the statement's rows matched to members of the whole tree (the command
 * line is trusted as the other imports are), the matched ones written as `portal` payments in one transaction,
 * the others printed with their row, field and reason. Without `--map` the mapping is suggested from the
 * headers. The exit status is 1 when the mapping is unusable or a row was left out.
 */
export async function runDuesPortalCommand(database: Database, file: string, map: string | undefined) {
  try {
    const sheet = await readPortalSheet(readFileSync(file), file, DEFAULT_IMPORT_LIMITS);
    let mapping: PortalMapping;
    if (map === undefined) {
      mapping = suggestPortalMapping(sheet.header);
      const [first] = portalMappingErrors(mapping);
      if (first) throw new Error(`${first.field}: ${first.message.vi}`);
    } else {
      mapping = mappingOf(columnsOf(map, sheet.header), sheet.header);
    }
    const report = await commitPortal(database, null, '/', sheet, mapping, file, new Date(), 'vi');
    for (const u of report.unmatched) console.error(`Dòng ${u.row}, cột ${u.field}: ${u.message}`);
    console.log(
      JSON.stringify({ rows: report.total, written: report.written, unmatched: report.unmatched.length }),
    );
    return report.unmatched.length > 0 ? 1 : 0;
  } catch (error) {
    const fields = (error as { fields?: { field: string; message: { vi: string } }[] }).fields;
    const first = fields?.[0];
    console.error(first ? `${first.field}: ${first.message.vi}` : String((error as Error).message));
    console.error('Không ghi gì vào hệ thống.');
    return 1;
  }
}

/** `--map "Họ và tên=full_name,Mã ĐV=member_code"` → the `columns` form: one field per file column. */
function columnsOf(map: string, header: string[]): string {
  const byHeader = new Map<string, string>();
  for (const pair of map.split(',')) {
    const at = pair.lastIndexOf('=');
    if (at < 0) throw new Error(`--map: "${pair}" phải có dạng Cột=trường (${PORTAL_FIELDS.join(', ')})`);
    const column = pair.slice(0, at).trim();
    if (!header.includes(column)) throw new Error(`--map: tệp không có cột "${column}"`);
    byHeader.set(column, pair.slice(at + 1).trim());
  }
  return header.map((h) => byHeader.get(h) ?? '').join(',');
}
