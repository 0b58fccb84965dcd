/** Child processes for the pack check: their output is kept, and shown only when they fail. */
import { execFile } from 'node:child_process';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end and resolves with its exit code, whatever it is. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** A check that did not hold, with what the tool printed. */
export class CheckFailed extends Error {}

/** Runs a command that must succeed; a failure says which command, where, and what it printed. */
export async function mustRun(what: string, command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const result = await run(command, args, cwd, env);
  if (result.code !== 0) {
    throw new CheckFailed(`${what}: \`${[command, ...args].join(' ')}\` exited ${result.code} in ${cwd}\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/** Seconds since `start`, one decimal. */
export const since = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

/** npm as launched by `npm run` passes its own settings (the repository as prefix): the commands run here get none. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_') || keep.has(key)));
}
