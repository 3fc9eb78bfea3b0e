import type {
  AgeBand,
  ConsentMethod,
  ConsentPurpose,
  DataCategory,
  DifficultyArea,
  InformationItem,
  OrganisationKind,
  ProtectionMeasure,
  ReferralRequest,
  Urgency,
} from './new-referral.operations';

/**
 * The api's enums in the words of the field (GLOSSARY.md): a short label, and a line saying what it
 * means for someone who has never seen the form. Typed by the schema, so a new value fails `tsc`
 * until it has its words.
 */
export interface Labelled {
  label: string;
  description?: string;
}

export type Labels<Value extends string> = Readonly<Record<Value, Labelled>>;

/** The choices of a group, in the order of the labels' object. */
export function choicesOf<Value extends string>(labels: Labels<Value>) {
  return (Object.keys(labels) as Value[]).map((value) => ({ value, ...labels[value] }));
}

export const DIFFICULTY_AREAS: Labels<DifficultyArea> = {
  HOUSING_DEBT: { label: 'Dette locative', description: 'Loyers ou charges impayés.' },
  EVICTION_PROCEDURE: {
    label: 'Procédure d’expulsion engagée',
    description: 'Commandement de payer, assignation, jugement ou demande de concours de la force publique.',
  },
  NEIGHBOUR_DISTURBANCE: {
    label: 'Troubles du voisinage',
    description: 'Plaintes de voisins, conflits, nuisances répétées.',
  },
  HYGIENE_HOARDING: {
    label: 'Incurie, accumulation dans le logement',
    description: 'Logement encombré ou insalubre (syndrome de Diogène).',
  },
  CARE_INTERRUPTION: {
    label: 'Rupture de soins',
    description: 'La personne a cessé un suivi dont elle a besoin (sans en donner le détail ici).',
  },
  NO_GP: { label: 'Pas de médecin traitant', description: 'Aucun médecin traitant déclaré ou consulté.' },
  SOCIAL_RIGHTS: {
    label: 'Accès aux droits sociaux',
    description: 'Droits non ouverts ou interrompus : aides au logement, minima sociaux, couverture santé…',
  },
  ISOLATION: { label: 'Isolement', description: 'Peu ou pas de liens avec l’entourage ou les services.' },
  SAFETY_RISK: {
    label: 'Risque pour la sécurité de la personne ou d’autrui',
    description: 'Un risque qui inquiète, sans danger immédiat (un danger immédiat relève des urgences).',
  },
  OTHER: { label: 'Autre difficulté', description: 'Précisez-la dans la description de la situation.' },
};

export const REFERRAL_REQUESTS: Labels<ReferralRequest> = {
  CELL_EXAMINATION: {
    label: 'L’examen de la situation par la cellule',
    description: 'Les partenaires en parlent ensemble en réunion et décident qui fait quoi.',
  },
  ADVICE: {
    label: 'Un avis de la cellule',
    description: 'Un conseil sur la conduite à tenir, sans examen complet de la situation.',
  },
  FOLLOW_UP_ASSESSMENT: {
    label: 'Un diagnostic-évaluation (trinôme)',
    description:
      'Trois professionnels (éducateur, TISF, soignant) rencontrent la personne, évaluent sa situation et l’aident à accéder aux soins.',
  },
  FOLLOW_UP_HOUSING_SUSTAINMENT: {
    label: 'Un accompagnement de maintien dans le logement (trinôme)',
    description: 'Trois professionnels accompagnent la personne pour qu’elle garde son logement.',
  },
};

export const URGENCIES: Labels<Urgency> = {
  LOW: { label: 'Faible', description: 'La situation peut attendre une prochaine réunion.' },
  MEDIUM: {
    label: 'Moyenne',
    description: 'La situation se dégrade : la cellule devrait l’examiner bientôt.',
  },
  HIGH: {
    label: 'Élevée',
    description:
      'La situation se dégrade vite. Un danger immédiat relève des services d’urgence, pas de la cellule.',
  },
};

export const PROTECTION_MEASURES: Labels<ProtectionMeasure> = {
  NONE: { label: 'Aucune mesure de protection' },
  UNKNOWN: { label: 'Je ne sais pas' },
  SAFEGUARD_OF_JUSTICE: { label: 'Sauvegarde de justice' },
  CURATORSHIP: { label: 'Curatelle' },
  REINFORCED_CURATORSHIP: { label: 'Curatelle renforcée' },
  GUARDIANSHIP: { label: 'Tutelle' },
  FAMILY_AUTHORISATION: { label: 'Habilitation familiale' },
};

