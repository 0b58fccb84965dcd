/**
 * `npm run generate`: everything derived from the code's contract. tsoa reads the controllers and writes
 * the OpenAPI document (openapi/openapi.json) and the Express routes (api/http/generated/routes.ts), to
 * which the streamed upload bodies, binary answers, answers that depend on the API version, rules stated from the code (the client password), an example for every JSON body and success answer, webhook event schemas, problem codes, the security
 * schemes and the middleware's headers and answers are added (scripts/openapi-*.ts), written once with
 * two-space indentation;
 * docs/security.md is written from the capability table;
 * openapi-typescript then turns that document into the SDK's types (sdk/generated/openapi.ts), and the
 * rules the SDK and the widgets apply client-side are copied from the API's domain (scripts/sdk-rules.ts).
 * All are committed; `npm run check:spec` fails CI when they are stale.
 *
 * `npm run generate -- --sdk-only` regenerates the SDK's types from the committed openapi.json alone,
 * without reading the controllers (useful while someone else's controller is half written).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { generateSpecAndRoutes } from '@tsoa/cli';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { type OpenApiDocument, serialize } from './openapi/document.js';
import { markBinaryAnswers } from './openapi-binary-answers.js';
import { applyConventions } from './openapi-conventions.js';
import { addExamples } from './openapi-examples.js';
import { addProblemCodes } from './openapi-problem-codes.js';
import { describeRules } from './openapi-rules.js';
import { modelSecurity } from './openapi-security.js';
import { tidySchemas } from './openapi-tidy.js';
import { addUploadBodies } from './openapi-upload-bodies.js';
import { describeVersionedAnswers } from './openapi-versioned-answers.js';
import { addWebhookEvents } from './openapi-webhook-events.js';
import { SHARED_RULES, writeSharedRules } from './sdk-rules.js';
import { renderSecurityDoc } from './security-doc.js';

const SPEC = new URL('../openapi/openapi.json', import.meta.url);
const SDK_TYPES = new URL('../sdk/generated/openapi.ts', import.meta.url);

if (!process.argv.includes('--sdk-only')) {
  await generateSpecAndRoutes({ configuration: 'tsoa.json' });
  const spec = JSON.parse(await readFile(SPEC, 'utf8')) as OpenApiDocument;
  addUploadBodies(spec);
  markBinaryAnswers(spec);
  describeVersionedAnswers(spec);
  describeRules(spec);
  addWebhookEvents(spec);
  addProblemCodes(spec);
  tidySchemas(spec);
  modelSecurity(spec);
  applyConventions(spec);
  addExamples(spec);
  await writeFile(SPEC, serialize(spec));
  await writeFile(new URL('../docs/security.md', import.meta.url), await renderSecurityDoc(SPEC));
  console.log('generated openapi/openapi.json, api/http/generated/routes.ts and docs/security.md');
}

// Same output as the openapi-typescript CLI with default options: the file says it is generated.
const ast = await openapiTS(SPEC);
await mkdir(new URL('.', SDK_TYPES), { recursive: true });
await writeFile(SDK_TYPES, COMMENT_HEADER + astToString(ast));
console.log('generated sdk/generated/openapi.ts');

await writeSharedRules(writeFile);
console.log(`generated ${SHARED_RULES.map(([, copy]) => copy).join(', ')}`);
