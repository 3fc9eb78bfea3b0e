import { Organisation, OrganisationKind } from '@relais/identity';
import type { RunningApi } from './api-harness';

/** More partners than a page of the directory holds (the api gives 100 at most). */
export const CROWD = 105;

/**
 * Fills the territory's directory with `count` partners whose names sort before every other
 * (« Aa… »), so that the partners a test names are past the directory's first page: a page naming
 * partners from that first page alone would not find them. One statement, through the schema owner.
 */
export async function crowdDirectory(
  api: RunningApi,
  territory: { id: string },
  count = CROWD,
): Promise<void> {
  await api.dataSource.getRepository(Organisation).insert(
    Array.from({ length: count }, (_, index) => ({
      territoryId: territory.id,
      kind: OrganisationKind.ASSOCIATION,
      name: `Aa partenaire ${String(index + 1).padStart(3, '0')}`,
      finess: null,
      siret: null,
    })),
  );
}
