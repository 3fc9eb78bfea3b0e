import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { Connection, uuidArgument } from '@relais/graphql';
import { EmailMode } from './domain/reminder-kind';
import {
  NotificationConnection,
  NotificationObject,
  NotificationPreferencesObject,
  NotificationsArgs,
  ReminderPolicyObject,
  TuneReminderPolicyInput,
} from './dto/notification.dto';
import { NotificationService } from './notification.service';
import { ReminderSettingsService } from './reminder-settings.service';

@Resolver()
export class NotificationResolver {
  constructor(
    private readonly notificationService: NotificationService,
    private readonly settings: ReminderSettingsService,
  ) {}

  @Query(() => NotificationConnection, {
    description: 'Mes notifications, page par page, les plus récentes d’abord.',
  })
  @Allow('read', 'Notification')
  notifications(
    @CurrentPrincipal() principal: Principal,
    @Args() args: NotificationsArgs,
  ): Promise<Connection<NotificationObject>> {
    return this.notificationService.notifications(principal, args);
  }

  @Query(() => Int, { description: 'Combien de mes notifications restent à lire.' })
  @Allow('read', 'Notification')
  unreadNotificationCount(@CurrentPrincipal() principal: Principal): Promise<number> {
    return this.notificationService.unreadCount(principal);
  }

  @Mutation(() => NotificationObject, { description: 'Marque une notification comme lue.' })
  @Allow('markRead', 'Notification')
  markNotificationRead(
    @CurrentPrincipal() principal: Principal,
    @Args(
      'notificationId',
      { type: () => ID, description: 'La notification.' },
      uuidArgument('notificationId'),
    )
    notificationId: string,
  ): Promise<NotificationObject> {
    return this.notificationService.markRead(principal, notificationId);
  }

  @Mutation(() => Int, { description: 'Marque toutes mes notifications comme lues ; rend leur nombre.' })
  @Allow('markRead', 'Notification')
  markAllNotificationsRead(@CurrentPrincipal() principal: Principal): Promise<number> {
    return this.notificationService.markAllRead(principal);
  }

  @Query(() => NotificationPreferencesObject, { description: "Mon choix d'envoi par e-mail." })
  @Allow('read', 'NotificationPreference')
  myNotificationPreferences(
    @CurrentPrincipal() principal: Principal,
  ): Promise<NotificationPreferencesObject> {
    return this.notificationService.preferences(principal);
  }

  @Mutation(() => NotificationPreferencesObject, {
    description: 'Chaque notification par e-mail, un résumé quotidien, ou aucun e-mail.',
  })
  @Allow('update', 'NotificationPreference')
  setEmailMode(
    @CurrentPrincipal() principal: Principal,
    @Args('emailMode', { type: () => EmailMode, description: 'Mon nouveau choix d’envoi par e-mail.' })
    emailMode: EmailMode,
  ): Promise<NotificationPreferencesObject> {
    return this.notificationService.setEmailMode(principal, emailMode);
  }

  @Query(() => [ReminderPolicyObject], { description: 'Les rappels du territoire et leur réglage.' })
  @Allow('read', 'ReminderPolicySetting')
  reminderPolicies(
    @CurrentPrincipal() principal: Principal,
    @Args('territoryId', { type: () => ID, description: 'Le territoire.' }, uuidArgument('territoryId'))
    territoryId: string,
  ): Promise<ReminderPolicyObject[]> {
    return this.settings.reminderPolicies(principal, territoryId);
  }

  @Mutation(() => ReminderPolicyObject, {
    description: "Règle une sorte de rappel du territoire (s'applique aux rappels planifiés ensuite).",
  })
  @Allow('tune', 'ReminderPolicySetting')
  tuneReminderPolicy(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'La sorte de rappel et son nouveau réglage.' })
    input: TuneReminderPolicyInput,
  ): Promise<ReminderPolicyObject> {
    return this.settings.tuneReminderPolicy(principal, input);
  }
}