/** A measure that names someone to contact (tuteur, curateur, mandataire, proche habilité). */
export function measureHasRepresentative(measure: string): boolean {
  return measure !== '' && measure !== 'NONE' && measure !== 'UNKNOWN';
}

export const AGE_BANDS: Labels<AgeBand> = {
  UNDER_18: { label: 'Moins de 18 ans' },
  AGE_18_24: { label: '18 à 24 ans' },
  AGE_25_39: { label: '25 à 39 ans' },
  AGE_40_49: { label: '40 à 49 ans' },
  AGE_50_59: { label: '50 à 59 ans' },
  AGE_60_74: { label: '60 à 74 ans' },
  AGE_75_PLUS: { label: '75 ans et plus' },
  UNKNOWN: { label: 'Âge inconnu' },
};

export const CONSENT_METHODS: Labels<ConsentMethod> = {
  WRITTEN: { label: 'Par écrit', description: 'La personne a signé un formulaire d’accord.' },
  ORAL_BEFORE_WITNESS: {
    label: 'Oralement, devant un témoin',
    description: 'Indiquez ensuite la qualité du témoin (par exemple : « collègue de l’agence »).',
  },
  LEGAL_REPRESENTATIVE: {
    label: 'Par son représentant légal',
    description: 'Tuteur ou personne habilitée : indiquez-le ensuite.',
  },
};

/** What the person agrees to, in words one can read aloud to her. */
export const CONSENT_PURPOSES: Labels<ConsentPurpose> = {
  CELL_EXAMINATION: {
    label: 'Que la cellule examine sa situation',
    description: 'Les partenaires réunis par le CLSM en parlent ensemble et proposent des solutions.',
  },
  FOLLOW_UP: {
    label: 'Un accompagnement par une équipe de trois professionnels',
    description: 'Un éducateur, une TISF et un soignant viennent la voir et l’accompagnent quelques mois.',
  },
  HANDOFF: {
    label: 'Le passage de relais',
    description:
      'Quand l’accompagnement se termine, les services qui prennent la suite reçoivent ce qui leur est utile.',
  },
  INFORMATION_SHARING: {
    label: 'L’échange d’informations entre les partenaires choisis',
    description: 'Les partenaires qu’elle accepte peuvent se transmettre ce qui est utile pour l’aider.',
  },
};

/** Each kind of information, and who among the partners chosen may read it (the law's default). */
export const DATA_CATEGORIES: Labels<DataCategory> = {
  LOGISTIC: {
    label: 'Les informations pratiques',
    description:
      'Le code de son dossier, les dates, les rendez-vous, où en sont les démarches. Tous les partenaires choisis peuvent les voir.',
  },
  IDENTITY: {
    label: 'Son identité',
    description:
      'Nom, prénom, date de naissance, adresse, téléphone. Vus par les soignants et les travailleurs sociaux choisis, pas par les bailleurs, la mairie ni la police.',
  },
  HOUSING: {
    label: 'Son logement',
    description:
      'Le bail, les loyers impayés, une procédure en cours, l’état du logement. Tous les partenaires choisis peuvent les voir.',
  },
  SOCIAL_CONFIDENTIAL: {
    label: 'Sa situation sociale',
    description:
      'Ses difficultés, ce qui a déjà été tenté, ce qui bloque. Vus seulement par les soignants et les travailleurs sociaux choisis.',
  },
  HEALTH_SECRET: {
    label: 'Sa santé',
    description: 'Vue seulement par les soignants choisis (médecin, psychiatre, infirmier·ère).',
  },
};

/** What the professionals of a kind of partner see of what the person accepts (the law's default). */
const SEES_BY_PROFESSION = 'Chacun selon sa profession (voir « Qui voit quoi »).';
const LOGISTICS_AND_HOUSING = 'Seulement les informations pratiques et le logement.';

