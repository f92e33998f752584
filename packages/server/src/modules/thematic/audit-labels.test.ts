import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The audit page names each action in Vietnamese and English (web app/i18n/{vi,en}-labels.ts `auditActions`):
 * every action the thematic programme, the documents to pass on and the meeting's events write has its label
 * (issue 17), so the log never shows a raw code such as `thematic.paper_shared`.
 */
const modules = new URL('..', import.meta.url).pathname;
const i18n = new URL('../../../../web/src/app/i18n/', import.meta.url).pathname;

const sources = (folder: string) =>
  readdirSync(join(modules, folder))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(join(modules, folder, f), 'utf8'));

function writtenActions(): string[] {
  const actions = new Set<string>();
  for (const text of [...sources('thematic'), ...sources('pass-on'), ...sources('meetings')]) {
    for (const m of text.matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)) actions.add(m[1] as string);
    for (const m of text.matchAll(/recordMeetingEvent\(\s*tx,\s*actor,\s*\w+,\s*'([a-z_]+)'/g))
      actions.add(`meeting.${m[1]}`);
  }
  // Written through a template: the committee's decision on a cell's own topic (registrations.ts).
  for (const decision of ['approved', 'refused']) actions.add(`thematic.${decision}`);
  return [...actions].filter((a) => /^(thematic|pass_on|meeting)\./.test(a)).sort();
}

type Labels = { auditActions: Record<string, Record<string, string>> };

describe('the audit actions of issue 17', () => {
  it('each have a Vietnamese and an English label', async () => {
    const actions = writtenActions();
    expect(actions).toContain('thematic.session_resolution_issued');
    expect(actions).toContain('meeting.so_tay_posted');
    expect(actions).toContain('pass_on.registered');
    const vi = ((await import(`${i18n}vi-labels.ts`)) as { viLabels: Labels }).viLabels;
    const en = ((await import(`${i18n}en-labels.ts`)) as { enLabels: Labels }).enLabels;
    const missing = (labels: Labels) =>
      actions.filter((a) => {
        const [group, key] = a.split('.') as [string, string];
        return typeof labels.auditActions[group]?.[key] !== 'string';
      });
    expect(missing(vi)).toEqual([]);
    expect(missing(en)).toEqual([]);
  });
});
