import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { readError } from '../graphql/errors';
import { Notice } from '../ui/notice';
import { useReferrerTerritories } from './use-referrer-territory';
import type { ReferrerTerritory } from './use-referrer-territory';

export interface TerritoryChoiceProps {
  /** What the page shows for the chosen territory. */
  children(territory: ReferrerTerritory): ReactNode;
}

/**
 * The territory whose referrals the page shows: the only one, or the one picked among several
 * (kept in the page's memory, not in the address).
 */
export function TerritoryChoice({ children }: TerritoryChoiceProps) {
  const { territories, fetching, error } = useReferrerTerritories();
  const [chosenId, setChosenId] = useState<string>();
  const selectId = useId();
  if (fetching) return <p role="status">Chargement…</p>;
  if (error) return <Notice tone="error">{readError(error).message}</Notice>;
  const territory = territories.find((candidate) => candidate.id === chosenId) ?? territories[0];
  if (!territory) {
    return (
      <Notice>
        Votre compte n’a pas le rôle de partenaire qui saisit la cellule. Si vous devez adresser des saisines,
        demandez-le à l’administration de votre territoire.
      </Notice>
    );
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
