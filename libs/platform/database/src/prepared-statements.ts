import { createHash } from 'node:crypto';
import { Client, QueryResult } from 'pg';
import { isScopeStatement, openingWithScope, START_TRANSACTION } from './transaction-opening';

/**
 * A statement opts into plan reuse by opening with `/* prepared:<name> *\/` (what a QueryBuilder's
 * `.comment('prepared:<name>')` writes). Postgres plans every unnamed statement again, and row-level
 * security with the compiled access conditions makes planning cost more than running; a named
 * statement is parsed once per connection and its plan kept there.
 */
const MARKER = /^\/\* prepared:([A-Za-z0-9_.:-]+) \*\//;

/**
 * How many marked texts one connection prepares at most. Marked statements are fixed texts, so this
 * is never reached in practice; a marked text that varies (an `IN` list of any length) stops being
 * prepared there instead of filling the server's memory.
 */
export const MAX_PREPARED_PER_CONNECTION = 500;

/** Names already worked out, by text: hashing a long statement on every run would cost more than looking it up. */
const names = new Map<string, string | null>();

/**
 * The name a marked text is prepared under, or null when it carries no marker. The hash of the
 * whole text is part of the name: Postgres keeps one text per name on a connection, so two texts
 * under one marker (or one text changed by a deployment) never meet. Names stay under Postgres's
 * 63 bytes, past which it would cut them and make different names one.
 */
export function preparedStatementName(text: string): string | null {
  if (!text.startsWith('/* prepared:')) return null;
  let name = names.get(text);
  if (name === undefined) {
    const marker = MARKER.exec(text);
    name = marker
      ? `${marker[1].slice(0, 40)}-${createHash('sha256').update(text).digest('base64url').slice(0, 16)}`
      : null;
    // The texts of one process are few; a process fed ever new ones hashes again rather than grows.
    if (names.size >= 5_000) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * The pg client the pool makes its connections from (TypeORM's `extra.Client`). Texts with the
 * marker go as named statements. TypeORM's `START TRANSACTION` waits for the next query: when that
 * is the scope, both go in one message (`openingWithScope`); anything else follows it as sent.
 * Every other query, and TypeORM's own path to this method, stay as they were.
 */
export class PreparingClient extends Client {
  private readonly prepared = new Set<string>();
  /** A `START TRANSACTION` answered but not sent yet: it goes with the next query. */
  openingHeld = false;

  /** The name to prepare `text` under on this connection, or null to send it unnamed. */
  nameFor(text: string): string | null {
    const name = preparedStatementName(text);
    if (!name || this.prepared.has(name)) return name;
    if (this.prepared.size >= MAX_PREPARED_PER_CONNECTION) return null;
    this.prepared.add(name);
    return name;
  }
}

// pg's own method, looked up at each call so that what is sent can be watched on pg's Client.
const sendPlain = (client: Client, ...args: unknown[]): unknown =>
  (Client.prototype.query as (this: Client, ...args: unknown[]) => unknown).apply(client, args);

/** What pg answers to `START TRANSACTION`, given while it is held. */
const OPENED: Pick<QueryResult, 'command' | 'rowCount' | 'rows' | 'fields'> = {
  command: 'BEGIN',
  rowCount: null,
  rows: [],
  fields: [],
};

function send(client: PreparingClient, config: unknown, values?: unknown, callback?: unknown): unknown {
  const name = typeof config === 'string' ? client.nameFor(config) : null;
  return name
    ? sendPlain(client, { name, text: config }, values, callback)
    : sendPlain(client, config, values, callback);
}

// Set on the prototype rather than declared: `Client.query` is a dozen overloads a single override
// cannot restate. pg reads `(config, values, callback)` the same whether config is a text or an object.
PreparingClient.prototype.query = function query(
  this: PreparingClient,
  config: unknown,
  values?: unknown,
  callback?: unknown,
) {
  // pg also takes a callback in the place of the values.
  const answered = [values, callback].find((argument) => typeof argument === 'function') as
    ((error: unknown) => void) | undefined;
  if (!this.openingHeld) {
    if (config === START_TRANSACTION && values === undefined && !answered) {
      this.openingHeld = true;
      return Promise.resolve({ ...OPENED, rows: [] });
    }
    return send(this, config, values, callback);
  }
  this.openingHeld = false;
  if (isScopeStatement(config) && Array.isArray(values) && !answered) {
    const opening = openingWithScope(config, values, (value) => this.escapeLiteral(value));
    if (opening) return (sendPlain(this, opening) as Promise<QueryResult[]>).then((results) => results[1]);
  }
  // Anything else follows the opening, and only once it succeeded: never outside the transaction.
  const opened = sendPlain(this, START_TRANSACTION) as Promise<unknown>;
  if (!answered) return opened.then(() => send(this, config, values));
  opened.then(() => send(this, config, values, callback), answered);
  return undefined;
} as Client['query'];
