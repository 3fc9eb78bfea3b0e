/** The inbox's addresses: a referral's id, never anything about the person. */
export const INBOX_PATH = '/a-traiter';

export const inboxReferralPath = (referralId: string) =>
  `${INBOX_PATH}/saisines/${encodeURIComponent(referralId)}`;

/** A situation's page (the Situations pages own it). */
export const situationPath = (situationId: string) => `/situations/${encodeURIComponent(situationId)}`;
