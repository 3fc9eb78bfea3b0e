/**
 * How a reader stands towards a row about a person. Each granting rule names the relation it
 * stands for; the masking step turns the relations held on a row into the categories shown.
 */
export enum Relation {
  /** Coordinates the cell of the row's territory. */
  COORDINATOR = 'COORDINATOR',
  /** Wrote the referral (the user, not their colleagues). */
  REFERRING_USER = 'REFERRING_USER',
  /** Belongs to the organisation that referred, without being its author. */
  REFERRING_ORGANISATION = 'REFERRING_ORGANISATION',
  /** Member of the cell, in the anonymous pre-review. */
  CELL_MEMBER = 'CELL_MEMBER',
  /** In the situation's circle, named by the person's consent in force (or an approved derogation). */
  CIRCLE = 'CIRCLE',
  /** Invited to the meeting item about this person, or was in the room for it. */
  INVITEE = 'INVITEE',
  /** Holds a seat of the follow-up's team. */
  TEAM_MEMBER = 'TEAM_MEMBER',
  /** Belongs to the organisation receiving a hand-off, or the one that proposed it. */
  HANDOFF_PARTY = 'HANDOFF_PARTY',
  /** The row is addressed to the reader's organisation (an action, a notice). */
  ADDRESSEE = 'ADDRESSEE',
  /** Collected the consent, or asked for the derogation. */
  COLLECTOR = 'COLLECTOR',
  /** A health or social professional related to the person, eligible to approve a derogation. */
  SECOND_OPINION = 'SECOND_OPINION',
  /** The reader's own account, organisation or notices. */
  SELF = 'SELF',
  /** Administration or audit of the territory: no person-level content. */
  MEMBERSHIP = 'MEMBERSHIP',
}
