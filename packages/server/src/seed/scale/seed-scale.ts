/**
 * `nennep seed-demo --scale province|small [--cells N] [--seed N]`: a generated province loaded with COPY in
 * one transaction, relative to the day of the caller's clock — the tree (`tree.ts`), the members through the
 * import's columns (sort keys from core's Vietnamese collation), the default rule set at the root, twelve
 * months of regular meetings for every cell (`year.ts`), the communes' visits and the recommendations
 * (`history.ts`). Same seed, same day → same rows. An `admin` account (password `demo1234`) on the root.
 */
import { DEFAULT_RULE_SET, isoDateInVietnam, periodContaining, supervisionRulesOf } from '@nennep/core';
import { copyLine, withBulkTransaction } from '../../db/bulk.ts';
import type { Database } from '../../db/client.ts';
import { hashPassword } from '../../modules/auth/service.ts';
import { nameKeys } from '../../modules/imports/commit.ts';
import type { HistoryCell } from '../history/calendar.ts';
import type { HistoryMember } from '../history/record.ts';
import { randomFullName } from '../names.ts';
import { mulberry32 } from '../prng.ts';
import { SCALE_COLUMNS } from './columns.ts';
import { type CellContext, type ScaleCommune, visitorFor, writeCellYear } from './history.ts';
import { IdPool } from './ids.ts';
import { writeMembers, writeOrgs } from './load-tree.ts';
import { CopySink } from './sink.ts';
import { generateScaleTree, type ScaleSize } from './tree.ts';
import { cellYear } from './year.ts';

export const SCALE_PASSWORD = 'demo1234';

