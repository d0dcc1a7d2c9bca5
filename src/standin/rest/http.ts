import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UploadedFile } from '../types.js';

export interface ParsedBody {
  /** Parsed JSON body (or payload_json for multipart); undefined when there is none. */
  readonly json: unknown;
  readonly files: UploadedFile[];
  /** True when the body was present but not valid JSON. */
  readonly invalidJson: boolean;
}

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(text: string): { value: unknown; ok: boolean } {
  if (text.trim() === '') return { value: undefined, ok: true };
  try {
    return { value: JSON.parse(text) as unknown, ok: true };
  } catch {
    return { value: undefined, ok: false };
  }
}

/** JSON or multipart/form-data (payload_json + files[n], as discord.js sends uploads). */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { json: undefined, files: [], invalidJson: false };
  if (contentType?.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  const { value, ok } = parseJson(raw.toString('utf8'));
  return { json: value, files: [], invalidJson: !ok };
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Request('http://stand-in.local/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: raw,
  }).formData();
  const files: UploadedFile[] = [];
  let payload: unknown;
  let invalidJson = false;
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') {
        const parsed = parseJson(value);
        payload = parsed.value;
        invalidJson = !parsed.ok;
      }
      continue;
    }
    const data = Buffer.from(await value.arrayBuffer());
    files.push({ field, name: value.name, contentType: value.type || 'application/octet-stream', size: data.length, data });
  }
  return { json: payload, files, invalidJson };
}

export function sendJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
