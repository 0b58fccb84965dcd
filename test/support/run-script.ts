import { spawn } from 'node:child_process';
import { patientDatabaseEnv } from './patience.js';

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An operations command (`npm run backup`, `restore`…) run as an operator runs it: its own process and environment. */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<ScriptRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, LECOFFRE_LOG_LEVEL: 'warn', ...patientDatabaseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