export interface ScaleSummary {
  today: string;
  seed: number;
  orgs: number;
  cells: number;
  members: number;
  accounts: number;
  /** Rows written per table. */
  rows: Record<string, number>;
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString();

/**
 * Seeds the generated province into an empty database; null when it already holds organisations.
 * `onProgress` hears the cells done so far.
 */
export async function seedScale(
  database: Database,
  options: { now: Date; seed: number; size: ScaleSize; onProgress?: (cells: number, total: number) => void },
): Promise<ScaleSummary | null> {
  const today = isoDateInVietnam(options.now);
  const { seed } = options;
  const tree = generateScaleTree(options.size, seed, today);
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const at = iso(new Date(options.now.getTime() - 400 * DAY));
  return withBulkTransaction(database, async (conn) => {
    const [existing] = await conn.query<{ seeded: boolean }>('SELECT EXISTS (SELECT 1 FROM orgs) AS seeded');
    if (existing?.seeded) return null;
    const rows: Record<string, number> = {};

    // The tree.
    const { orgIds, paths } = await writeOrgs(conn, tree, at);
    const orgAt = (i: number) => tree.orgs[i];
    rows.orgs = tree.orgs.length;

    // The default rule set (domain.md §3), stored as the root's.
    const rootId = orgIds[0] as number;
    const rootPath = paths[0] ?? '';
    const rules = DEFAULT_RULE_SET;
    const [ruleSet] = await conn.query<{ id: number }>(
      `INSERT INTO rule_sets (org_id, org_path, name, effective_from, content, created_at)
       VALUES ($1, $2, $3, '2025-07-01', $4::jsonb, $5) RETURNING id::int AS id`,
      [
        rootId,
        rootPath,
        'Quy định mặc định về sinh hoạt chi bộ (HD 12-HD/BTCTW, HD 42-HD/BTCTW)',
        JSON.stringify(rules),
        at,
      ],
    );
    const ruleSetId = ruleSet?.id ?? 0;

    // The members, with the import's columns and history.
    const indexOfCode = new Map(tree.orgs.map((o, i) => [o.code, i]));
    const keysOf = nameKeys();
    const memberIds = await writeMembers(conn, tree, { orgIds, paths, indexOfCode }, at, keysOf);
    rows.members = tree.members.length;

    // Accounts: the province's admin, and the communes' visitors (domain.md §4).
    const accounts = new IdPool(conn, 'accounts');
    const plans = new IdPool(conn, 'visit_plans');
    const supervision = supervisionRulesOf(rules);
    const span = rules.meetingWindow.toDay - rules.meetingWindow.fromDay + 1;
    const accountLines: string[] = [];
    const grantLines: string[] = [];
    await accounts.ensure(1);
    const adminId = accounts.next();
    accountLines.push(copyLine([adminId, 'admin', 'Quản trị Tỉnh ủy', passwordHash, at]));
    grantLines.push(copyLine([adminId, 'admin', rootId]));
    const communes = new Map<number, ScaleCommune>();
    const residentialOf = (i: number) =>
      ['village', 'street_group', 'residential_cluster'].includes(orgAt(i)?.category ?? '');
    // The quarters whose visiting window falls in the year seeded (up to today).
    const periods = new Map<string, { windowFrom: string }>();
    const first = new Date(Date.parse(`${today.slice(0, 7)}-01T00:00:00Z`));
    first.setUTCMonth(first.getUTCMonth() - 12);
    for (let back = 0; back <= 12; back++) {
      const d = new Date(first);
      d.setUTCMonth(d.getUTCMonth() + back);
      const period = periodContaining(supervision.period, iso(d).slice(0, 10), supervision.windowMonths);
      if (period.windowFrom <= today && period.windowTo >= iso(first).slice(0, 10))
        periods.set(period.key, period);
    }
    const planLines: string[] = [];
    const nameRng = mulberry32(seed ^ 0x7151);
    for (const [i, o] of tree.orgs.entries()) {
      if (o.parent !== 0) continue;
      const residential = tree.cells.filter((c) => orgAt(c.org)?.parent === i && residentialOf(c.org)).length;
      const count = Math.ceil(residential / span);
      await accounts.ensure(count + 1);
      const visitors: ScaleCommune['visitors'] = [];
      for (let v = 0; v < count; v++) {
        const id = accounts.next();
        const name = randomFullName(
          nameRng,
          nameRng() < 0.6 ? 'male' : 'female',
          1965 + Math.floor(nameRng() * 25),
        );
        visitors.push({ id, name });
        accountLines.push(copyLine([id, `gs.${o.code.toLowerCase()}.${v + 1}`, name, passwordHash, at]));
        grantLines.push(copyLine([id, 'visitor', orgIds[i]]));
      }
      const commune: ScaleCommune = {
        id: orgIds[i] as number,
        path: paths[i] ?? '',
        bodyName: o.name.replace(/^Đảng bộ/u, 'Đảng ủy'),
        visitors,
        plans: new Map(),
      };
      for (const [key, { windowFrom: from }] of periods) {
        await plans.ensure(1);
        const planId = plans.next();
        commune.plans.set(key, planId);
        const planned = iso(new Date(Date.parse(`${from}T08:00:00+07:00`) - 20 * DAY));
        planLines.push(
          copyLine([
            planId,
            commune.id,
            commune.path,
            key,
            'published',
            ruleSetId,
            planned,
            planned,
            planned,
          ]),
        );
      }
      communes.set(i, commune);
    }
    await conn.copy(
      'accounts',
      ['id', 'username', 'display_name', 'password_hash', 'created_at'],
      accountLines,
    );
    await conn.copy('grants', ['account_id', 'role', 'org_id'], grantLines);
    await conn.copy('visit_plans', [...SCALE_COLUMNS.visit_plans], planLines);
    rows.accounts = accountLines.length;
    rows.visit_plans = planLines.length;

    // Twelve months of meetings for every cell, with visits and recommendations.
    const sink = new CopySink(conn, SCALE_COLUMNS);
    const settle = () => sink.settle();
    const meetingIds = new IdPool(conn, 'meetings', settle);
    const visitIds = new IdPool(conn, 'visits', settle);
    const recIds = new IdPool(conn, 'recommendations', settle);
    const byCell = new Map<number, { m: (typeof tree.members)[number]; id: number }[]>();
    tree.members.forEach((m, i) => {
      const org = indexOfCode.get(m.org_code) ?? 0;
      const list = byCell.get(org) ?? [];
      list.push({ m, id: memberIds[i] as number });
      byCell.set(org, list);
    });
    const diligence = mulberry32(seed ^ 0xd111);
    for (const [done, c] of tree.cells.entries()) {
      const o = orgAt(c.org);
      const commune = communes.get(o?.parent ?? -1);
      if (!o || !commune) continue;
      const own = (byCell.get(c.org) ?? []).sort((a, b) => {
        const [x] = keysOf(a.m.full_name);
        const [y] = keysOf(b.m.full_name);
        return x < y ? -1 : x > y ? 1 : a.m.member_code < b.m.member_code ? -1 : 1;
      });
      const members: HistoryMember[] = own.map(({ m, id }) => ({
        id,
        code: m.member_code,
        fullName: m.full_name,
        position: m.position,
        birthYear: Number(m.birth_date.slice(0, 4)),
        admissionDate: m.admission_date,
        officialDate: m.official_date,
        exemptFrom: m.exempt_from,
        away: m.position === 'member' && diligence() < 1 / 250,
      }));
      const roll = diligence();
      const cell: HistoryCell = {
        id: orgIds[c.org] as number,
        code: o.code,
        path: paths[c.org] ?? '',
        name: o.name,
        kind: o.kind,
        category: o.category,
        index: c.index,
        hasCommittee: members.some((m) => m.position === 'committee_member'),
        diligence: roll < 0.12 ? 0.15 + diligence() * 0.25 : 0.5 + diligence() * 0.5,
      };
      const context: CellContext = {
        id: cell.id,
        path: cell.path,
        index: c.index,
        residential: residentialOf(c.org),
        commune,
      };
      const year = cellYear({
        cell,
        members,
        rules,
        today,
        seed,
        visitorOf: (month) => {
          const sent = visitorFor(
            context,
            rules,
            `${month}-${String(rules.meetingWindow.fromDay).padStart(2, '0')}`,
          );
          return sent
            ? { name: sent.visitor.name, role: `Dự sinh hoạt theo phân công của ${commune.bodyName}` }
            : null;
        },
      });
      await meetingIds.ensure(year.length);
      await visitIds.ensure(year.length);
      await recIds.ensure(year.length);
      const ids = year.map(() => meetingIds.next());
      await writeCellYear(
        sink,
        context,
        year,
        rules,
        ruleSetId,
        {
          meeting: (index) => ids[index] as number,
          visit: () => visitIds.next(),
          recommendation: () => recIds.next(),
        },
        { today, seed, memberNames: new Map(members.map((m) => [m.id, m.fullName])) },
      );
      options.onProgress?.(done + 1, tree.cells.length);
    }
    await sink.close();
    for (const [table, n] of sink.counts) rows[table] = n;
    await conn.query(
      `INSERT INTO audit_events (at, actor_name, action, entity_type, entity_id, org_path, detail)
       VALUES ($1, 'system', 'demo.seeded', 'org', $2, $3, $4::jsonb)`,
      [iso(options.now), tree.orgs[0]?.code, rootPath, JSON.stringify({ today, seed, scale: options.size })],
    );
    return {
      today,
      seed,
      orgs: tree.orgs.length,
      cells: tree.cells.length,
      members: tree.members.length,
      accounts: accountLines.length,
      rows,
    };
  });
}
