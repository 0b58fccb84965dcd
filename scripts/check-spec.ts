/**
 * CI's drift check: regenerate, then fail if anything generated differs from what is committed, and
 * validate the OpenAPI document with an independent validator (swagger-parser), not with tsoa itself.
 */
import { execFileSync } from 'node:child_process';
import SwaggerParser from '@apidevtools/swagger-parser';

const GENERATED = ['openapi', 'api/http/generated', 'sdk/generated', 'docs/security.md'];

execFileSync('npx', ['tsx', 'scripts/generate.ts'], { stdio: 'inherit' });
const drift = execFileSync('git', ['status', '--porcelain', '--', ...GENERATED], { encoding: 'utf8' });
if (drift.trim()) {
  console.error(`Generated files differ from the committed ones; run \`npm run generate\` and commit:\n${drift}`);
  process.exit(1);
}
await SwaggerParser.validate('openapi/openapi.json');
console.log('openapi/openapi.json is up to date and valid');
