/**
 * The contract, enforced on the test suite: every answer the API gives a test (through supertest or a
 * real socket) is checked against the committed openapi/openapi.json by openapi-backend: the status is
 * one the operation declares, the declared headers are present when required and well-formed, the
 * media type is declared, and a JSON body matches its schema. A mismatch is printed at once and fails
 * the test file when its app closes (test-app.ts), with the request and every finding.
 *
 * Requests the spec does not describe (hosted pages, /docs, unknown routes, CORS preflights) are left alone.
 */
import { readFileSync } from 'node:fs';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { type Document, OpenAPIBackend, type Operation } from 'openapi-backend';
import { validationCopy } from './contract-schemas.js';

const SPEC_PATH = new URL('../../openapi/openapi.json', import.meta.url);
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

/** RFC 3339 date-time (what `Date` serializes to); the formats openapi-backend knows are numeric only. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

let backend: Promise<OpenAPIBackend> | undefined;

/** One validator for the whole process: compiling the spec's schemas is the expensive part. */
function contractBackend(): Promise<OpenAPIBackend> {
  backend ??= (async () => {
    const definition = validationCopy(JSON.parse(readFileSync(SPEC_PATH, 'utf8'))) as Document;
    // quick: the document is not re-validated (swagger-parser, Redocly and Spectral do that in CI) and
    // validators compile on first use, for the operations a test file calls.
    const api = new OpenAPIBackend({
      definition,
      quick: true,
      strict: true,
      customizeAjv: (ajv) => ajv.addFormat('date-time', RFC3339).addFormat('binary', true),
    });
    await api.init();
    return api;
  })();
  return backend;
}

interface Exchange {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Buffer;
}

/** What is wrong with one answer, or nothing. */
export async function contractFindings(exchange: Exchange): Promise<string[]> {
  const api = await contractBackend();
  const operation = api.router.matchOperation({ method: exchange.method, path: exchange.path, headers: {}, query: {} });
  if (!operation) return [];
  const declared = operation.responses?.[String(exchange.status)] as
    | { 'x-declared-media'?: string[]; headers?: Record<string, { required?: boolean }> }
    | undefined;
  if (!declared) {
    return [`status ${exchange.status} is not declared (declared: ${Object.keys(operation.responses ?? {}).join(', ')})`];
  }
  const findings: string[] = [];
  for (const [name, header] of Object.entries(declared.headers ?? {})) {
    if (header.required && exchange.headers[name.toLowerCase()] === undefined) findings.push(`header ${name} is missing`);
  }
  const headers = api.validator.validateResponseHeaders(exchange.headers, operation as Operation, { statusCode: exchange.status });
  for (const error of headers.errors ?? []) findings.push(`header ${error.instancePath} ${error.message}`);

  const contentType = String(exchange.headers['content-type'] ?? '')
    .split(';')[0]
    .trim();
  const media = declared['x-declared-media'] ?? [];
  if (exchange.body.length === 0) {
    if (media.length > 0 && exchange.status < 300) findings.push(`the body is empty where the spec declares ${media.join(', ')}`);
    return findings;
  }
  if (media.length === 0) {
    if (exchange.body.length > 0) findings.push(`a ${contentType || 'body'} is sent where the spec declares no content`);
    return findings;
  }
  if (!media.includes(contentType)) {
    findings.push(`Content-Type ${contentType || '(none)'} is not declared (declared: ${media.join(', ')})`);
    return findings;
  }
  if (!JSON_MEDIA_TYPE.test(contentType)) return findings;
  let body: unknown;
  try {
    body = JSON.parse(exchange.body.toString('utf8'));
  } catch {
    return [...findings, 'the body is not JSON'];
  }
  const result = api.validator.validateResponse(body, operation as Operation, exchange.status);
  for (const error of result.errors ?? []) {
    findings.push(`body${error.instancePath} ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`);
  }
  return findings;
}

/** Collects the findings of every answer an app gives; `assertClean()` throws them, readable. */
export class ContractRecorder {
  readonly violations: string[] = [];
  private readonly pending = new Set<Promise<void>>();

  /** Express middleware, first in line: sees every answer's status, headers and bytes. */
  readonly middleware: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS' || req.method === 'HEAD' || !req.path.startsWith('/v1/')) return next();
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const keep = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
      );
    };
    // Express's Response types write/end as overloads; the patched versions keep every argument as given.
    (res as { write: unknown }).write = (chunk: unknown, encoding?: unknown, ...rest: unknown[]) => {
      keep(chunk, encoding);
      return write(chunk, encoding, ...rest);
    };
    (res as { end: unknown }).end = (chunk?: unknown, encoding?: unknown, ...rest: unknown[]) => {
      keep(chunk, encoding);
      return end(chunk, encoding, ...rest);
    };
    const { method, path } = req;
    res.on('finish', () => {
      const exchange = { method, path, status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) };
      const check = contractFindings(exchange).then(
        (findings) => {
          if (findings.length === 0) return;
          const message = `${method} ${req.originalUrl} -> ${res.statusCode} breaks openapi/openapi.json:\n  - ${findings.join('\n  - ')}\n  body: ${exchange.body.toString('utf8').slice(0, 500)}`;
          console.error(`CONTRACT ${message}`);
          this.violations.push(message);
        },
        (error: unknown) => {
          this.violations.push(`${method} ${req.originalUrl}: the contract check itself failed: ${String(error)}`);
        },
      );
      this.pending.add(check);
      void check.finally(() => this.pending.delete(check));
    });
    next();
  };

  async assertClean(): Promise<void> {
    await Promise.all(this.pending);
    if (this.violations.length > 0) {
      throw new Error(`${this.violations.length} answer(s) broke the API contract:\n\n${this.violations.join('\n\n')}`);
    }
  }
}

/** The app behind the contract check: what the tests drive instead of the bare app. */
export function withContractCheck(app: Express, recorder: ContractRecorder): Express {
  const checked = express();
  checked.disable('x-powered-by');
  // The app's own state (live streams, settings tests adjust) stays reachable through the wrapper.
  checked.locals = app.locals;
  checked.use(recorder.middleware);
  checked.use(app);
  return checked;
}
