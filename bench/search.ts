/**
 * `npx tsx bench/search.ts [--large 1000000] [--small 1000]`: does the folder list stay flat as an office
 * grows? Two real servers (`npm start`'s entry, each on its own database of one shared PostgreSQL) hold
 * the demo office with `--small` and `--large` folders, written through the real schema with the folded
 * search text the API itself writes. Measured over HTTP with the demo API key, interleaved between the two
 * servers, three rounds, the median of each round's p50/p99:
 *
 *   - the first page of the list (no filter),
 *   - `?q=` for a word one folder carries (a client's rare surname),
 *   - `?q=` for a word one folder in 50 carries (a common surname),
 *   - `?q=` for a word one folder in 250 carries (about how often France's commonest surname is met): the
 *     search's first pass does not fill a page, and the trigram index would hand over 4 000 matches,
 *   - `?q=` for a word one folder in 2 000 carries: too rare for the search's first pass to fill
 *     a page, common enough that the trigram index would have 500 matches to sort at a million.
 *
 * Past the first pass, both words are read from the office's words (folder_words). What those cost on
 * disk is printed with each office: the tables' and indexes' sizes.
 *
 * The baseline is the same request on the small office, in the same run: the goal is p99 at the large
 * size within 2x of it. The machine's load average is printed beside each figure. Last line: JSON.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres } from '../api/db/embedded-postgres.js';
import { newId } from '../api/domain/ids.js';
import { foldForSearch } from '../api/domain/text.js';
import { exited, type ProductProcess, startProduct } from '../test/support/product-process.js';

const { values } = parseArgs({ options: { large: { type: 'string', default: '1000000' }, small: { type: 'string', default: '1000' } } });
const SIZES = { small: Number(values.small), large: Number(values.large) };
const REQUESTS = 200;
const ROUNDS = 3;
const GOAL = 2;
const BATCH = 10_000;
const RARE = 'Quintavalle';
const COMMON = 'Marchetti';
const SCARCE = 'Lombardini';
const FREQUENT = 'Morvan';
const SURNAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefebvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
];
const DEEDS = ['Vente', 'Succession', 'Donation', 'Bail', 'Prêt', 'Mariage'];

interface Office {
  name: keyof typeof SIZES;
  product: ProductProcess;
  apiKey: string;
}

async function loadavg(): Promise<string> {
  return (await readFile('/proc/loadavg', 'utf8')).split(' ')[0] ?? '?';
}

/** Folders as `createFolder` writes them: number, title, deed type and the folded search text. */
async function fill(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const office = await client.query<{ id: string }>("SELECT id FROM offices WHERE crpcen = '35026'");
    const deed = await client.query<{ id: string }>('SELECT id FROM deed_types ORDER BY id LIMIT 1');
    const officeId = office.rows[0]?.id;
    const deedTypeId = deed.rows[0]?.id;
    if (!officeId || !deedTypeId) throw new Error('the demo office or its catalogue is missing');
    // Written as a bulk import would be: the trigram indexes (on the folders' text and on their words)
    // are dropped and rebuilt with their own definitions (the migrations'), which takes a minute at a
    // million rows where row-by-row upkeep takes many. The database's triggers index the words as each
    // batch goes in.
    const trigramIndexes = ['folders_search_trgm_idx', 'search_words_trgm_idx'];
    const index = await client.query<{ indexdef: string }>('SELECT indexdef FROM pg_indexes WHERE indexname = ANY($1)', [trigramIndexes]);
    const indexdefs = index.rows.map((row) => row.indexdef);
    if (indexdefs.length !== trigramIndexes.length)
      throw new Error(`${trigramIndexes.join(' or ')} is missing: are the migrations applied?`);
    for (const name of trigramIndexes) await client.query(`DROP INDEX ${name}`);
    const rareAt = Math.floor(count / 2);
    for (let start = 0; start < count; start += BATCH) {
      const ids: string[] = [];
      const numbers: string[] = [];
      const titles: string[] = [];
      const texts: string[] = [];
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const surname =
          i === rareAt
            ? RARE
            : i % 50 === 7
              ? COMMON
              : i % 2000 === 11
                ? SCARCE
                : i % 250 === 13
                  ? FREQUENT
                  : (SURNAMES[i % SURNAMES.length] as string);
        const number = `B-${String(i).padStart(7, '0')}`;
        const title = `${DEEDS[i % DEEDS.length]} ${surname} ${SURNAMES[(i * 7) % SURNAMES.length]}`;
        ids.push(newId('fld'));
        numbers.push(number);
        titles.push(title);
        texts.push(foldForSearch(`${number} ${title}`));
      }
      await client.query(
        `INSERT INTO folders (id, office_id, number, title, deed_type_id, search_text)
         SELECT id, $1, number, title, $2, search_text FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, number, title, search_text)`,
        [officeId, deedTypeId, ids, numbers, titles, texts],
      );
    }
    for (const indexdef of indexdefs) await client.query(indexdef);
    // And finished as one: the rows' visibility recorded and their statistics gathered. Left to autovacuum,
    // that work (a million rows' hint bits, the visibility map the index-only walks need) would land in the
    // middle of the measured rounds, at a moment that varies from run to run.
    for (const table of ['folders', 'folder_words', 'search_words']) await client.query(`VACUUM ANALYZE ${table}`);
  } finally {
    await client.end();
  }
}

