/**
 * The baseline of bench/api-requests.ts: a bare Express app on a pg pool, no authentication, no
 * validation, no audit. `GET /v1/folders/:id` answers the same JSON as the product from one prepared SELECT;
 * `POST /v1/folders` is one INSERT … RETURNING. Prints "ready <port>" once it listens.
 */
import express from 'express';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const officeId = process.env.BENCH_OFFICE_ID ?? '';
const deedTypeId = process.env.BENCH_DEED_TYPE_ID ?? '';

const FOLDER = `
  SELECT f.id, f.number, f.title, json_build_object('code', d.code, 'label', d.label) AS "deedType", f.note, f.access,
    COALESCE((SELECT json_agg(m.member_id ORDER BY m.member_id) FROM folder_members m WHERE m.folder_id = f.id), '[]') AS "memberIds",
    f.status, f.requests_validated, f.requests_total, f.files_pending,
    COALESCE((SELECT json_agg(json_build_object('id', c.id, 'lastName', c.last_name, 'firstName', c.first_name, 'email', c.email,
      'mobile', c.mobile, 'total', (SELECT count(*) FROM document_requests r WHERE r.folder_id = f.id AND r.client_id = c.id AND r.cancelled_at IS NULL))
      ORDER BY fc.created_at, fc.client_id) FROM folder_clients fc JOIN clients c ON c.id = fc.client_id WHERE fc.folder_id = f.id), '[]') AS clients,
    f.version, f.completed_at AS "completedAt", f.created_at AS "createdAt", f.updated_at AS "updatedAt", f.archived_at AS "archivedAt"
  FROM folders f JOIN deed_types d ON d.id = f.deed_type_id WHERE f.id = $1`;

const app = express();
app.disable('x-powered-by');
app.use(express.json());
// The baseline prepares its SELECT, as the product does (PostgreSQL plans it once per connection); the
// unprepared route is the same app as most would write it, shown beside for comparison.
const readFolder = (prepared: boolean) => async (req: express.Request, res: express.Response, next: express.NextFunction) => {
  try {
    const { rows } = await pool.query(
      prepared ? { name: 'bare_folder', text: FOLDER, values: [req.params.id] } : { text: FOLDER, values: [req.params.id] },
    );
    const row = rows[0];
    if (!row) return void res.status(404).end();
    const { requests_validated, requests_total, files_pending, ...folder } = row;
    res.json({
      ...folder,
      completion: { validated: requests_validated, total: requests_total },
      actionRequired: files_pending > 0,
      anchor: null,
    });
  } catch (error) {
    next(error);
  }
};
app.get('/v1/folders/:id', readFolder(true));
app.get('/unprepared/v1/folders/:id', readFolder(false));
let n = 0;
app.post('/v1/folders', async (req, res, next) => {
  try {
    const id = `fld_bare${process.pid}${String(n++).padStart(18, '0')}`;
    const { rows } = await pool.query(
      'INSERT INTO folders (id, office_id, number, title, deed_type_id, search_text) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [id, officeId, `bare-${req.body.number}`, req.body.title, deedTypeId, String(req.body.title).toLowerCase()],
    );
    res.status(201).json(rows[0]);
  } catch (error) {
    next(error);
  }
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`ready ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
