import { frenchDate } from '@relais/config';
import { REFERRER_KIND_LABELS } from '@relais/identity';
import { AgendaItemKind } from '../domain/meeting.enums';
import { AgendaObject } from '../dto/meeting.dto';
import { MinutesObject } from '../dto/minutes.dto';
import { frenchMoment, heading, renderPdf } from '@relais/documents';

const KIND_LABELS: Record<AgendaItemKind, string> = {
  NEW: 'Nouvelle situation',
  REVIEW: 'Point de suivi',
  RE_EXAMINATION: 'Réexamen',
};

const ACTION_STATUS_LABELS: Record<string, string> = {
  TODO: 'à faire',
  IN_PROGRESS: 'en cours',
  DONE: 'faite',
  BLOCKED: 'bloquée',
  CANCELLED: 'annulée',
};

/**
 * The agenda as the field gate gave it to its reader, never an identity: case codes, the kind of
 * referrer told without disclosing care, and the pseudonym where the reader got it.
 */
export function agendaPdf(agenda: AgendaObject): Promise<Buffer> {
  const { meeting } = agenda;
  return renderPdf(`Ordre du jour — séance du ${frenchMoment(meeting.startsAt)}`, (document) => {
    document.text(
      meeting.place ? `Lieu : ${meeting.place}` : `Visioconférence : ${meeting.videoLink ?? '—'}`,
    );
    document.text(`Durée prévue des points : ${agenda.totalMinutes} minutes`);
    heading(document, 'Points');
    for (const item of agenda.items) {
      const referrer = item.referrerKind ? `, saisine : ${REFERRER_KIND_LABELS[item.referrerKind]}` : '';
      document.text(
        `${item.position}. ${item.caseCode} — ${KIND_LABELS[item.kind]}${referrer} — ${item.minutes} min` +
          (item.presentation > 1 ? ` (présentation n° ${item.presentation})` : ''),
      );
      if (item.pseudonym) document.text(`   ${item.pseudonym}`);
    }
    document.moveDown().fontSize(8).text('Document confidentiel — secret partagé. Ne pas diffuser.');
  });
}

/** The decision log (relevé de décisions) from the gated minutes: decisions and actions the reader got, no notes. */
export function decisionLogPdf(minutes: MinutesObject, startsAt: Date): Promise<Buffer> {
  return renderPdf(`Relevé de décisions — séance du ${frenchMoment(startsAt)}`, (document) => {
    for (const item of minutes.items) {
      heading(document, `${item.position}. ${item.caseCode}`);
      for (const decision of item.decisions ?? []) {
        document.text(`Décision : ${decision.text}`);
        if (decision.rationale) document.text(`Motif : ${decision.rationale}`);
      }
      for (const action of item.actions) {
        document.text(
          `Action : ${action.description} — échéance ${frenchDate(action.dueOn)} — ${ACTION_STATUS_LABELS[action.status]}`,
        );
      }
      if (!item.decisions?.length && !item.actions.length)
        document.text('Rien qui vous concerne pour ce point.');
      if (item.nextReviewOn) document.text(`Prochain réexamen : ${frenchDate(item.nextReviewOn)}`);
    }
    document.moveDown().fontSize(8).text('Document confidentiel — secret partagé. Ne pas diffuser.');
  });
}
