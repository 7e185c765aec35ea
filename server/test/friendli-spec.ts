// The vendored descriptions of FriendliAI's image protocols (server/protocol/friendli-images.openapi.yaml,
// dedicated; friendli-container-images.openapi.yaml, the Friendli Container) as JSON Schema
// validators, for the contract tests of the protocol, the client and the engine.
// Today's API requires `model`; `originalRequestBody` is the product's original API, without it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';

const load = (file: string) => parse(readFileSync(fileURLToPath(new URL(`../protocol/${file}`, import.meta.url)), 'utf8'));
const spec = load('friendli-images.openapi.yaml');
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('binary', true); // OpenAPI's marker for b64 text; any string
ajv.addSchema(spec, 'spec');
const containerSpec = load('friendli-container-images.openapi.yaml');
ajv.addSchema(containerSpec, 'container');

/** The validator of one of the dedicated spec's component schemas, by name. */
export const specSchema = (name: string) => ajv.getSchema(`spec#/components/schemas/${name}`)!;

/** The validator of one of the container spec's component schemas, by name. */
export const containerSpecSchema = (name: string) => ajv.getSchema(`container#/components/schemas/${name}`)!;

/** The fields a container body schema names (the spec does not forbid others: tests check that none is sent). */
export const containerSpecFields = (name: string): string[] => Object.keys(containerSpec.components.schemas[name].properties);

// The product's original API: the same body, with no `model` required.
const { required, ...bodyWithoutRequired } = spec.components.schemas.DedicatedImageGenerationBody;
export const originalRequestBody = ajv.compile(
  JSON.parse(JSON.stringify({ ...bodyWithoutRequired, required: required.filter((r: string) => r !== 'model') }).replaceAll('"#/components', '"spec#/components')),
);
