import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { Notice } from '../ui/notice';
import { TerritoryPicker } from '../ui/territory-picker';
import { SituationTerritoriesQuery } from './situations.operations';

/** The roles that work on situations: the administration and the audit read none. */
const WORKING_ROLES = ['COORDINATOR', 'CELL_MEMBER', 'REFERRER', 'FOLLOWUP_PRACTITIONER'];

export interface WorkingTerritory {
  id: string;
  name: string;
  roles: readonly string[];
}

/** My active memberships where I work on situations, with my roles there. */
export function useWorkingTerritories() {
  const [result] = useQuery({ query: SituationTerritoriesQuery });
  const territories: WorkingTerritory[] = (result.data?.me.memberships ?? [])
    .filter(
      (membership) =>
        membership.status === 'ACTIVE' && membership.roles.some((role) => WORKING_ROLES.includes(role)),
    )
    .map((membership) => ({ ...membership.territory, roles: membership.roles }));
  return { territories, fetching: result.fetching && !result.data, error: result.error };
}

/** The territory whose situations the page shows: the only one, or the one picked among several. */
export function SituationTerritory({ children }: { children(territory: WorkingTerritory): ReactNode }) {
  const { territories, fetching, error } = useWorkingTerritories();
  if (fetching) return <p role="status">Chargement…</p>;
  if (error) return <Notice tone="error">{readError(error).message}</Notice>;
  return (
    <TerritoryPicker
      territories={territories}
      empty={
        <Notice>
          Votre compte ne travaille sur aucune situation : ni coordination, ni cellule, ni saisine, ni
          accompagnement. Si vous devez suivre des situations, demandez-le à l’administration de votre
          territoire.
        </Notice>
      }
    >
      {children}
    </TerritoryPicker>
  );
}
