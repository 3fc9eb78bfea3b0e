import { frenchDate, parisDate } from '@relais/config';
import { heading, renderPdf } from '@relais/documents';
import { HandoffObject } from '../dto/follow-up.objects';

const CMP_LABELS: Record<string, string> = {
  NONE: 'aucun',
  REQUESTED: 'demandé',
  APPOINTMENT_SET: 'rendez-vous fixé',
  ONGOING: 'en cours',
  NOT_NEEDED: 'non nécessaire',
};
const EVICTION_LABELS: Record<string, string> = {
  NONE: 'aucune procédure',
  PRE_LITIGATION: 'phase précontentieuse',
  SUMMONS: 'assignation',
  JUDGMENT: 'jugement rendu',
  EVICTION_ORDERED: 'concours de la force publique',
  SUSPENDED: 'procédure suspendue',
};
const RIGHT_LABELS: Record<string, string> = {
  HEALTH_COVERAGE: 'couverture maladie',
  AAH: 'allocation aux adultes handicapés',
  RSA: 'revenu de solidarité active',
  HOUSING_ALLOWANCE: 'aide au logement',
  FSL: 'fonds de solidarité logement',
  DISABILITY_RECOGNITION: 'reconnaissance du handicap (MDPH)',
  PROTECTION_MEASURE: 'mesure de protection',
  OTHER: 'autre droit',
};
const STATUS_LABELS: Record<string, string> = {
  PROPOSED: 'proposé',
  ACCEPTED: 'accepté',
  DECLINED: 'décliné',
};

export interface HandoffFacts {
  /** The gated view: a masked field reads null and its line is not printed. */
  handoff: HandoffObject;
  /** Only for a reader allowed to read the identity. */
  personName: string | null;
}

/** « 3 mars 2027 », the Paris day of a moment. */
const dayOf = (moment: Date) => frenchDate(parisDate(moment));

/** The fiche de passage de relais the receiving service keeps. */
export function handoffPdf(facts: HandoffFacts): Promise<Buffer> {
  const { handoff } = facts;
  return renderPdf(`Passage de relais — situation ${handoff.caseCode}`, (document) => {
    document.text(`Personne : ${facts.personName ?? `suivie sous le code ${handoff.caseCode}`}`);
    document.text(`De : ${handoff.proposedByOrganisationName}`);
    document.text(
      `Vers : ${handoff.receivingOrganisationName}${handoff.referentName ? `, référent : ${handoff.referentName}` : ''}`,
    );
    document.text(`Proposé le ${dayOf(handoff.proposedAt)}`);
    document.text(`État du relais : ${STATUS_LABELS[handoff.status]}`);
    if (handoff.answeredAt) document.text(`Réponse le ${dayOf(handoff.answeredAt)}`);
    if (handoff.declineReason) document.text(`Motif du refus : ${handoff.declineReason}`);
    if (handoff.remindersSentAt.length) {
      document.text(
        `Relancé faute de réponse le ${handoff.remindersSentAt.map((moment) => dayOf(moment)).join(', le ')}`,
      );
    }
    document.text(`Accord de la personne : ${handoff.personAgreed ? 'oui' : 'non'}`);
    heading(document, 'Ce qui est transmis');
    if (handoff.cmpFollowUpStatus) {
      document.text(
        `Suivi au CMP : ${CMP_LABELS[handoff.cmpFollowUpStatus]}` +
          (handoff.firstAppointmentOn
            ? `, premier rendez-vous le ${frenchDate(handoff.firstAppointmentOn)}`
            : ''),
      );
    }
    if (handoff.socialReferent) document.text(`Référent social : ${handoff.socialReferent}`);
    if (handoff.evictionProcedureState) {
      document.text(`Procédure d’expulsion : ${EVICTION_LABELS[handoff.evictionProcedureState]}`);
    }
    if (handoff.rightsOpened) {
      document.text(
        `Droits ouverts : ${handoff.rightsOpened.length ? handoff.rightsOpened.map((right) => RIGHT_LABELS[right]).join(', ') : 'aucun'}`,
      );
    }
    if (handoff.residualRisks) document.text(`Risques qui demeurent : ${handoff.residualRisks}`);
    if (handoff.contacts) document.text(`Contacts : ${handoff.contacts}`);
    if (handoff.redactedFields.length) {
      // Said without naming what: the list would tell what kind of care there is.
      document.text('Certaines informations ne vous sont pas transmises (secret partagé).');
    }
    document.moveDown().fontSize(8).text('Document confidentiel — secret partagé. Ne pas diffuser.');
  });
}