export const ORGANISATION_KIND_SEES: Readonly<Record<OrganisationKind, string>> = {
  SOCIAL: 'Ses travailleurs sociaux voient tout ce qu’elle accepte, sauf sa santé.',
  PSYCHIATRY:
    'Ses soignants voient tout ce qu’elle accepte, santé comprise ; ses travailleurs sociaux, tout sauf sa santé.',
  MEDICO_SOCIAL: 'Ses professionnels voient tout ce qu’elle accepte, sauf sa santé.',
  PEER_SUPPORT: SEES_BY_PROFESSION,
  ASSOCIATION: SEES_BY_PROFESSION,
  HOUSING: LOGISTICS_AND_HOUSING,
  MUNICIPAL: LOGISTICS_AND_HOUSING,
  JUSTICE_POLICE: LOGISTICS_AND_HOUSING,
  OTHER: SEES_BY_PROFESSION,
};

/** A kind of partner named as a whole (« tout CMP du secteur »), and what its professionals see. */
export const ORGANISATION_KINDS: Labels<OrganisationKind> = {
  SOCIAL: {
    label: 'Tout service social partenaire',
    description: `CCAS, service social du Département. ${ORGANISATION_KIND_SEES.SOCIAL}`,
  },
  PSYCHIATRY: {
    label: 'Tout service de psychiatrie partenaire',
    description: `CMP, EPSM, équipe mobile. ${ORGANISATION_KIND_SEES.PSYCHIATRY}`,
  },
  MEDICO_SOCIAL: {
    label: 'Tout service médico-social partenaire',
    description: `SAVS, SAMSAH. ${ORGANISATION_KIND_SEES.MEDICO_SOCIAL}`,
  },
  PEER_SUPPORT: { label: 'Tout groupe d’entraide mutuelle (GEM)', description: SEES_BY_PROFESSION },
  ASSOCIATION: { label: 'Toute association partenaire', description: SEES_BY_PROFESSION },
  HOUSING: { label: 'Tout bailleur partenaire', description: LOGISTICS_AND_HOUSING },
  MUNICIPAL: { label: 'La mairie', description: LOGISTICS_AND_HOUSING },
  JUSTICE_POLICE: { label: 'La police ou la justice', description: LOGISTICS_AND_HOUSING },
  OTHER: { label: 'Tout autre partenaire', description: SEES_BY_PROFESSION },
};

/** Short names of the kinds, beside a named partner. */
export const ORGANISATION_KIND_NAMES: Readonly<Record<OrganisationKind, string>> = {
  SOCIAL: 'service social',
  PSYCHIATRY: 'psychiatrie',
  MEDICO_SOCIAL: 'médico-social',
  PEER_SUPPORT: 'entraide mutuelle',
  ASSOCIATION: 'association',
  HOUSING: 'bailleur',
  MUNICIPAL: 'mairie',
  JUSTICE_POLICE: 'police ou justice',
  OTHER: 'autre partenaire',
};

/** What the person must have been told before she agrees (all of it, says the api). */
export const INFORMATION_ITEMS: Labels<InformationItem> = {
  PURPOSES: { label: 'Pourquoi sa situation est partagée' },
  RECIPIENTS: { label: 'Avec quels partenaires' },
  DATA_CATEGORIES: { label: 'Quelles informations sont partagées' },
  DURATION: { label: 'Pour combien de temps' },
  RIGHT_TO_WITHDRAW: { label: 'Qu’elle peut retirer son accord à tout moment' },
  RIGHT_OF_ACCESS: { label: 'Qu’elle peut demander à voir et corriger ce qui la concerne' },
  CONTACT: { label: 'Qui contacter pour cela' },
};

/** The law's default sharing matrix (R1110-2 CSP), said by profession; a CLSM may narrow it, never widen it. */
export const WHO_SEES_WHAT: readonly { who: string; sees: string }[] = [
  {
    who: 'Les soignants (médecin, psychiatre, infirmier·ère)',
    sees: 'Tout ce que la personne accepte de partager, santé comprise.',
  },
  {
    who: 'Les travailleurs sociaux et médico-sociaux (assistant·e social·e, éducateur·rice, psychologue, TISF, mandataire)',
    sees: 'Tout ce que la personne accepte de partager, sauf sa santé.',
  },
  {
    who: 'Les bailleurs, la mairie, la police, la justice et les autres professions',
    sees: 'Seulement les informations pratiques et celles sur le logement : ni son identité, ni sa situation sociale, ni sa santé.',
  },
  {
    who: 'La coordination du CLSM et le professionnel qui écrit la saisine',
    sees: 'La saisine entière, sauf la santé, réservée aux soignants.',
  },
];
