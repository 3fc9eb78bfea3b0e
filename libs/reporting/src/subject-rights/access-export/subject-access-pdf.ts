import { frenchDate, parisDate } from '@relais/config';
import { frenchMoment, heading, renderPdf } from '@relais/documents';
import { label } from './french-labels';
import { AccessLogEntry, SubjectAccessExport } from './subject-access.model';

type Doc = PDFKit.PDFDocument;

const day = (moment: Date | null | undefined) => (moment ? frenchDate(parisDate(moment)) : '—');
const dayOf = (date: string | null | undefined) => (date ? frenchDate(date) : '—');
const line = (document: Doc, text: string) => document.text(text, { paragraphGap: 1 });
const item = (document: Doc, text: string) => document.text(`• ${text}`, { indent: 8, paragraphGap: 1 });
const none = (document: Doc, text: string) => document.font('Helvetica-Oblique').text(text).font('Helvetica');

/**
 * The reads of one reader, one day, one kind, told once with their count and every category they
 * showed (the JSON file keeps each event): a page of identical lines would hide who read the file.
 */
export function readsByDay(reads: readonly AccessLogEntry[]): (AccessLogEntry & { count: number })[] {
  const grouped = new Map<string, AccessLogEntry & { count: number }>();
  for (const read of reads) {
    const key = [parisDate(read.occurredAt), read.userId, read.organisationId, read.action].join('|');
    const known = grouped.get(key);
    if (known) {
      known.count += 1;
      known.categories = [...new Set([...known.categories, ...read.categories])].sort();
    } else grouped.set(key, { ...read, categories: [...read.categories], count: 1 });
  }
  return [...grouped.values()];
}

/**
 * The person's file as a French PDF (RGPD article 15): the same gated export as the JSON file,
 * section by section; a field the coordination may not read is not printed.
 */
