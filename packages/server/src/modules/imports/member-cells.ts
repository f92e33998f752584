/**
 * The cell of a member row: by its code, or — since lists exported from the province's member database
 * name the cell ("Chi bộ thôn Thượng Hội") rather than code it — by its name, compared folded, with or
 * without the leading "Chi bộ". A name shared by several cells is refused with their codes, after
 * preferring the cells inside the importer's scope.
 */
import { CELL_KINDS } from '@nennep/core';
import { type Actor, can } from '../../http/access.ts';
import { MEMBER_WRITERS } from '../members/policy.ts';
import { fold } from './columns.ts';
import type { OrgSnapshot, Problems } from './validate.ts';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const CELL_WORDS = /^(chi bo|to dang) /;

/** Active cells by folded name, and by folded name without "chi bộ" / "tổ đảng" in front. */
export function cellsByName(orgs: Iterable<OrgSnapshot>): Map<string, OrgSnapshot[]> {
  const byName = new Map<string, OrgSnapshot[]>();
  const add = (name: string, org: OrgSnapshot) => {
    const list = byName.get(name);
    if (!list) byName.set(name, [org]);
    else if (!list.includes(org)) list.push(org);
  };
  for (const org of orgs) {
    if (!CELL_KINDS.includes(org.kind) || org.status !== 'active') continue;
    const name = fold(org.name);
    add(name, org);
    const bare = name.replace(CELL_WORDS, '');
    if (bare !== name) add(bare, org);
  }
  return byName;
}

/**
 * The organisation a row names in its cell column (checked further by the caller: kind, status, scope),
 * or null with the problem recorded.
 */
export function findCell(
  p: Problems,
  row: number,
  text: string | undefined,
  byCode: Map<string, OrgSnapshot>,
  byName: () => Map<string, OrgSnapshot[]>,
  actor: Actor | null,
): OrgSnapshot | null {
  if (!text) {
    p.add(row, 'org_code', 'Không được để trống.', 'Required.');
    return null;
  }
  const org = byCode.get(text);
  if (org) return org;
  const name = fold(text);
  let found = byName().get(name) ?? byName().get(name.replace(CELL_WORDS, '')) ?? [];
  if (found.length > 1 && actor) {
    const mine = found.filter((o) => can(actor, MEMBER_WRITERS, o.path));
    if (mine.length > 0) found = mine;
  }
  const [only] = found;
  if (only && found.length === 1) return only;
  if (found.length > 1) {
    const codes = found
      .slice(0, 5)
      .map((o) => o.code)
      .join(', ');
    const more = found.length > 5 ? ', …' : '';
    p.add(
      row,
      'org_code',
      `Có ${found.length} chi bộ tên "${text}" (${codes}${more}): hãy ghi mã chi bộ.`,
      `${found.length} cells are named "${text}" (${codes}${more}): write the cell's code.`,
    );
    return null;
  }
  if (CODE.test(text) && text.length <= 40) {
    p.add(row, 'org_code', `Không tìm thấy chi bộ ${text}.`, `Cell ${text} not found.`);
  } else {
    p.add(
      row,
      'org_code',
      `Không tìm thấy chi bộ "${text}" (theo mã hoặc tên).`,
      `No cell "${text}" (by code or name).`,
    );
  }
  return null;
}
