/*
 * The referral pages' addresses: a referral's id, never anything about the person. The draft and
 * receipt pages belong to the new-referral pages, which register them.
 */

export const referralPath = (referralId: string) => `/saisines/${encodeURIComponent(referralId)}`;

/** Where a draft, or a referral waiting for the person's consent, is taken up again. */
export const resumePath = (referralId: string) => `${referralPath(referralId)}/modifier`;

/** Where the person's consent receipt is printed. */
export const receiptPath = (referralId: string) => `${referralPath(referralId)}/recepisse`;
