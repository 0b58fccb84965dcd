/**
 * `npm run generate`: everything derived from the code's contract. tsoa reads the controllers and writes
 * the OpenAPI document (openapi/openapi.json) and the Express routes (api/http/generated/routes.ts).
 * Both are committed; `npm run check:spec` fails CI when they are stale.
 */
import { generateSpecAndRoutes } from '@tsoa/cli';

await generateSpecAndRoutes({ configuration: 'tsoa.json' });
console.log('generated openapi/openapi.json and api/http/generated/routes.ts');
