import type { SchemaEnum } from '../referrals/referral-labels';

/* The words of the person's rights and of the archive: one mapping, the same on every page. */

export type RequestKind = SchemaEnum<'DataSubjectRequestKind'>;
export type RequestStatus = SchemaEnum<'DataSubjectRequestStatus'>;

/** The right the person invokes, as the coordination tells her. */
export const REQUEST_KIND_LABELS: Record<RequestKind, { label: string; description: string }> = {
  ACCESS: {
    label: 'Accès à ses données',
    description: 'Elle veut savoir ce que Relais détient sur elle (article 15 du RGPD).',
  },
  RECTIFICATION: {
    label: 'Rectification',
    description: 'Elle demande de corriger une information inexacte (article 16).',
  },
  OPPOSITION: {
    label: 'Opposition',
    description: 'Elle s’oppose à ce que ses données soient traitées (article 21).',
  },
  ERASURE: {
    label: 'Effacement',
    description: 'Elle demande que ses données soient effacées (article 17), si la loi le permet.',
  },
  LIMITATION: {
    label: 'Limitation',
    description: 'Elle demande de geler l’usage de ses données le temps d’une vérification (article 18).',
  },
};

export const REQUEST_KINDS = Object.keys(REQUEST_KIND_LABELS) as RequestKind[];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  RECEIVED: 'Reçue',
  IN_PROGRESS: 'En cours',
  DONE: 'Satisfaite',
  REFUSED: 'Refusée',
};

/** The colour, a second cue only (the tag's word says it). */
export const REQUEST_STATUS_TONES: Record<RequestStatus, 'attention' | 'waiting' | 'done' | 'closed'> = {
  RECEIVED: 'attention',
  IN_PROGRESS: 'waiting',
  DONE: 'done',
  REFUSED: 'closed',
};

export const RETENTION_STATE_LABELS: Record<'ARCHIVED' | 'ANONYMISED', string> = {
  ARCHIVED: 'Archivée',
  ANONYMISED: 'Anonymisée',
};