/**
 * The scan PostgreSQL would choose for the trigram query on folders (office, text, newest first): what
 * the search fell back to before it read the office's words, and still does for text too short or too
 * widely shared for them. Printed to compare with the measured figures, which the words answer.
 */
async function plan(databaseUrl: string, word: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN ANALYZE SELECT id FROM folders WHERE office_id = (SELECT id FROM offices WHERE crpcen = '35026')
       AND search_text LIKE $1 ORDER BY id DESC LIMIT 26`,
      [`%${word}%`],
    );
    return result.rows
      .map((r) => r['QUERY PLAN'])
      .filter((line) => /Scan|Execution/.test(line))
      .map((line) => line.trim().replace(/\s+\(cost.*?\)/, ''))
      .join('; ');
  } finally {
    await client.end();
  }
}

/**
 * The search's tables with their indexes, and each index: "folders 1.2 GB (folders_pkey 47 MB, …)", to
 * see what the search costs on disk and an index bloat as it grows.
 */
async function storageSizes(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ name: string; total: string; indexes: string }>(
      `SELECT t AS name, pg_size_pretty(pg_total_relation_size(t::regclass)) AS total,
              (SELECT string_agg(indexrelid::regclass::text || ' ' || pg_size_pretty(pg_relation_size(indexrelid)), ', ' ORDER BY indexrelid::regclass::text)
                 FROM pg_index WHERE indrelid = t::regclass) AS indexes
         FROM unnest(ARRAY['folders', 'folder_words', 'search_words']) AS t`,
    );
    return result.rows.map((r) => `${r.name} ${r.total} (${r.indexes})`).join('; ');
  } finally {
    await client.end();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function measure(office: Office, query: string): Promise<{ p50: number; p99: number; hits: number }> {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(`${office.product.baseUrl}/v1/folders?limit=25${query}`, {
      headers: { authorization: `Bearer ${office.apiKey}` },
    });
    const body = (await res.json()) as { data?: unknown[] };
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${office.name} ${query}: ${res.status} ${JSON.stringify(body)}`);
    hits = body.data?.length ?? 0;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), hits };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const work = await mkdtemp(path.join(tmpdir(), 'lecoffre-bench-search-'));
const server = await startEmbeddedPostgres({ dataDir: path.join(work, 'shared'), port: 0, durable: false, unref: true });
const offices: Office[] = [];
try {
  for (const name of ['small', 'large'] as const) {
    const url = await ensureDatabase(server.adminUrl, `search_${name}`);
    const dataDir = path.join(work, name);
    const product = await startProduct(dataDir, { DATABASE_URL: url }, 180_000);
    offices.push({ name, product, apiKey: (await readFile(path.join(dataDir, 'dev-api-key'), 'utf8')).trim() });
    const t0 = performance.now();
    await fill(url, SIZES[name]);
    console.log(`${name}: ${SIZES[name].toLocaleString('en')} folders written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const word of [RARE, COMMON, FREQUENT, SCARCE])
      console.log(`  trigram plan for q=${word.toLowerCase()}: ${await plan(url, word.toLowerCase())}`);
    console.log(`  storage: ${await storageSizes(url)}`);
  }

  const cases = [
    { label: 'list, first page', query: '' },
    { label: `search, 1 match (q=${RARE.toLowerCase()})`, query: `&q=${RARE.toLowerCase()}` },
    { label: `search, 1 in 50 (q=${COMMON.toLowerCase()})`, query: `&q=${COMMON.toLowerCase()}` },
    { label: `search, 1 in 250 (q=${FREQUENT.toLowerCase()})`, query: `&q=${FREQUENT.toLowerCase()}` },
    { label: `search, 1 in 2 000 (q=${SCARCE.toLowerCase()})`, query: `&q=${SCARCE.toLowerCase()}` },
  ];
  const rows = [];
  for (const c of cases) {
    const p99 = { small: [] as number[], large: [] as number[] };
    const p50 = { small: [] as number[], large: [] as number[] };
    const loads: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const office of offices) {
        const m = await measure(office, c.query);
        p99[office.name].push(m.p99);
        p50[office.name].push(m.p50);
        if (m.hits === 0) throw new Error(`${office.name} ${c.label}: no folder found`);
      }
      loads.push(await loadavg());
    }
    const row = {
      case: c.label,
      smallP50: median(p50.small),
      smallP99: median(p99.small),
      largeP50: median(p50.large),
      largeP99: median(p99.large),
      ratio: median(p99.large) / median(p99.small),
      load: loads.join('/'),
    };
    rows.push(row);
    console.log(
      `${row.case.padEnd(34)} ${SIZES.small.toLocaleString('en')}: p50 ${row.smallP50.toFixed(1)} ms p99 ${row.smallP99.toFixed(1)} ms | ` +
        `${SIZES.large.toLocaleString('en')}: p50 ${row.largeP50.toFixed(1)} ms p99 ${row.largeP99.toFixed(1)} ms | ratio ${row.ratio.toFixed(2)} (goal <= ${GOAL}) | load ${row.load}`,
    );
  }
  const ok = rows.every((r) => r.ratio <= GOAL);
  console.log(JSON.stringify({ bench: 'search', small: SIZES.small, large: SIZES.large, rows, ok }));
  process.exitCode = ok ? 0 : 1;
} finally {
  for (const office of offices) {
    office.product.child.kill('SIGTERM');
    await exited(office.product.child);
  }
  await server.stop();
  await rm(work, { recursive: true, force: true });
}
