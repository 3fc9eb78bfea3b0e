import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { Notice } from '../ui/notice';
import { ReferrerTerritoriesQuery } from '../referrals/referrals.operations';

export interface CoordinatedTerritory {
  id: string;
  name: string;
}

/**
 * The territory whose cell the page coordinates: the only one, or the one picked among several
 * (kept in the page's memory, not in the address).
 */
export function CoordinatedTerritoryChoice({
  children,
}: {
  children(territory: CoordinatedTerritory): ReactNode;
}) {
  // The same question as the referring pages (my memberships and their roles), read once for both.
  const [result] = useQuery({ query: ReferrerTerritoriesQuery });
  const [chosenId, setChosenId] = useState<string>();
  const selectId = useId();
  if (result.error) return <Notice tone="error">{readError(result.error).message}</Notice>;
  const me = result.data?.me;
  if (!me) return <p role="status">Chargement…</p>;
  const territories = me.memberships
    .filter((membership) => membership.status === 'ACTIVE' && membership.roles.includes('COORDINATOR'))
    .map((membership) => membership.territory);
  const territory = territories.find((candidate) => candidate.id === chosenId) ?? territories[0];
  if (!territory) {
    return <Notice>Votre compte n’a pas le rôle de coordination dans un territoire actif.</Notice>;
  }
  return (
    <>
      {territories.length > 1 ? (
        <div className="field select-field">
          <label htmlFor={selectId}>Territoire</label>
          <select id={selectId} value={territory.id} onChange={(event) => setChosenId(event.target.value)}>
            {territories.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {children(territory)}
    </>
  );
}
