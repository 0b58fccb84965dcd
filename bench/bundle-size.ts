/**
 * `npx tsx bench/bundle-size.ts`: what `<lecoffre-folder>` + `<lecoffre-upload>` cost a vendor's page, built
 * as `npm run build` builds them (the widgets configuration of rollup.config.mjs: node-resolve for browsers,
 * esbuild to ES2022, terser), lit, @lit/context and the SDK client included. A page loads the entry and
 * every chunk it imports statically before the elements run; chunks imported dynamically (hash-wasm's
 * streaming SHA-256 for large files, the proof verifier) load only when used, so they are listed apart and
 * not counted. Sizes are gzip -9 per file, as each is a request of its own.
 *
 * The comparison is Uppy core + dashboard + tus, the upload widget vendors would otherwise reach for, installed
 * and built in the same run (bench/support/build-uppy.ts): the ratio is what a page really loads up front
 * from us over Uppy's JavaScript, gzip; goal <= 0.3. That is the documented embed, lecoffre-loader.js, with
 * the chunks a client's page (<lecoffre-upload>) or a notary's page (<lecoffre-folder>) loads before its
 * element runs. lecoffre-widgets.js, the script that defines every element at once, is measured beside it
 * for reference. Budget of the two elements bundled together: <= 35 kB. JSON summary last.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type OutputBundle, type OutputChunk, type Plugin, type RollupOptions, rollup } from 'rollup';
import { buildUppy } from './support/build-uppy.js';
import { type BenchRow, loadavg } from './support/rows.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUDGET_BYTES = 35_000;
const RATIO_GOAL = 0.3;

const ENTRY = '\0lecoffre-bundle-budget';

/** One entry that registers exactly the two elements the budget is about, as a page embedding both would. */
const budgetEntry: Plugin = {
  name: 'lecoffre-bundle-budget-entry',
  resolveId: (id) => (id === ENTRY ? id : null),
  load: (id) =>
    id === ENTRY
      ? ['widgets/folder/folder.ts', 'widgets/upload/upload.ts']
          .map((file) => `import ${JSON.stringify(path.join(ROOT, file))};`)
          .join('\n')
      : null,
};

/** The production configuration of the widgets (the rollup.config.mjs entry that writes dist/widgets). */
async function widgetsConfig(): Promise<RollupOptions> {
  // A plain JavaScript module without types: read as data, and checked below.
  const configs = (await import(new URL('../rollup.config.mjs', import.meta.url).href)).default as RollupOptions[];
  const widgets = configs.find((config) => !Array.isArray(config.output) && config.output?.dir === 'dist/widgets');
  if (!widgets) throw new Error('rollup.config.mjs has no configuration writing dist/widgets');
  return widgets;
}

interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

interface Measured {
  upFront: FileSize[];
  onDemand: FileSize[];
  /** Bytes of the up-front code per source folder or package, after tree-shaking, before minification. */
  sources: [string, number][];
}

/** `widgets/folder`, `sdk/core`, `npm:lit-html`…: where to look first when the budget is tight. */
function sourceGroup(moduleId: string): string {
  const relative = path.relative(ROOT, moduleId).split(path.sep).join('/');
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(relative);
  if (npm) return `npm:${npm[1]}`;
  return /^(widgets|sdk)\/[^/]+\//.exec(relative)?.[0].slice(0, -1) ?? relative;
}

const sizeOf = (chunk: OutputChunk): FileSize => ({
  file: chunk.fileName,
  bytes: Buffer.byteLength(chunk.code),
  gzip: gzipSync(chunk.code, { level: 9 }).length,
});

/** Splits a build into what its entry loads before running (static imports, transitively) and the rest. */
function split(bundle: OutputBundle, entryName: string): Measured {
  const chunks = new Map(Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])));
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry && chunk.name === entryName);
  if (!entry) throw new Error(`no entry chunk ${entryName}`);
  const upFront = new Set<string>();
  const visit = (fileName: string) => {
    if (upFront.has(fileName)) return;
    upFront.add(fileName);
    for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
  };
  visit(entry.fileName);
  const all = [...chunks.values()];
  const sources = new Map<string, number>();
  for (const chunk of all.filter((candidate) => upFront.has(candidate.fileName))) {
    for (const [id, module] of Object.entries(chunk.modules)) {
      if (module.renderedLength > 0) sources.set(sourceGroup(id), (sources.get(sourceGroup(id)) ?? 0) + module.renderedLength);
    }
  }
  return {
    upFront: all.filter((chunk) => upFront.has(chunk.fileName)).map(sizeOf),
    onDemand: all.filter((chunk) => !upFront.has(chunk.fileName)).map(sizeOf),
    sources: [...sources].sort((a, b) => b[1] - a[1]),
  };
}

