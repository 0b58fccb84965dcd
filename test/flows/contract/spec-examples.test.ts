import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { allowNullReferences } from '../../support/contract-schemas.js';

// Every example the reference shows validates against the schema it illustrates: a vendor copying one
// gets something the API accepts (request) or may really send (answer).

type Node = Record<string, unknown>;
const spec = JSON.parse(readFileSync(new URL('../../../openapi/openapi.json', import.meta.url), 'utf8')) as Node;

/** Each example of the document with a JSON pointer to the schema it belongs to. */
function examplesOf(document: Node): Array<{ where: string; schemaPointer: string; value: unknown }> {
  const found: Array<{ where: string; schemaPointer: string; value: unknown }> = [];
  const pointerSegment = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
  const walk = (node: unknown, pointer: string) => {
    if (node === null || typeof node !== 'object') return;
    const object = node as Node;
    if (object.schema && typeof object.schema === 'object') {
      if ('example' in object) found.push({ where: pointer, schemaPointer: `${pointer}/schema`, value: object.example });
      for (const [name, example] of Object.entries((object.examples ?? {}) as Record<string, { value?: unknown }>)) {
        found.push({ where: `${pointer}/examples/${name}`, schemaPointer: `${pointer}/schema`, value: example.value });
      }
    }
    for (const [key, value] of Object.entries(object)) {
      if (key === 'example' || key === 'examples') continue;
      walk(value, `${pointer}/${pointerSegment(key)}`);
    }
  };
  walk(document.paths, '#/paths');
  walk(document.components, '#/components');
  for (const [name, schema] of Object.entries((document.components as { schemas: Record<string, Node> }).schemas)) {
    if ('example' in schema)
      found.push({
        where: `#/components/schemas/${name}`,
        schemaPointer: `#/components/schemas/${pointerSegment(name)}`,
        value: schema.example,
      });
  }
  return found;
}

describe('the examples of openapi/openapi.json', () => {
  const document = structuredClone(spec);
  allowNullReferences(document);
  const ajv = new Ajv({ strict: false, allErrors: true }).addFormat('date-time', true).addFormat('binary', true);
  ajv.addFormat('double', true).addFormat('int32', true);
  ajv.addSchema(document, 'spec');
  const examples = examplesOf(document);

  it('there are examples: every problem answer has one', () => {
    assert.ok(examples.length >= 300, `only ${examples.length} examples`);
  });

  it('every JSON request body and success answer has one', () => {
    const missing: string[] = [];
    type Media = Record<string, { example?: unknown; examples?: unknown }>;
    type Op = { operationId: string; requestBody?: { content?: Media }; responses: Record<string, { content?: Media }> };
    for (const item of Object.values(spec.paths as Record<string, Record<string, Op>>)) {
      for (const operation of Object.values(item)) {
        const body = operation.requestBody?.content?.['application/json'];
        if (body && body.example === undefined && !body.examples) missing.push(`${operation.operationId} request body`);
        for (const [status, response] of Object.entries(operation.responses)) {
          const media = response.content?.['application/json'];
          if (status.startsWith('2') && media && media.example === undefined && !media.examples)
            missing.push(`${operation.operationId} ${status}`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  it('a broken example is caught', () => {
    const validate = ajv.getSchema('spec#/components/schemas/Problem');
    assert.ok(validate);
    assert.equal(validate({ type: 'x', title: 'x', status: 'four hundred', code: 'x' }), false);
  });

  it('each validates against its schema', () => {
    const failures: string[] = [];
    for (const { where, schemaPointer, value } of examples) {
      const validate = ajv.getSchema(`spec${schemaPointer}`);
      assert.ok(validate, `no schema at ${schemaPointer}`);
      if (!validate(value)) failures.push(`${where}: ${ajv.errorsText(validate.errors)}`);
    }
    assert.deepEqual(failures, []);
  });
});
