import { useId, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * The territory a page shows, among those given: the only one, or the one picked among several
 * (kept in the page's memory, not in the address). `empty` is shown when there is none.
 */
export function TerritoryPicker<Territory extends { id: string; name: string }>({
  territories,
  empty,
  children,
}: {
  territories: readonly Territory[];
  empty: ReactNode;
  children(territory: Territory): ReactNode;
}) {
  const [chosenId, setChosenId] = useState<string>();
  const selectId = useId();
  const territory = territories.find((candidate) => candidate.id === chosenId) ?? territories[0];
  if (!territory) return <>{empty}</>;
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
