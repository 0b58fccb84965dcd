import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import request from 'supertest';
import { inSequence } from './in-sequence.js';

/** An app with `handlers` in sequence on /v1, a route after them, and an error handler naming the error. */
function appWith(...handlers: RequestHandler[]) {
  const app = express();
  app.use('/v1', inSequence(...handlers));
  app.get('/v1/things', (_req, res) => {
    res.json({ seen: res.getHeader('x-seen') });
  });
  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    res.status(500).json({ error: (error as Error).message, seen: res.getHeader('x-seen') });
  };
  app.use(onError);
  return app;
}

/** A middleware that appends `name` to the x-seen header, then goes on. */
const mark =
  (name: string): RequestHandler =>
  (_req, res, next) => {
    res.setHeader('x-seen', `${res.getHeader('x-seen') ?? ''}${name}`);
    next();
  };

describe('inSequence', () => {
  it('runs every handler in order, each seeing the path as mounted alone, then the routes after it', async () => {
    const paths: string[] = [];
    const app = appWith(
      mark('a'),
      (req, _res, next) => {
        paths.push(`${req.baseUrl}|${req.path}`);
        next();
      },
      mark('b'),
    );
    const res = await request(app).get('/v1/things').expect(200);
    assert.deepEqual(res.body, { seen: 'ab' });
    assert.deepEqual(paths, ['/v1|/things']);
  });

  it('skips the rest on an error passed to next, thrown, or a rejected promise', async () => {
    const failures: Array<[string, RequestHandler]> = [
      ['passed', (_req, _res, next) => next(new Error('passed'))],
      [
        'thrown',
        () => {
          throw new Error('thrown');
        },
      ],
      ['rejected', async () => Promise.reject(new Error('rejected'))],
    ];
    for (const [name, failing] of failures) {
      const res = await request(appWith(mark('a'), failing, mark('b')))
        .get('/v1/things')
        .expect(500);
      assert.deepEqual(res.body, { error: name, seen: 'a' }, name);
    }
  });

  it('lets a handler answer and stop there', async () => {
    const app = appWith(
      mark('a'),
      (_req, res) => {
        res.status(204).end();
      },
      mark('b'),
    );
    const res = await request(app).get('/v1/things').expect(204);
    assert.equal(res.headers['x-seen'], 'a');
  });
});
