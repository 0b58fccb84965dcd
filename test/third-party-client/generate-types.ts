import { mkdir, readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import ts from 'typescript';

/**
 * What a vendor runs on our published spec: openapi-typescript, with the transform its documentation gives
 * for binary strings (`format: binary` as `Blob`), so an upload's `file` parts are typed as files.
 * Writes generated/openapi.ts beside this file; answers its path.
 */
export async function generateThirdPartyTypes(): Promise<string> {
  const spec = JSON.parse(await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'));
  const ast = await openapiTS(spec, {
    transform(schema) {
      if (schema.format === 'binary') return ts.factory.createTypeReferenceNode(ts.factory.createIdentifier('Blob'));
      return undefined;
    },
  });
  const out = new URL('./generated/openapi.ts', import.meta.url);
  await mkdir(new URL('.', out), { recursive: true });
  await writeFile(out, COMMENT_HEADER + astToString(ast));
  return out.pathname;
}
