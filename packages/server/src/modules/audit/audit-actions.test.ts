import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS, type AuditGroup, allAuditActions } from '@nennep/core';
import { describe, expect, it } from 'vitest';

/**
 * The audit page names each action in Vietnamese and English (web app/i18n/{vi,en}-labels.ts `auditActions`,
 * typed by core's registry, so `audit()` with an unknown action or a registry entry without a label does not
 * compile). What the compiler cannot see: actions written by raw SQL (`INSERT INTO audit_events … 'x.y'`),
 * and the labels at run time.
 */
const src = new URL('../..', import.meta.url).pathname;
const i18n = new URL('../../../../web/src/app/i18n/', import.meta.url).pathname;

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = join(folder, name);
    if (statSync(file).isDirectory()) return sources(file);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [readFileSync(file, 'utf8')] : [];
  });
}

/** The quoted `group.kind` literals in the few lines after each raw `INSERT INTO audit_events`. */
function rawSqlActions(): string[] {
  const found = new Set<string>();
  for (const text of sources(src)) {
    for (const m of text.matchAll(/INSERT INTO audit_events[\s\S]{0,400}/g)) {
      for (const a of m[0].matchAll(/'([a-z_]+\.[a-z_-]+)'/g)) found.add(a[1] as string);
    }
  }
  return [...found].sort();
}

type Labels = { auditActions: Record<string, Record<string, string>> };

describe('the audit actions', () => {
  it('written by raw SQL are in the registry', () => {
    const raw = rawSqlActions();
    expect(raw).toContain('import.mapping_saved');
    expect(raw).toContain('demo.seeded');
    const known = new Set<string>(allAuditActions());
    expect(raw.filter((a) => !known.has(a))).toEqual([]);
  });

  it('each have a Vietnamese and an English label', async () => {
    const vi = ((await import(`${i18n}vi-labels.ts`)) as { viLabels: Labels }).viLabels;
    const en = ((await import(`${i18n}en-labels.ts`)) as { enLabels: Labels }).enLabels;
    const missing = (labels: Labels) =>
      (Object.keys(AUDIT_ACTIONS) as AuditGroup[]).flatMap((group) =>
        AUDIT_ACTIONS[group]
          .filter((kind) => !labels.auditActions[group]?.[kind]?.trim())
          .map((kind) => `${group}.${kind}`),
      );
    expect(allAuditActions().length).toBeGreaterThan(130);
    expect(missing(vi)).toEqual([]);
    expect(missing(en)).toEqual([]);
  });
});
