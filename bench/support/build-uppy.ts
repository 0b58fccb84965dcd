import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface UppyBuild {
  versions: Record<string, string>;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

const PACKAGES = ['@uppy/core', '@uppy/dashboard', '@uppy/tus'];

function npm(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk;
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm ${args.join(' ')}: ${code}\n${err}`))));
  });
}

/**
 * Uppy core + dashboard + tus as a page would load them: installed from the registry into a temporary
 * directory (outside the repository: its node_modules stay untouched), one entry that mounts an inline
 * dashboard uploading over tus, bundled and minified by esbuild for browsers, gzip -9; the dashboard's
 * stylesheets (which it needs, where our elements carry their styles in their JavaScript) counted apart.
 */
export async function buildUppy(): Promise<UppyBuild> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-bench-uppy-'));
  try {
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'uppy-baseline', private: true, type: 'module' }));
    await npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...PACKAGES], dir);
    await writeFile(
      path.join(dir, 'entry.js'),
      [
        "import Uppy from '@uppy/core';",
        "import Dashboard from '@uppy/dashboard';",
        "import Tus from '@uppy/tus';",
        "new Uppy().use(Dashboard, { inline: true, target: '#uppy' }).use(Tus, { endpoint: '/files/' });",
      ].join('\n'),
    );
    const out = await build({
      entryPoints: [path.join(dir, 'entry.js')],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      absWorkingDir: dir,
      loader: { '.css': 'empty' },
    });
    const js = Buffer.concat(out.outputFiles.map((f) => Buffer.from(f.contents)));
    let css = Buffer.alloc(0);
    for (const pkg of ['core', 'dashboard']) {
      const file = path.join(dir, 'node_modules', '@uppy', pkg, 'dist', 'style.min.css');
      if (existsSync(file)) css = Buffer.concat([css, await readFile(file)]);
    }
    const versions: Record<string, string> = {};
    for (const pkg of PACKAGES) {
      versions[pkg] = (
        JSON.parse(await readFile(path.join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }
      ).version;
    }
    return {
      versions,
      jsGzipBytes: gzipSync(js, { level: 9 }).length,
      cssGzipBytes: css.length ? gzipSync(css, { level: 9 }).length : 0,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
