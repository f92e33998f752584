import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handleError } from './errors.ts';

// The refusals as a request meets them: Fastify's own checks, then zod's through the type provider
// (whose issues arrive without their input).
const app = Fastify().withTypeProvider<ZodTypeProvider>();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);
app.setErrorHandler(handleError);
app.post(
  '/meeting',
  {
    schema: { body: z.object({ date: z.iso.date(), place: z.string().max(5), chairMemberCode: z.string() }) },
  },
  async () => ({ ok: true }),
);

beforeAll(() => app.ready());
afterAll(() => app.close());

const send = (lang: 'vi' | 'en', payload: string) =>
  app.inject({
    method: 'POST',
    url: '/meeting',
    headers: { 'content-type': 'application/json', 'accept-language': lang },
    payload,
  });

type Refusal = { error: { message: string; fields: { field: string; message: string }[] } };

describe('a refused request says why in the language asked for', () => {
  it('names each field by its label, in plain words', async () => {
    const body = JSON.stringify({ date: '05/12/2026', place: 'Nhà văn hóa' });
    const vi = (await send('vi', body)).json() as Refusal;
    expect(vi.error.fields.map((f) => f.message)).toEqual([
      'Ngày: không phải một ngày hợp lệ',
      'Địa điểm: dài quá 5 ký tự',
      'Chủ trì: không được để trống',
    ]);
    expect(vi.error.message).toBe(
      'Dữ liệu không hợp lệ: Ngày: không phải một ngày hợp lệ; Địa điểm: dài quá 5 ký tự; Chủ trì: không được để trống',
    );
    const en = (await send('en', body)).json() as Refusal;
    expect(en.error.fields.map((f) => f.message)).toEqual([
      'Date: is not a valid date',
      'Place: is longer than 5 characters',
      'Chair: is required',
    ]);
  });

  it('says a wrong type is wrong, not missing', async () => {
    const body = JSON.stringify({ date: '2026-12-05', place: 'Nhà', chairMemberCode: 12 });
    const vi = (await send('vi', body)).json() as Refusal;
    expect(vi.error.fields[0]?.message).toBe('Chủ trì: phải là chữ');
  });

  it('words Fastify’s own refusals in Vietnamese too', async () => {
    const empty = await send('vi', '');
    expect(empty.statusCode).toBe(400);
    expect((empty.json() as Refusal).error.message).toBe('Dữ liệu không hợp lệ: yêu cầu không có nội dung');
    const broken = (await send('vi', '{"date":')).json() as Refusal;
    expect(broken.error.message).toBe('Dữ liệu không hợp lệ: nội dung gửi lên không đúng dạng JSON');
    expect(((await send('en', '{"date":')).json() as Refusal).error.message).toBe(
      'Invalid input: the body is not valid JSON',
    );
  });
});
