import type { ReactNode } from 'react';
import { ACTION_STATUS_LABELS } from '../../actions/action-status';
import type { ActionStatus } from '../../actions/action-status';
import { frenchCalendarDate } from '../../ui/written-dates';
import { agendaItemKindLabel } from '../meeting-labels';
import type { Minutes, MinutesItem, Partner } from './minutes.operations';
import { attendanceByPartner, NOTE_CATEGORY_TEXTS, personAnswerLabel } from './minutes-text';
import type { NoteCategory } from './minutes-text';

/** The fields a reader may be refused, in words, for « not sent to this reader ». */
const MASKED_FIELD_WORDS: Record<string, string> = {
  summary: 'la synthèse des échanges',
  decisions: 'les décisions et leurs motifs',
  restrictedNotes: 'les notes réservées',
  personAnswer: 'la réponse de la personne',
  personInformedOn: 'la date où la personne a été informée',
};

export interface MinutesViewProps {
  minutes: Minutes;
  partners: readonly Partner[];
  /** Heading level of each item: 2 on the page itself, 3 inside the preview. */
  level: 2 | 3;
  /** Who reads: « vous » (my own reading), or the partner previewed, for « not sent to … ». */
  reader: string;
  /** Controls under an item (the person's answer, a restricted note), for the page's own reading. */
  itemExtras?(item: MinutesItem): ReactNode;
}

/**
 * The minutes exactly as the api sent them to their reader: each item with what was decided and
 * who does what by when, the restricted notes the reader may read, and what was not sent to it.
 */
export function MinutesView({ minutes, partners, level, reader, itemExtras }: MinutesViewProps) {
  const Heading = `h${level}` as 'h2' | 'h3';
  const SubHeading = `h${level + 1}` as 'h3' | 'h4';
  const attendance = attendanceByPartner(minutes.attendance, partners);
  return (
    <div className="minutes">
      {minutes.items.length ? null : (
        <p>
          {reader === 'vous'
            ? 'Aucun point de cette séance ne vous est transmis.'
            : `Aucun point de cette séance n’est transmis à ${reader}.`}
        </p>
      )}
      {minutes.items.map((item) => (
        <article key={item.itemId} className="minutes-item" aria-labelledby={`point-${level}-${item.itemId}`}>
          <Heading id={`point-${level}-${item.itemId}`}>
            Point {item.position} — {item.caseCode}
            <span className="minutes-kind"> · {agendaItemKindLabel(item.kind)}</span>
          </Heading>
          <ItemFacts item={item} />
          {item.summary ? (
            <>
              <SubHeading>Synthèse des échanges</SubHeading>
              <p className="multiline">{item.summary}</p>
            </>
          ) : null}
          {item.decisions ? (
            <>
              <SubHeading>Décisions</SubHeading>
              {item.decisions.length ? (
                <ul className="minutes-list">
                  {item.decisions.map((decision) => (
                    <li key={decision.id}>
                      <p className="multiline">{decision.text}</p>
                      {decision.rationale ? (
                        <p className="multiline hint">Motif : {decision.rationale}</p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>Aucune décision sur ce point.</p>
              )}
            </>
          ) : null}
          <SubHeading>Actions</SubHeading>
          {item.actions.length ? (
            <ul className="minutes-list">
              {item.actions.map((action) => (
                <li key={action.id}>
                  <p className="multiline">{action.description}</p>
                  <p className="hint">
                    {partners.find((partner) => partner.id === action.ownerOrganisationId)?.name ??
                      'Partenaire non répertorié'}{' '}
                    · échéance le {frenchCalendarDate(action.dueOn, { weekday: false })} ·{' '}
                    {ACTION_STATUS_LABELS[action.status as ActionStatus] ?? action.status}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p>Aucune action pour {reader} sur ce point.</p>
          )}
          {item.restrictedNotes?.length ? (
            <>
              <SubHeading>Notes réservées</SubHeading>
              <ul className="minutes-list">
                {item.restrictedNotes.map((note) => (
                  <li key={note.id}>
                    <span className={`note-tag note-tag-${note.category.toLowerCase()}`}>
                      {NOTE_CATEGORY_TEXTS[note.category as NoteCategory]?.label ?? note.category}
                    </span>
                    <p className="multiline">{note.text}</p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <MaskedFields fields={item.redactedFields} reader={reader} />
          {itemExtras?.(item)}
        </article>
      ))}
      <Heading>Présences</Heading>
      {attendance.length ? (
        <ul className="minutes-list">
          {attendance.map((line) => (
            <li key={line.name}>
              {line.name} : {line.said}
            </li>
          ))}
        </ul>
      ) : (
        <p>Les présences n’ont pas été enregistrées.</p>
      )}
    </div>
  );
}

function ItemFacts({ item }: { item: MinutesItem }) {
  return (
    <dl className="summary-list">
      <dt>La personne</dt>
      <dd>
        {item.personAttended === null ? '—' : item.personAttended ? 'était présente' : 'n’était pas présente'}
      </dd>
      <dt>Prochain réexamen</dt>
      <dd>{item.nextReviewOn ? frenchCalendarDate(item.nextReviewOn) : '—'}</dd>
      {item.redactedFields.includes('personAnswer') ? null : (
        <>
          <dt>Sa réponse</dt>
          <dd>
            {item.personAnswer
              ? `${personAnswerLabel(item.personAnswer)}${
                  item.personInformedOn
                    ? `, informée le ${frenchCalendarDate(item.personInformedOn, { weekday: false })}`
                    : ''
                }`
              : 'Pas encore recueillie'}
          </dd>
        </>
      )}
    </dl>
  );
}

/** What the api did not send this reader, said rather than left silent. */
function MaskedFields({ fields, reader }: { fields: readonly string[]; reader: string }) {
  const words = fields.map((field) => MASKED_FIELD_WORDS[field]).filter(Boolean);
  if (!words.length) return null;
  return (
    <p className="hint">
      {reader === 'vous' ? 'Ne vous sont pas transmis' : `Non transmis à ${reader}`} : {words.join(', ')}.
    </p>
  );
}
