import { definePolicy, LegalBasis, Relation, Role, WORKING_ROLES } from '@relais/access';
import { Notification, ReminderPolicySetting } from './entities';

const OWN = {
  basis: LegalBasis.SELF,
  relation: Relation.SELF,
  explanation: 'Ces notifications vous sont adressées.',
};
const TUNING = {
  basis: LegalBasis.MEMBERSHIP,
  relation: Relation.MEMBERSHIP,
  explanation: 'Vous coordonnez ou administrez le territoire : vous réglez ses rappels.',
};

export const remindersPolicy = definePolicy({
  name: 'reminders',
  subjects: {
    Notification: { entity: Notification, description: 'notification' },
    NotificationPreference: { description: "mes choix d'envoi par e-mail" },
    ReminderPolicySetting: {
      entity: ReminderPolicySetting,
      description: 'réglage des rappels du territoire',
    },
  },
  define(principal, { allow }) {
    allow(['read', 'update'], 'NotificationPreference', undefined, OWN);
    // A notice names a situation by its case code: person-level, so after the charter.
    const working = principal.clearedTerritoriesWith(...WORKING_ROLES);
    if (working.length) {
      allow(
        ['read', 'markRead'],
        'Notification',
        { userId: principal.userId, territoryId: { $in: working } },
        OWN,
      );
    }
    const tuning = principal.clearedTerritoriesWith(Role.COORDINATOR, Role.TERRITORY_ADMIN);
    if (tuning.length)
      allow(['read', 'tune'], 'ReminderPolicySetting', { territoryId: { $in: tuning } }, TUNING);
  },
});
