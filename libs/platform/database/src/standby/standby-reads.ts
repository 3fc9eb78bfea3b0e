/** The standby's DataSource (the application role on `DATABASE_REPLICA_URL`), or null when unset. */
export const STANDBY_DATA_SOURCE = Symbol('STANDBY_DATA_SOURCE');

/**
 * What one request that may read on the standby carries: the write-ahead log position, in bytes,
 * the standby must have replayed for the reader to see all it must (its session's own writes, and
 * every write in its territories, withdrawals of consent and suspensions among them), or null when
 * it must read the primary. Asked at most once per request.
 */
export interface StandbyReads {
  requiredPosition(): Promise<bigint | null>;
}

/** Thrown inside the standby's transaction to leave it for the primary: it has not replayed far enough. */
export class StandbyBehind extends Error {
  constructor() {
    super('Le serveur secondaire n’a pas encore rejoué les dernières écritures.');
    this.name = 'StandbyBehind';
  }
}
