/**
 * Whose address the login limits count (issue 12, fault 2): the socket's, unless the request came
 * through a proxy the operator named in NENNEP_TRUST_PROXY.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseTrustProxy, type TrustProxy } from '../../config.ts';
import { buildTestApp } from '../../test/factories.ts';
import { THROTTLE_AFTER } from './lockout.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>> | null = null;
afterEach(async () => {
  await ctx?.close();
  ctx = null;
});

async function appTrusting(trustProxy?: TrustProxy) {
  ctx = await buildTestApp({ config: trustProxy === undefined ? {} : { trustProxy } });
  const app = ctx.app;
  return (n: number, from: string, forwarded?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: `nguoi${n}`, password: 'doan-mo' },
      remoteAddress: from,
      headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
    });
}

describe('with no proxy configured', () => {
  it('counts the socket’s address: a rotating X-Forwarded-For does not escape the throttle', async () => {
    const attempt = await appTrusting();
    for (let i = 0; i < THROTTLE_AFTER; i++) {
      expect((await attempt(i, '198.51.100.1', `203.0.113.${i + 1}`)).statusCode).toBe(401);
    }
    const next = await attempt(99, '198.51.100.1', '203.0.113.200');
    expect(next.statusCode).toBe(429);
    expect(next.json().error.code).toBe('throttled');
    // Adding the header to a throttled client changes nothing either.
    expect((await attempt(100, '198.51.100.1', '192.0.2.77, 10.0.0.1')).statusCode).toBe(429);
  });
});

describe('with the proxy configured', () => {
  it('counts the address the trusted proxy forwards, and only from that proxy', async () => {
    const attempt = await appTrusting(parseTrustProxy('10.0.0.5, 10.1.0.0/16'));
    for (let i = 0; i < THROTTLE_AFTER; i++) {
      expect((await attempt(i, '10.0.0.5', '203.0.113.9')).statusCode).toBe(401);
    }
    expect((await attempt(99, '10.0.0.5', '203.0.113.9')).statusCode).toBe(429);
    // Another client behind the same proxy (or the other range) is not held back…
    expect((await attempt(99, '10.0.0.5', '203.0.113.10')).statusCode).toBe(401);
    expect((await attempt(98, '10.1.2.3', '203.0.113.11')).statusCode).toBe(401);
    // …and a client that is not the proxy cannot borrow the header: its own address counts.
    expect((await attempt(97, '198.51.100.2', '203.0.113.9')).statusCode).toBe(401);
  });

  it('takes a hop count: the address one hop before the proxy', async () => {
    const attempt = await appTrusting(parseTrustProxy('1'));
    for (let i = 0; i < THROTTLE_AFTER; i++) await attempt(i, '127.0.0.1', `192.0.2.50, 203.0.113.${i + 1}`);
    // Each attempt came from a different client as the proxy saw it: none is throttled.
    expect((await attempt(99, '127.0.0.1', '203.0.113.1')).statusCode).toBe(401);
  });
});

describe('NENNEP_TRUST_PROXY', () => {
  it('reads nothing as no trust, a number as hops, a list as addresses and ranges', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy(' 10.0.0.5 , fd00::/8, loopback')).toEqual(['10.0.0.5', 'fd00::/8', 'loopback']);
    expect(() => parseTrustProxy('true')).toThrow('NENNEP_TRUST_PROXY');
    expect(() => parseTrustProxy('10.0.0.0/40')).toThrow('CIDR');
  });
});
