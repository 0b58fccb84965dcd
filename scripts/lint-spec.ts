/**
 * `npm run lint:spec`: the committed OpenAPI document linted as a third party would, with Redocly's
 * recommended ruleset (redocly.yaml, intended exceptions in .redocly.lint-ignore.yaml) and Spectral's
 * `spectral:oas` (.spectral.yaml). Zero errors and zero warnings, or the command fails: Redocly's exit
 * status ignores warnings, so its JSON totals are read instead.
 */
import { spawnSync } from 'node:child_process';

const SPEC = 'openapi/openapi.json';
// Neither tool may phone home from CI.
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1' };

const redocly = spawnSync('npx', ['redocly', 'lint', SPEC, '--config', 'redocly.yaml', '--format', 'json'], { env, encoding: 'utf8' });
const totals = (JSON.parse(redocly.stdout || '{}') as { totals?: { errors: number; warnings: number } }).totals;
if (!totals || totals.errors > 0 || totals.warnings > 0) {
  // Again in the readable format, to show what to fix.
  spawnSync('npx', ['redocly', 'lint', SPEC, '--config', 'redocly.yaml'], { env, stdio: 'inherit' });
  console.error(`Redocly: ${totals ? `${totals.errors} errors, ${totals.warnings} warnings` : redocly.stderr}`);
  process.exit(1);
}
console.log('Redocly (recommended): 0 errors, 0 warnings');

const spectral = spawnSync(
  'npx',
  ['spectral', 'lint', SPEC, '--ruleset', '.spectral.yaml', '--fail-severity', 'hint', '--format', 'text'],
  {
    env,
    stdio: 'inherit',
  },
);
if (spectral.status !== 0) {
  console.error('Spectral (spectral:oas): the document has findings');
  process.exit(1);
}
console.log('Spectral (spectral:oas): 0 errors, 0 warnings');
