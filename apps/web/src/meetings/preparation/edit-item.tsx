import { useState } from 'react';
import { Button } from '../../ui/button';
import {
  agendaItemKindLabel,
  referrerKindLabel,
  suggestionReasonLabel,
  writtenDuration,
} from '../meeting-labels';
import type { Direction } from './agenda-plan';
import { ItemSettings } from './item-settings';
import type { Member, Partner } from './item-settings';
import type { AgendaItemView, AgendaView } from './preparation.operations';

export interface EditItemProps {
  item: AgendaItemView;
  first: boolean;
  last: boolean;
  /** A move is on its way: the others wait for it, so that each starts from the order shown. */
  busy: boolean;
  partners: readonly Partner[];
  members: readonly Member[];
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
  partners,
  members,
  onMove,
  onRemove,
  onSaved,
}: EditItemProps) {
  const [open, setOpen] = useState(false);
  const nameOf = (id: string) => partners.find((partner) => partner.id === id)?.name ?? 'un partenaire';
  const presenter = members.find((member) => member.id === item.presenterUserId);
  const named = <span className="visually-hidden"> le point {item.caseCode}</span>;
  const settingsId = `reglages-${item.id}`;
  return (
    <li className="agenda-item agenda-item-detailed">
      <p className="agenda-item-title">
        <span className="agenda-position">Point {item.position}</span>{' '}
        <span className="case-code">{item.caseCode}</span>
        {item.pseudonym ? <span className="pseudonym">{item.pseudonym}</span> : null}
      </p>
      <dl className="facts agenda-facts">
        <dt>Type</dt>
        <dd>
          {agendaItemKindLabel(item.kind)}
          {item.presentation > 1 ? ` (${item.presentation}e présentation)` : ''}
        </dd>
        <dt>Temps prévu</dt>
        <dd>{writtenDuration(item.minutes)}</dd>
        {item.reason ? (
          <>
            <dt>Motif</dt>
            <dd>{suggestionReasonLabel(item.reason)}</dd>
          </>
        ) : null}
        {item.referrerKind ? (
          <>
            <dt>Saisie par</dt>
            <dd>{referrerKindLabel(item.referrerKind)}</dd>
          </>
        ) : null}
        <dt>Présenté par</dt>
        <dd>
          {item.presenterOrganisationId
            ? `${presenter ? `${presenter.name}, ` : ''}${nameOf(item.presenterOrganisationId)}`
            : 'Pas encore désigné'}
        </dd>
        <dt>Invités pour ce point</dt>
        <dd>
          {item.guestOrganisationIds?.length ? item.guestOrganisationIds.map(nameOf).join(', ') : 'Aucun'}
        </dd>
      </dl>
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
            partners={partners}
            members={members}
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