async function measure(config: RollupOptions, input: Record<string, string>, plugins: Plugin[] = []): Promise<Measured> {
  const build = await rollup({
    ...config,
    input,
    plugins: [...plugins, ...(Array.isArray(config.plugins) ? config.plugins : [])],
    onwarn: () => {}, // circular-import notices from dependencies are not this bench's business
  });
  try {
    const output = config.output as Exclude<RollupOptions['output'], unknown[] | undefined>;
    const { output: files } = await build.generate({ ...output, sourcemap: false });
    const bundle: OutputBundle = Object.fromEntries(files.map((file) => [file.fileName, file]));
    return split(bundle, Object.keys(input)[0]);
  } finally {
    await build.close();
  }
}

/**
 * What a page using the loader (`lecoffre-loader.js`) really loads before its element runs: the loader and
 * its static chunks, then the element's chunk and everything that imports statically. Gzip bytes per page.
 */
async function loaderPages(config: RollupOptions, elements: Record<string, string>): Promise<Record<string, number>> {
  const build = await rollup({
    ...config,
    input: { 'lecoffre-loader': path.join(ROOT, 'widgets', 'loader.ts') },
    onwarn: () => {},
  });
  try {
    const output = config.output as Exclude<RollupOptions['output'], unknown[] | undefined>;
    const { output: files } = await build.generate({ ...output, sourcemap: false });
    const chunks = new Map(files.flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])));
    const closure = (start: string, into: Set<string>) => {
      if (into.has(start)) return;
      into.add(start);
      for (const imported of chunks.get(start)?.imports ?? []) closure(imported, into);
    };
    const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
    if (!entry) throw new Error('no loader entry');
    const pages: Record<string, number> = {};
    for (const [name, file] of Object.entries(elements)) {
      // The chunk holding the element's module (rollup may merge it with code another element shares).
      const element = [...chunks.values()].find((chunk) => Object.hasOwn(chunk.modules, path.join(ROOT, file)));
      if (!element) throw new Error(`no chunk for ${file}`);
      const loaded = new Set<string>();
      closure(entry.fileName, loaded);
      closure(element.fileName, loaded);
      pages[name] = [...loaded].reduce(
        (sum, fileName) => sum + gzipSync((chunks.get(fileName) as OutputChunk).code, { level: 9 }).length,
        0,
      );
    }
    return pages;
  } finally {
    await build.close();
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const total = (files: FileSize[], key: 'bytes' | 'gzip') => files.reduce((sum, file) => sum + file[key], 0);

function print(title: string, measured: Measured): void {
  console.log(title);
  for (const file of measured.upFront)
    console.log(`  ${file.file.padEnd(44)} ${kB(file.bytes).padStart(9)} min ${kB(file.gzip).padStart(9)} gzip`);
  console.log(
    `  ${'up front, total'.padEnd(44)} ${kB(total(measured.upFront, 'bytes')).padStart(9)} min ${kB(total(measured.upFront, 'gzip')).padStart(9)} gzip`,
  );
  for (const file of measured.onDemand) {
    console.log(`  (on demand) ${file.file.padEnd(32)} ${kB(file.bytes).padStart(9)} min ${kB(file.gzip).padStart(9)} gzip`);
  }
}

const started = performance.now();
const config = await widgetsConfig();
const budget = await measure(config, { 'folder-and-upload': ENTRY }, [budgetEntry]);
// For reference: /assets/lecoffre-widgets.js, which registers every element (folder list and bars too).
const everything = await measure(config, { 'lecoffre-widgets': path.join(ROOT, 'widgets', 'index.ts') });

print('<lecoffre-folder> + <lecoffre-upload> (lit, @lit/context, SDK client included), production build:', budget);
console.log('  Up-front code by source, before minification:');
for (const [source, bytes] of budget.sources.slice(0, 12)) console.log(`    ${source.padEnd(40)} ${kB(bytes).padStart(9)}`);
console.log('');
print('For reference, lecoffre-widgets.js (every element):', everything);

const ELEMENT_PAGES = {
  "a client's page, <lecoffre-upload>": 'widgets/upload/upload.ts',
  "a notary's page, <lecoffre-folder>": 'widgets/folder/folder.ts',
};
const pages = await loaderPages(config, ELEMENT_PAGES);
console.log('');
console.log('With lecoffre-loader.js (each element downloaded on first use), what a page loads before its element runs:');
for (const [page, bytes] of Object.entries(pages)) console.log(`  ${page.padEnd(44)} ${kB(bytes).padStart(9)} gzip`);
// A vendor's bundler given the element's own entry (`import '@lecoffre/widgets/upload'`), built the same way.
const bundled: Record<string, number> = {};
for (const [page, file] of Object.entries(ELEMENT_PAGES)) {
  bundled[page] = total((await measure(config, { element: path.join(ROOT, file) })).upFront, 'gzip');
}
console.log("Bundled from the element's own npm entry (@lecoffre/widgets/upload, /folder), what the page loads up front:");
for (const [page, bytes] of Object.entries(bundled)) console.log(`  ${page.padEnd(44)} ${kB(bytes).padStart(9)} gzip`);

const gzip = total(budget.upFront, 'gzip');
const shipped = total(everything.upFront, 'gzip');
const loadBefore = await loadavg();
const uppy = await buildUppy();
const ratio = shipped / uppy.jsGzipBytes;
const loadAfter = await loadavg();
const withinBudget = gzip <= BUDGET_BYTES;

console.log('');
console.log(`Up front, the two elements: ${kB(gzip)} gzip (budget ${kB(BUDGET_BYTES)}): ${withinBudget ? 'within budget' : 'OVER BUDGET'}`);
console.log(
  `Uppy ${Object.entries(uppy.versions)
    .map(([name, version]) => `${name}@${version}`)
    .join(' ')}, built now: ${kB(uppy.jsGzipBytes)} gzip JavaScript (+ ${kB(uppy.cssGzipBytes)} gzip of stylesheets, not counted)`,
);
for (const [page, bytes] of Object.entries(pages)) {
  console.log(
    `Ratio, ${page} through lecoffre-loader.js (${kB(bytes)}) / Uppy: ${(bytes / uppy.jsGzipBytes).toFixed(2)} (goal <= ${RATIO_GOAL})`,
  );
}
console.log(`For reference, lecoffre-widgets.js up front (${kB(shipped)}) / Uppy: ${ratio.toFixed(2)}`);
console.log(`Built in ${Math.round(performance.now() - started)} ms`);
const baseline = `${kB(uppy.jsGzipBytes)} Uppy core+dashboard+tus built now`;
/** A page's up-front bytes as a row judged against the goal. */
const pageRow = (figure: string, bytes: number): BenchRow => ({
  figure,
  product: kB(bytes),
  baseline,
  ratio: bytes / uppy.jsGzipBytes,
  goal: `<= ${RATIO_GOAL}`,
  met: bytes / uppy.jsGzipBytes <= RATIO_GOAL,
  load: `${loadBefore}/${loadAfter}`,
});
const rows: BenchRow[] = [
  ...Object.entries(pages).map(([page, bytes]) => pageRow(`widgets up front, ${page} through lecoffre-loader.js (gzip)`, bytes)),
  ...Object.entries(bundled).map(([page, bytes]) => pageRow(`widgets up front, ${page} bundled from its npm entry (gzip)`, bytes)),
  // The script a page needing every element before anything shows may choose instead: not the documented
  // embed, so shown for reference.
  {
    figure: 'widgets up front, lecoffre-widgets.js (every element at once) + static chunks (gzip)',
    product: `${kB(shipped)}`,
    baseline,
    ratio,
    goal: 'none (reference)',
    met: null,
    load: `${loadBefore}/${loadAfter}`,
  },
];
const ok = withinBudget && rows.every((row) => row.met !== false);
console.log(
  JSON.stringify({
    bench: 'bundle-size',
    upFrontGzipBytes: gzip,
    upFrontMinBytes: total(budget.upFront, 'bytes'),
    onDemandGzipBytes: total(budget.onDemand, 'gzip'),
    allElementsUpFrontGzipBytes: shipped,
    budgetBytes: BUDGET_BYTES,
    uppy,
    ratio,
    loaderPages: pages,
    bundledPages: bundled,
    rows,
    ok,
  }),
);
process.exitCode = ok ? 0 : 1;
