#!/usr/bin/env node
// Checks an HSDS export (the finder's "HSDS JSON" download, or `spaces export --format hsds`)
// against Open Referral's own HSDS 3.0 schema files, the way the specification checks its
// examples: every object closed to the fields HSDS defines, the organization package as an array
// of organizations with their services nested.
//
// The schema files are not in this repository (decision 0021): give the `schema/` folder of a
// checkout of https://github.com/openreferral/specification at its `3.0` branch.
//
// Usage: node scripts/data/check_hsds.mjs EXPORT.json SPECIFICATION/schema
// Prints the violations by kind; exit status 0 when there is none, 1 otherwise, 2 on bad usage.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const [exportPath, schemaDir] = process.argv.slice(2);
if (!exportPath || !schemaDir) {
  console.error('usage: node scripts/data/check_hsds.mjs EXPORT.json SPECIFICATION/schema');
  process.exit(2);
}

/** Closes every object that lists its properties, as the specification's example check does. */
function closed(schema) {
  if (schema && typeof schema === 'object') {
    if (schema.properties) schema.additionalProperties = false;
    Object.values(schema).forEach(closed);
  }
  return schema;
}

// The entity files refer to each other by file name ("phone.json"): each gets that name as its id.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const base = 'https://hsds.invalid/';
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
  const schema = closed(JSON.parse(readFileSync(join(schemaDir, file), 'utf8')));
  // The organization package nests each organization's services (schema/compiled/organization_package.json).
  if (file === 'organization.json') schema.properties.services = { type: 'array', items: { $ref: 'service.json' } };
  ajv.addSchema({ ...schema, $id: `${base}${file}` });
}
const organization = ajv.getSchema(`${base}organization.json`);
if (!organization) {
  console.error(`${schemaDir} holds no organization.json: give the schema/ folder of the specification`);
  process.exit(2);
}

const data = JSON.parse(readFileSync(exportPath, 'utf8'));
const kinds = new Map();
if (!Array.isArray(data)) kinds.set('the package is not an array of organizations', 1);
for (const o of Array.isArray(data) ? data : []) {
  if (organization(o)) continue;
  for (const e of organization.errors) {
    const kind = `${e.instancePath.replace(/\/\d+/g, '/*') || '/'} ${e.message}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
}
const total = [...kinds.values()].reduce((a, b) => a + b, 0);
for (const [kind, n] of kinds) console.log(`${String(n).padStart(6)}  ${kind}`);
const services = Array.isArray(data) ? data.reduce((n, o) => n + (o.services?.length ?? 0), 0) : 0;
console.log(`${exportPath}: ${services} services in ${Array.isArray(data) ? data.length : 0} organizations, ${total} violations of ${kinds.size} kinds`);
process.exit(total === 0 ? 0 : 1);
