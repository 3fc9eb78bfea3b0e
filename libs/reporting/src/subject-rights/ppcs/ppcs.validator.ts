import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from './ppcs.schema.json';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The PPCS JSON Schema shipped with Relais (draft 2020-12), for whoever receives the plan. */
export const PPCS_SCHEMA = schema;

/** The problems of a plan against the schema: empty when valid, else « /chemin : message ». */
export function ppcsProblems(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} : ${error.message ?? 'invalide'}`,
  );
}