export function subjectAccessPdf(file: SubjectAccessExport): Promise<Buffer> {
  const organisation = (id: string | null | undefined) =>
    id ? (file.organisations[id] ?? 'un partenaire du territoire') : '—';
  return renderPdf(`Vos données dans Relais — situation ${file.person.caseCode}`, (document) => {
    line(
      document,
      `Export établi le ${frenchMoment(file.generatedAt)} par la coordination du CLSM, en réponse au droit d’accès de la personne (article 15 du RGPD). Il reprend tout ce que Relais conserve à son sujet, tel que la coordination le lit.`,
    );

    heading(document, 'Identité');
    const identity = file.identity;
    if (identity?.lastName) {
      line(document, `Nom : ${identity.lastName} — prénom : ${identity.firstName ?? '—'}`);
      line(document, `Date de naissance : ${dayOf(identity.birthDate)}`);
      if (identity.address) line(document, `Adresse : ${identity.address}`);
      if (identity.phone) line(document, `Téléphone : ${identity.phone}`);
      line(document, `Mesure de protection : ${label('protectionMeasure', identity.protectionMeasure)}`);
      if (identity.representativeName) line(document, `Représentant·e : ${identity.representativeName}`);
    } else {
      none(document, 'Aucune identité n’est enregistrée, ou elle n’est pas lisible par la coordination.');
    }
    line(
      document,
      `Code de situation : ${file.person.caseCode} — présentation anonymisée : ${file.person.pseudonym}`,
    );

    heading(document, 'Situations');
    if (!file.situations.length && !file.archivedSituations.length) none(document, 'Aucune situation.');
    for (const situation of file.situations) {
      line(
        document,
        `Situation ouverte le ${day(situation.openedAt)} — ${situation.statusLabel}${situation.closedAt ? `, close le ${day(situation.closedAt)}` : ''}`,
      );
      if (situation.nextReviewOn) item(document, `Prochain réexamen : ${dayOf(situation.nextReviewOn)}`);
      for (const member of situation.circle ?? [])
        item(document, `Partenaire autour de la situation : ${organisation(member.organisationId)}`);
      for (const event of situation.timeline) item(document, `${day(event.occurredAt)} — ${event.label}`);
    }

    for (const archived of file.archivedSituations) {
      line(
        document,
        `Situation ouverte le ${day(archived.openedAt)}, close le ${day(archived.closedAt)} — ${archived.anonymisedAt ? `anonymisée le ${day(archived.anonymisedAt)}` : `archivée le ${day(archived.archivedAt)}`}`,
      );
    }

    heading(document, 'Saisines');
    if (!file.referrals.length) none(document, 'Aucune saisine.');
    for (const referral of file.referrals) {
      line(
        document,
        `Saisine ${referral.submittedAt ? `envoyée le ${day(referral.submittedAt)}` : 'en brouillon'} — ${referral.statusLabel}`,
      );
      if (referral.questionToCell) item(document, `Question posée à la cellule : ${referral.questionToCell}`);
      if (referral.description) item(document, `Description : ${referral.description}`);
      if (referral.housingContext) item(document, `Logement : ${referral.housingContext}`);
      if (referral.actionsTried) item(document, `Déjà tenté : ${referral.actionsTried}`);
      if (referral.blockages) item(document, `Blocages : ${referral.blockages}`);
    }

    heading(document, 'Consentements et dérogations');
    if (!file.consents.length && !file.derogations.length) none(document, 'Aucun consentement enregistré.');
    for (const consent of file.consents) {
      line(
        document,
        `Consentement ${label('consentStatus', consent.status)} ${label('consentMethod', consent.method)} le ${dayOf(consent.collectedOn)}, jusqu’au ${dayOf(consent.expiresOn)}${consent.inForce ? ' (en vigueur)' : ''}`,
      );
      item(
        document,
        `Pour : ${consent.purposes.map((purpose) => label('purpose', purpose)).join(', ') || '—'}`,
      );
      item(document, `Partenaires nommés : ${consent.organisationIds.map(organisation).join(', ') || '—'}`);
    }
    for (const derogation of file.derogations) {
      line(
        document,
        `Partage sans consentement demandé le ${day(derogation.requestedAt)} (${derogation.groundLabel}) — ${label('derogationStatus', derogation.status)}`,
      );
      if (derogation.justification) item(document, `Justification : ${derogation.justification}`);
    }

    heading(document, 'Décisions et actions');
    const actions = file.situations.flatMap((situation) => situation.actions);
    if (!file.examinations.length && !actions.length) none(document, 'Aucune décision ni action.');
    for (const examination of file.examinations) {
      line(
        document,
        `Séance du ${day(examination.startsAt)}${examination.published ? '' : ' (compte rendu non encore publié)'}`,
      );
      for (const minutesItem of examination.items) {
        if (minutesItem.summary) item(document, `Synthèse : ${minutesItem.summary}`);
        for (const decision of minutesItem.decisions ?? [])
          item(
            document,
            `Décision : ${decision.text ?? '—'}${decision.rationale ? ` (${decision.rationale})` : ''}`,
          );
      }
    }
    for (const action of actions) {
      item(
        document,
        `Action : ${action.description} — confiée à ${organisation(action.ownerOrganisationId)}, pour le ${dayOf(action.dueOn)}, ${label('actionStatus', action.status)}${action.outcome ? ` — ${action.outcome}` : ''}`,
      );
    }

    heading(document, 'Accompagnements');
    if (!file.followUps.length) none(document, 'Aucun accompagnement.');
    for (const followUp of file.followUps) {
      line(
        document,
        `Accompagnement (${label('followUpKind', followUp.kind)}) du ${dayOf(followUp.startedOn)} au ${dayOf(followUp.plannedEndOn)} — phase : ${label('phase', followUp.phase)}`,
      );
      for (const seat of followUp.team)
        item(document, `${label('teamRole', seat.role)} : ${seat.holderName ?? 'rôle vacant'}`);
      for (const objective of followUp.objectives)
        item(document, `Objectif : ${objective.text ?? '—'} (${label('objectiveStatus', objective.status)})`);
      for (const act of followUp.acts)
        item(
          document,
          `${dayOf(act.occurredOn)} — ${label('actType', act.type)}, ${act.durationMinutes} min${act.note ? ` : ${act.note}` : ''}`,
        );
    }

    heading(document, 'Passages de relais');
    if (!file.handoffs.length) none(document, 'Aucun passage de relais.');
    for (const handoff of file.handoffs) {
      line(
        document,
        `Relais de ${handoff.proposedByOrganisationName} vers ${handoff.receivingOrganisationName}, proposé le ${day(handoff.proposedAt)} — ${label('handoffStatus', handoff.status)}${handoff.answeredAt ? ` le ${day(handoff.answeredAt)}` : ''}`,
      );
      if (handoff.declineReason) item(document, `Motif du refus : ${handoff.declineReason}`);
    }

    heading(document, 'Demandes sur vos données');
    if (!file.requests.length) none(document, 'Aucune demande enregistrée.');
    for (const request of file.requests) {
      line(
        document,
        `Demande de ${label('requestKind', request.kind)} reçue le ${dayOf(request.receivedOn)}, réponse due le ${dayOf(request.answerBy)} — ${label('requestStatus', request.status)}${request.answeredOn ? ` le ${dayOf(request.answeredOn)}` : ''}`,
      );
      if (request.outcome) item(document, `Réponse : ${request.outcome}`);
    }

    heading(document, 'Qui a consulté votre dossier');
    if (!file.accessLog.length) none(document, 'Aucune consultation enregistrée.');
    for (const read of readsByDay(file.accessLog)) {
      item(
        document,
        `${day(read.occurredAt)} — ${read.organisationName ?? 'Relais'}, ${read.userName ?? 'traitement automatique'} : ${label('readAction', read.action)}${read.count > 1 ? ` (${read.count} fois)` : ''} — ${read.categories.map((category) => label('category', category)).join(', ') || 'suivi'}`,
      );
    }

    const withheld = [
      file.identity,
      ...file.situations,
      ...file.referrals,
      ...file.followUps,
      ...file.handoffs,
    ].some((object) => object?.redactedFields.length);
    document.moveDown();
    if (withheld) {
      // Health secrets reach the person through the professionals who hold them (L1111-7 CSP).
      line(
        document,
        'Certaines informations couvertes par le secret médical ne figurent pas dans cet export : vous pouvez les demander aux professionnels de santé qui vous suivent (article L1111-7 du code de la santé publique).',
      );
    }
    line(
      document,
      'Vous pouvez demander la rectification de ces données, vous opposer à leur traitement, en demander la limitation ou l’effacement auprès de la coordination du CLSM, et saisir la CNIL.',
    );
    document.moveDown().fontSize(8).text('Document confidentiel, remis à la personne concernée.');
  });
}
