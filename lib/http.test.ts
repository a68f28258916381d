import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AccessError } from '@/lib/auth/access';
import { apiRoute, BadRequestError, boundedRequest, isCrossSite, MAX_BODY_BYTES, readJson } from './http';

const req = (init: RequestInit & { headers?: Record<string, string> } = {}) =>
  new Request('http://localhost:3000/api/x', { method: 'POST', ...init });

describe('isCrossSite', () => {
  it('trusts same-origin fetches and clients that send neither header', () => {
    expect(isCrossSite(req({ headers: { 'sec-fetch-site': 'same-origin' } }))).toBe(false);
    expect(isCrossSite(req({ headers: { host: 'localhost:3000', origin: 'http://localhost:3000' } }))).toBe(false);
    expect(isCrossSite(req())).toBe(false);
  });
  it('refuses other sites', () => {
    expect(isCrossSite(req({ headers: { 'sec-fetch-site': 'cross-site' } }))).toBe(true);
    expect(isCrossSite(req({ headers: { 'sec-fetch-site': 'same-site' } }))).toBe(true);
    expect(isCrossSite(req({ headers: { host: 'localhost:3000', origin: 'https://evil.example' } }))).toBe(true);
    expect(isCrossSite(req({ headers: { host: 'localhost:3000', origin: 'null' } }))).toBe(true);
  });
});

describe('readJson', () => {
  const Body = z.strictObject({ active: z.boolean() });
  const json = (body: string, headers: Record<string, string> = {}) =>
    req({ body, headers: { 'content-type': 'application/json', ...headers } });

  it('parses a valid body', async () => {
    await expect(readJson(json('{"active":true}'), Body)).resolves.toEqual({ active: true });
  });
  it('rejects malformed JSON, wrong types, unknown fields, other content types and huge bodies', async () => {
    await expect(readJson(json('{"active":'), Body)).rejects.toThrow('The body is not valid JSON.');
    await expect(readJson(json('{"active":"yes"}'), Body)).rejects.toThrow(/^active: /);
    await expect(readJson(json('{"active":true,"role":"admin"}'), Body)).rejects.toThrow(/role/);
    await expect(readJson(req({ body: 'active=true', headers: { 'content-type': 'text/plain' } }), Body)).rejects.toMatchObject({ status: 415 });
    const huge = JSON.stringify({ active: true, pad: 'x'.repeat(MAX_BODY_BYTES) });
    await expect(readJson(json(huge), Body)).rejects.toMatchObject({ status: 413 });
  });
  it('refuses a media type that only mentions JSON', async () => {
    const sneaky = req({ body: '{"active":true}', headers: { 'content-type': 'text/plain; x=application/json' } });
    await expect(readJson(sneaky, Body)).rejects.toMatchObject({ status: 415 });
    await expect(readJson(json('{"active":true}', { 'content-type': 'Application/JSON; charset=utf-8' }), Body)).resolves.toEqual({ active: true });
  });
  it('refuses bytes that are not UTF-8 instead of storing replacement characters', async () => {
    const bytes = Buffer.concat([Buffer.from('{"active":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const bad = req({ body: bytes, headers: { 'content-type': 'application/json' } });
    await expect(readJson(bad, z.strictObject({ active: z.string() }))).rejects.toMatchObject({ status: 400, message: 'The body is not valid UTF-8 text.' });
    await expect(readJson(json('{"active":"caf\u00e9 ☕"}'), z.strictObject({ active: z.string() }))).resolves.toEqual({ active: 'café ☕' });
  });
  it('refuses the NUL character, which PostgreSQL text cannot store', async () => {
    await expect(readJson(json('{"active":"a\\u0000b"}'), z.strictObject({ active: z.string() }))).rejects.toMatchObject({ status: 400 });
  });
  it('stops reading a streamed body at the limit when no length was declared', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
    });
    const streamed = new Request('http://localhost:3000/api/x', {
      method: 'POST',
      body: endless,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    await expect(readJson(streamed, Body)).rejects.toMatchObject({ status: 413 });
    expect(sent).toBeLessThan(MAX_BODY_BYTES * 2);
  });
});

describe('boundedRequest', () => {
  it('passes a small body on unchanged, and refuses an endless one without reading it all', async () => {
    const copy = (url: string, init: RequestInit) => new Request(url, init);
    const small = await boundedRequest(req({ body: 'email=a%40b.example&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 1024, copy);
    expect(await small.text()).toBe('email=a%40b.example&password=x');
    expect(small.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new Uint8Array(1024).fill(0x61));
      },
    });
    const streamed = new Request('http://localhost:3000/api/auth/callback/credentials', { method: 'POST', body: endless, duplex: 'half' } as RequestInit);
    await expect(boundedRequest(streamed, 8192, copy)).rejects.toMatchObject({ status: 413 });
    expect(sent).toBeLessThan(8192 * 2);
    const get = req({ method: 'GET' });
    expect(await boundedRequest(get, 1, copy)).toBe(get);
  });
});

describe('apiRoute', () => {
  it('turns access and input errors into JSON with their status', async () => {
    const denied = apiRoute(async () => {
      throw new AccessError(403, 'Not yours.');
    });
    const res = await denied(req({ method: 'GET' }), {});
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'Not yours.' });
    const bad = apiRoute(async () => {
      throw new BadRequestError('Send "active".');
    });
    expect((await bad(req({ method: 'GET' }), {})).status).toBe(400);
  });
  it('refuses a cross-site write before running the handler', async () => {
    let ran = false;
    const h = apiRoute(async () => {
      ran = true;
      return Response.json({});
    });
    const res = await h(req({ headers: { 'sec-fetch-site': 'cross-site' } }), {});
    expect(res.status).toBe(403);
    expect(ran).toBe(false);
  });
  it('hides unexpected failures behind a readable 500 and logs them', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...a: unknown[]) => logged.push(a);
    try {
      const h = apiRoute(async () => {
        throw new Error('db exploded: password=hunter2');
      });
      const res = await h(req({ method: 'GET' }), {});
      expect(res.status).toBe(500);
      expect(JSON.stringify(await res.json())).not.toContain('hunter2');
      expect(logged).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });
});
