// The vendored description of FriendliAI's image protocol (server/protocol/friendli-images.openapi.yaml)
// as JSON Schema validators, for the contract tests of the protocol, the client and the engine.
// Today's API requires `model`; `originalRequestBody` is the product's original API, without it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';

const specPath = fileURLToPath(new URL('../protocol/friendli-images.openapi.yaml', import.meta.url));
const spec = parse(readFileSync(specPath, 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('binary', true); // OpenAPI's marker for b64 text; any string
ajv.addSchema(spec, 'spec');

/** The validator of one of the spec's component schemas, by name. */
export const specSchema = (name: string) => ajv.getSchema(`spec#/components/schemas/${name}`)!;

// The product's original API: the same body, with no `model` required.
const { required, ...bodyWithoutRequired } = spec.components.schemas.DedicatedImageGenerationBody;
export const originalRequestBody = ajv.compile(
  JSON.parse(JSON.stringify({ ...bodyWithoutRequired, required: required.filter((r: string) => r !== 'model') }).replaceAll('"#/components', '"spec#/components')),
);
