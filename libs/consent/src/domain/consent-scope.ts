import { DataCategory } from '@relais/access';
import { addMonths, isCalendarDate } from '@relais/config';
import { FieldProblem } from '@relais/graphql';
import { ConsentMethod, ConsentPurpose, ConsentStatus, InformationItem } from './consent.enums';

export interface ConsentDraft {
  status: ConsentStatus;
  method: ConsentMethod;
  witnessOrRepresentative: string | null;
  collectedOn: string;
  expiresOn: string | null;
  informationGiven: readonly InformationItem[];
  purposes: readonly ConsentPurpose[];
  organisationIds: readonly string[];
  organisationKinds: readonly string[];
  includesCell: boolean;
  dataCategories: readonly DataCategory[];
}

export interface ScopeContext {
  today: string;
  validityMonths: number;
  /** Organisations of the territory: any other id is unknown. */
  knownOrganisationIds: ReadonlySet<string>;
  /** What the referral the consent is collected for asks of the cell. */
  purposesAllowed: ReadonlySet<ConsentPurpose>;
}

/**
 * Checks a consent before it is written, and answers every problem at once in French: dates that
 * do not exist or do not hold together, partners unknown to the territory, and a scope wider than
 * what the referral needs.
 */
export function consentProblems(draft: ConsentDraft, context: ScopeContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isCalendarDate(draft.collectedOn)) {
    problems.push({
      field: 'collectedOn',
      message: "La date de recueil n'est pas une date valide (AAAA-MM-JJ).",
    });
  } else if (draft.collectedOn > context.today) {
    problems.push({ field: 'collectedOn', message: 'La date de recueil ne peut pas être dans le futur.' });
  }
  if (draft.expiresOn !== null) {
    const latest = isCalendarDate(draft.collectedOn)
      ? addMonths(draft.collectedOn, context.validityMonths)
      : null;
    if (!isCalendarDate(draft.expiresOn)) {
      problems.push({
        field: 'expiresOn',
        message: "La date d'échéance n'est pas une date valide (AAAA-MM-JJ).",
      });
    } else if (draft.expiresOn <= context.today || draft.expiresOn <= draft.collectedOn) {
      problems.push({
        field: 'expiresOn',
        message: "La date d'échéance doit être postérieure à aujourd'hui.",
      });
    } else if (latest && draft.expiresOn > latest) {
      problems.push({
        field: 'expiresOn',
        message: `Un consentement vaut au plus ${context.validityMonths} mois dans ce territoire.`,
      });
    }
  }
  if (draft.method !== ConsentMethod.WRITTEN && !draft.witnessOrRepresentative?.trim()) {
    problems.push({
      field: 'witnessOrRepresentative',
      message:
        draft.method === ConsentMethod.ORAL_BEFORE_WITNESS
          ? 'Indiquez la qualité du témoin (sans son nom si ce n’est pas nécessaire).'
          : 'Indiquez le représentant légal qui a donné son accord.',
    });
  }
  if (draft.status !== ConsentStatus.GIVEN) return problems;

  const missing = Object.values(InformationItem).filter((item) => !draft.informationGiven.includes(item));
  if (missing.length) {
    problems.push({
      field: 'informationGiven',
      message: 'La personne doit avoir reçu toute l’information préalable avant de consentir.',
    });
  }
  if (!draft.purposes.length) {
    problems.push({ field: 'purposes', message: 'Choisissez au moins une finalité.' });
  }
  const wider = draft.purposes.filter((purpose) => !context.purposesAllowed.has(purpose));
  if (wider.length) {
    problems.push({
      field: 'purposes',
      message: 'Le consentement ne peut pas couvrir plus que ce que demande la saisine.',
    });
  }
  if (draft.purposes.includes(ConsentPurpose.CELL_EXAMINATION) && !draft.includesCell) {
    problems.push({
      field: 'includesCell',
      message: "L'examen par la cellule suppose que la personne accepte que la cellule en soit informée.",
    });
  }
  if (draft.organisationIds.some((id) => !context.knownOrganisationIds.has(id))) {
    problems.push({
      field: 'organisationIds',
      message: 'Un des partenaires nommés est inconnu dans ce territoire.',
    });
  }
  if (!draft.organisationIds.length && !draft.organisationKinds.length && !draft.includesCell) {
    problems.push({ field: 'organisationIds', message: 'Nommez au moins un partenaire.' });
  }
  if (!draft.dataCategories.length) {
    problems.push({ field: 'dataCategories', message: "Choisissez au moins une catégorie d'information." });
  }
  return problems;
}
