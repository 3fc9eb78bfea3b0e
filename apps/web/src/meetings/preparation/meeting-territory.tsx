import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { readError } from '../../graphql/errors';
import { Notice } from '../../ui/notice';
import { TerritoryPicker } from '../../ui/territory-picker';
import { MeetingTerritoriesQuery } from './preparation.operations';

export interface MeetingTerritory {
  id: string;
  name: string;
  /** I coordinate its cell: I plan its meetings and prepare their agenda. */
  coordinating: boolean;
  /** My cell there, the one whose meetings I plan; null when my membership names none. */
  cellId: string | null;
  myOrganisationId: string;
}

/** The territories where I sit in the cell or coordinate it (active memberships only). */
export function useMeetingTerritories() {
  const [result] = useQuery({ query: MeetingTerritoriesQuery });
  const me = result.data?.me;
  const territories: MeetingTerritory[] | undefined = me?.memberships
    .filter(
      (membership) =>
        membership.status === 'ACTIVE' &&
        (membership.roles.includes('COORDINATOR') || membership.roles.includes('CELL_MEMBER')),
    )
    .map((membership) => ({
      id: membership.territory.id,
      name: membership.territory.name,
      coordinating: membership.roles.includes('COORDINATOR'),
      cellId: membership.cell?.id ?? null,
      myOrganisationId: me.organisationId,
    }));
  return { territories, error: result.error };
}

/** The territory whose meetings the page shows: the only one, or the one picked among several. */
export function MeetingTerritoryChoice({ children }: { children(territory: MeetingTerritory): ReactNode }) {
  const { territories, error } = useMeetingTerritories();
  if (error) return <Notice tone="error">{readError(error).message}</Notice>;
  if (!territories) return <p role="status">Chargement…</p>;
  return (
    <TerritoryPicker
      territories={territories}
      empty={
        <Notice>
          Votre compte ne coordonne pas de cellule et n’en est pas membre dans un territoire actif.
        </Notice>
      }
    >
      {children}
    </TerritoryPicker>
  );
}
