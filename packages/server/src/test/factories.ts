import {
  DEFAULT_RULE_SET,
  foldForSearch,
  nameSortKey,
  type OrgCategory,
  type OrgKind,
  type Role,
} from '@nennep/core';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import type { Database, Db } from '../db/client.ts';
import { insertOne } from '../db/insert.ts';
import { accounts, grants, members } from '../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { hashPassword } from '../modules/auth/service.ts';
import { insertOrg } from '../modules/orgs/commands.ts';
import { findOrg, type OrgRow } from '../modules/orgs/queries.ts';
import { createTestDatabase } from './db.ts';

export const TEST_PASSWORD = 'test-pass-1234';
let passwordHash: Promise<string> | null = null;

/**
 * How long a test's session lasts by default. Sessions expire by the app's clock, and tests move their
 * clock forward by months after logging in: a session lasting ten years outlives any of them.
 */
export const TEST_SESSION_DAYS = 3650;

export async function buildTestApp(
  options: { clock?: () => Date; sessionDays?: number; config?: Partial<Deps['config']> } = {},
): Promise<{
  app: FastifyInstance;
  database: Database;
  db: Db;
  close: () => Promise<void>;
}> {
  const database = await createTestDatabase();
  const app = await buildApp(
    {
      database,
      config: {
        secureCookies: false,
        sessionDays: options.sessionDays ?? TEST_SESSION_DAYS,
        ...options.config,
      },
      clock: options.clock,
    },
    { webDist: null },
  );
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export async function buildOrg(
  db: Db,
  input: {
    code: string;
    name?: string;
    kind: OrgKind;
    category?: OrgCategory | null;
    parent?: string | null;
  },
): Promise<OrgRow> {
  const parent = input.parent ? await findOrg(db, input.parent) : null;
  return insertOrg(
    db,
    null,
    {
      code: input.code,
      name: input.name ?? `Tổ chức ${input.code}`,
      kind: input.kind,
      category: input.category ?? null,
    },
    parent,
  );
}

export async function buildMember(
  db: Db,
  input: {
    code: string;
    name: string;
    org: string;
    status?: 'official' | 'probationary';
    sex?: 'male' | 'female';
    exemptFrom?: string | null;
    birthDate?: string;
    position?: 'secretary' | 'deputy_secretary' | 'committee_member' | 'member';
    admissionDate?: string;
  },
) {
  const org = await findOrg(db, input.org);
  if (!org) throw new Error(`no org ${input.org}`);
  const status = input.status ?? 'official';
  const row = await insertOne(
    db
      .insert(members)
      .values({
        memberCode: input.code,
        fullName: input.name,
        sortKey: nameSortKey(input.name),
        searchText: foldForSearch(input.name),
        sex: input.sex ?? 'male',
        birthDate: input.birthDate ?? '1970-01-01',
        orgId: org.id,
        orgPath: org.path,
        status,
        admissionDate: input.admissionDate ?? '2000-05-19',
        officialDate: status === 'official' ? '2001-05-19' : null,
        exemptFrom: input.exemptFrom ?? null,
        position: input.position ?? 'member',
      })
      .returning(),
    'member',
  );
  return row;
}

export async function buildAccount(
  db: Db,
  username: string,
  role: Role,
  orgCode: string,
  memberId: number | null = null,
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const org = await findOrg(db, orgCode);
  if (!org) throw new Error(`no org ${orgCode}`);
  const account = await insertOne(
    db
      .insert(accounts)
      .values({ username, displayName: username, passwordHash: await passwordHash, memberId })
      .returning(),
    'account',
  );
  await db.insert(grants).values({ accountId: account.id, role, orgId: org.id });
  return account;
}

/** A logged-in client: carries the session cookie and the anti-forgery token. */
export interface Client {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'nennep_session');
  const { csrfToken } = response.json() as { csrfToken: string };
  const headers = { cookie: `nennep_session=${cookie?.value}`, 'x-csrf-token': csrfToken };
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...headers, ...options.headers } });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload ?? {} }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload ?? {} }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload ?? {} }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** Posts a file as `multipart/form-data` (field `file`), as the import page does. */
export function uploadFile(client: Client, url: string, fileName: string, content: Buffer, lang = 'vi') {
  const boundary = `----nennep${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n`),
    Buffer.from('Content-Type: application/octet-stream\r\n\r\n'),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': lang },
  });
}

/** Full points on every manual criterion of the default score sheet (adoption needs them scored). */
export const FULL_MANUAL_SCORES: Record<string, number> = Object.fromEntries(
  DEFAULT_RULE_SET.scoreSheet.criteria.filter((c) => c.kind === 'manual').map((c) => [c.id, c.max]),
);
