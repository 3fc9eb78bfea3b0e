import { useId, useState } from 'react';
import { Checkbox, CheckboxGroup, Label, Text } from 'react-aria-components';
import { useController } from 'react-hook-form';
import type { Control } from 'react-hook-form';
import { Button } from '../../ui/button';
import type { ItemDraft } from './item-record';
import type { Attendee } from './meeting-room';

export interface ItemRoomProps {
  control: Control<ItemDraft>;
  listed: readonly Attendee[];
  isDisabled?: boolean;
}

/**
 * « Qui est dans la salle ? » for this item, in two clicks: open the list, toggle a person. The
 * members of the cell present and the item's guests are checked from the start; what is saved
 * with the item is who heard it (the minutes reach them).
 */
export function ItemRoom({ control, listed, isDisabled }: ItemRoomProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const {
    field: { value, onChange },
  } = useController({ control, name: 'presentUserIds' });
  const chosen = value;
  const organisations = new Set(
    listed.filter((person) => chosen.includes(person.userId)).map((p) => p.organisationId),
  );
  return (
    <section className="meeting-panel room" aria-label="Dans la salle pour ce point">
      <Button variant="quiet" onPress={() => setOpen(!open)} aria-expanded={open} aria-controls={panelId}>
        Qui est dans la salle ?
      </Button>
      <p className="room-count">
        {chosen.length} personne{chosen.length > 1 ? 's' : ''} de {organisations.size} organisation
        {organisations.size > 1 ? 's' : ''} pour ce point
      </p>
      <div id={panelId} hidden={!open}>
        {listed.length ? (
          <CheckboxGroup
            className="field choice-group room-choices"
            value={chosen}
            onChange={onChange}
            isDisabled={isDisabled}
          >
            <Label className="group-label">Dans la salle pour ce point</Label>
            <Text slot="description" className="hint">
              Cochés d’office : les membres de la cellule présents et les invités de ce point présents.
            </Text>
            {listed.map((person) => (
              <Checkbox key={person.userId} value={person.userId} className="choice">
                <span className="choice-box" aria-hidden="true" />
                <span>
                  {person.name}
                  <span className="choice-description">{person.organisationName}</span>
                </span>
              </Checkbox>
            ))}
          </CheckboxGroup>
        ) : (
          <p>Aucune personne présente : enregistrez d’abord les présences.</p>
        )}
      </div>
    </section>
  );
}
