// The baseline of bench/start-memory.ts: the least a Node API on PostgreSQL does before it is ready, in
// plain JavaScript like the compiled product: load Express and pg, open a pool, run one query, listen.
// `/readyz` answers 200 from then on. No TypeScript loader, so the comparison is with dist/server.
import express from 'express';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query('SELECT 1');
const app = express();
app.get('/readyz', (_req, res) => {
  res.json({ status: 'ready' });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
