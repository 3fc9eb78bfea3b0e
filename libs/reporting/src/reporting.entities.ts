import { PROJECTION_ENTITIES } from './projection/entities';
import { RETENTION_ENTITIES } from './retention/entities';
import { SUBJECT_RIGHTS_ENTITIES } from './subject-rights/entities';

/** Every reporting table's entity; each part of the context adds its own. */
export const REPORTING_ENTITIES: (new (...args: never[]) => unknown)[] = [
  ...PROJECTION_ENTITIES,
  ...RETENTION_ENTITIES,
  ...SUBJECT_RIGHTS_ENTITIES,
];
