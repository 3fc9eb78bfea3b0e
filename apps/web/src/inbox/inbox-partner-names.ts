import { usePartnerNames } from '../directory/use-directory-names';
import type { PartnerNames } from '../directory/use-directory-names';
import { readError } from '../graphql/errors';

/** The partners an inbox section shows, named by the api from their ids. */
export function useInboxPartnerNames(
  territoryId: string,
  ids: readonly (string | null | undefined)[],
): PartnerNames {
  return usePartnerNames(territoryId, ids, 'partenaire inconnu');
}

/** Why a section shows « partenaire inconnu » where a name was expected, in the api's words. */
export function namesError(names: PartnerNames): string | undefined {
  return names.error ? readError(names.error).message : undefined;
}
