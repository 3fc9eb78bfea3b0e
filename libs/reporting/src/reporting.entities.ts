/** Every reporting table's entity; each part of the context adds its own. */
export const REPORTING_ENTITIES: (new (...args: never[]) => unknown)[] = [];
