import { useState } from 'react';
import { Button } from '../../ui/button';
import { AgendaItemFacts, AgendaItemTitle } from './item-facts';
import type { Direction } from './agenda-plan';
import { ItemSettings } from './item-settings';
import type { AgendaItemView, AgendaView } from './preparation.operations';

export interface EditItemProps {
  item: AgendaItemView;
  first: boolean;
  last: boolean;
  /** A move is on its way: the others wait for it, so that each starts from the order shown. */
  busy: boolean;
  territoryId: string;
  /** A partner's name, as the api names it. */
  nameOf(organisationId: string): string;
  /** A person's name, once the api named them. */
  personOf(userId: string | null | undefined): string | undefined;
  onMove(direction: Direction): void;
  onRemove(): void;
  onSaved(agenda: AgendaView, message: string): void;
}

/** One item of the agenda being prepared: what it is, its place, and its settings on demand. */
export function EditItem({
  item,
  first,
  last,
  busy,
  territoryId,
  nameOf,
  personOf,
  onMove,
  onRemove,
  onSaved,
}: EditItemProps) {
  const [open, setOpen] = useState(false);
  const named = <span className="visually-hidden"> le point {item.caseCode}</span>;
  const settingsId = `reglages-${item.id}`;
  return (
    <li className="agenda-item agenda-item-detailed">
      <AgendaItemTitle item={item} />
      <AgendaItemFacts item={item} nameOf={nameOf} presenterName={personOf(item.presenterUserId)} preparing />
      <div className="button-row item-buttons">
        <Button
          variant="quiet"
          isDisabled={first || busy}
          id={`deplacer-${item.id}-up`}
          onPress={() => onMove('up')}
        >
          Monter{named}
        </Button>
        <Button
          variant="quiet"
          isDisabled={last || busy}
          id={`deplacer-${item.id}-down`}
          onPress={() => onMove('down')}
        >
          Descendre{named}
        </Button>
        <Button
          id={`regler-${item.id}`}
          variant="quiet"
          aria-expanded={open}
          aria-controls={open ? settingsId : undefined}
          onPress={() => setOpen(!open)}
        >
          Régler{named}
        </Button>
        <Button variant="quiet" onPress={onRemove}>
          Retirer{named}
        </Button>
      </div>
      {open ? (
        <div id={settingsId}>
          <ItemSettings
            item={item}
            territoryId={territoryId}
            onCancel={() => {
              setOpen(false);
              document.getElementById(`regler-${item.id}`)?.focus();
            }}
            onSaved={(agenda, message) => {
              setOpen(false);
              document.getElementById(`regler-${item.id}`)?.focus();
              onSaved(agenda, message);
            }}
          />
        </div>
      ) : null}
    </li>
  );
}
