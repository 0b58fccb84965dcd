/** What an installed consumer project weighs: the packages in its node_modules and their bytes on disk. */
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface InstalledPackage {
  name: string;
  version: string;
}

/** Every package npm installed, nested ones included (a duplicate version counts twice: it is on disk twice). */
export async function installedPackages(nodeModules: string): Promise<InstalledPackage[]> {
  const found: InstalledPackage[] = [];
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith('@')) {
        await visit(full);
        continue;
      }
      const manifest = await readFile(path.join(full, 'package.json'), 'utf8').catch(() => undefined);
      if (manifest === undefined) continue;
      const { name, version } = JSON.parse(manifest) as InstalledPackage;
      found.push({ name, version });
      await visit(path.join(full, 'node_modules'));
    }
  };
  await visit(nodeModules);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Bytes of every file under `dir` (apparent size, links not followed): what a vendor downloads and stores. */
export async function diskBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await lstat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

export const formatBytes = (bytes: number) =>
  bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} kB`;

/** A plain text table, columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
