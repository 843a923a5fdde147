// The rules of Open Referral HSDS 3.0 for the entities the finder's export writes, as a JSON
// Schema 2020-12 for Ajv: each entity's fields with their types, formats and code lists, its
// required fields, and no field HSDS does not define (as the specification's own example check,
// `validate_examples_json_schema.sh`, closes every object). Written from the 3.0 reference
// (https://docs.openreferral.org/en/latest/hsds/schema_reference.html; schemas on the `3.0`
// branch of github.com/openreferral/specification, CC BY-SA 4.0), not copied from it: see
// docs/decisions/0021-hsds-export.md, and `scripts/data/check_hsds.mjs` for a check against the
// specification's own files.
//
// Entities the export never writes (funding, contacts, programs, metadata, …) are arrays of
// objects here: present or not, they cannot hide a field of an entity we write.

const text = { type: 'string' };
const number = { type: 'number' };
const uuid = { type: 'string', format: 'uuid' };
const uri = { type: 'string', format: 'uri' };
const email = { type: 'string', format: 'email' };
const others = { type: 'array', items: { type: 'object' } };
const list = (name) => ({ type: 'array', items: { $ref: `#/$defs/${name}` } });
const one = (name) => ({ $ref: `#/$defs/${name}` });
const entity = (required, properties) => ({ type: 'object', required, additionalProperties: false, properties });
const texts = (...names) => Object.fromEntries(names.map((n) => [n, text]));
const uuids = (...names) => Object.fromEntries(names.map((n) => [n, uuid]));
const linkTypes = ['physical', 'postal', 'virtual'];

export const hsdsPackage = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  // The organization package: an array of organizations with their services nested.
  type: 'array',
  items: one('organization'),
  $defs: {
    organization: entity(['id', 'name', 'description'], {
      ...uuids('id', 'parent_organization_id'),
      ...texts('name', 'alternate_name', 'description', 'tax_status', 'tax_id', 'legal_status', 'logo'),
      email, website: uri, uri, year_incorporated: number,
      funding: others, contacts: others, programs: others, organization_identifiers: others, metadata: others,
      phones: list('phone'), locations: list('location'), attributes: list('attribute'), services: list('service'),
    }),
    service: entity(['id', 'name', 'status'], {
      ...uuids('id', 'organization_id', 'program_id'),
      ...texts('name', 'alternate_name', 'description', 'interpretation_services', 'application_process', 'fees_description',
        'wait_time', 'fees', 'accreditations', 'eligibility_description', 'assured_date', 'licenses', 'alert'),
      url: uri, email, assurer_email: email, minimum_age: number, maximum_age: number,
      last_modified: { type: 'string', format: 'date-time' },
      status: { type: 'string', enum: ['active', 'inactive', 'defunct', 'temporarily closed'] },
      phones: list('phone'), schedules: list('schedule'), service_at_locations: list('service_at_location'),
      languages: list('language'), required_documents: list('required_document'), attributes: list('attribute'),
      organization: { type: 'object' }, program: { type: 'object' },
      service_areas: others, funding: others, cost_options: others, contacts: others, metadata: others,
    }),
    service_at_location: entity(['id'], {
      ...uuids('id', 'service_id', 'location_id'), description: text,
      location: one('location'), phones: list('phone'), schedules: list('schedule'), attributes: list('attribute'),
      contacts: others, metadata: others,
    }),
    location: entity(['id', 'location_type'], {
      ...uuids('id', 'organization_id'),
      location_type: { type: 'string', enum: linkTypes }, url: uri,
      ...texts('name', 'alternate_name', 'description', 'transportation', 'external_identifier', 'external_identifier_type'),
      latitude: number, longitude: number,
      languages: list('language'), addresses: list('address'), accessibility: list('accessibility'), phones: list('phone'),
      schedules: list('schedule'), attributes: list('attribute'), contacts: others, metadata: others,
    }),
    address: entity(['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'], {
      ...uuids('id', 'location_id'),
      ...texts('attention', 'address_1', 'address_2', 'city', 'region', 'state_province', 'postal_code', 'country'),
      address_type: { type: 'string', enum: linkTypes }, attributes: list('attribute'), metadata: others,
    }),
    phone: entity(['id', 'number'], {
      ...uuids('id', 'location_id', 'service_id', 'organization_id', 'contact_id', 'service_at_location_id'),
      ...texts('number', 'type', 'description'), extension: number,
      languages: list('language'), attributes: list('attribute'), metadata: others,
    }),
    schedule: entity(['id'], {
      ...uuids('id', 'service_id', 'location_id', 'service_at_location_id'),
      ...texts('valid_from', 'valid_to', 'dtstart', 'until', 'byday', 'byweekno', 'bymonthday', 'byyearday', 'description',
        'opens_at', 'closes_at', 'attending_type', 'notes'),
      timezone: number, count: number, interval: number, schedule_link: uri,
      wkst: { type: 'string', enum: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] },
      freq: { type: 'string', enum: ['WEEKLY', 'MONTHLY'] },
      attributes: list('attribute'), metadata: others,
    }),
    attribute: entity(['id'], {
      ...uuids('id', 'link_id', 'taxonomy_term_id'), ...texts('link_type', 'link_entity', 'value'),
      taxonomy_term: one('taxonomy_term'), metadata: others,
    }),
    taxonomy_term: entity(['id', 'name', 'description'], {
      ...uuids('id', 'parent_id', 'taxonomy_id'), ...texts('code', 'name', 'description', 'taxonomy', 'language'),
      term_uri: uri, taxonomy_detail: { type: 'object' }, metadata: others,
    }),
    accessibility: entity(['id'], {
      ...uuids('id', 'location_id'), ...texts('description', 'details'), url: uri, attributes: list('attribute'), metadata: others,
    }),
    language: entity(['id'], {
      ...uuids('id', 'service_id', 'location_id', 'phone_id'), ...texts('name', 'code', 'note'),
      attributes: list('attribute'), metadata: others,
    }),
    required_document: entity(['id'], {
      ...uuids('id', 'service_id'), document: text, uri, attributes: list('attribute'), metadata: others,
    }),
  },
};
