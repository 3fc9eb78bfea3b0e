import { ownerDatabase } from '@relais/testing';
import { checkMigrations } from './migrations';

describe('migrations', () => {
  it('match the entities exactly, and every down() undoes its up()', async () => {
    const result = await checkMigrations(ownerDatabase());
    expect(result.drift).toEqual([]);
    expect(result.leftoverAfterRevert).toEqual([]);
  }, 120_000);
});
