/**
 * The V8 flags the api runs with, wherever it is started: `npm start` gives them to its api process
 * (`NODE_OPTIONS`), the image sets them (`ENV NODE_OPTIONS` in the Dockerfile, checked by a test)
 * and the national bench runs its servers with them.
 *
 * Semi-spaces of 64 MiB rather than V8's 16: a request's objects (rows, gated copies, the GraphQL
 * answer) die young, but with tens of requests in flight the young generation filled between their
 * awaits, so scavenges ran often and promoted objects still in use to the old generation. In CPU
 * profiles of the situations list at 32 connections the collector took 10–15 % of the api's time,
 * about 6 % with these. The young generation can then hold up to about 192 MiB more.
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/** `NODE_OPTIONS` with the api's flags added to those already given. */
export function withApiNodeFlags(nodeOptions: string | undefined): string {
  return [nodeOptions?.trim(), ...API_NODE_FLAGS].filter(Boolean).join(' ');
}
