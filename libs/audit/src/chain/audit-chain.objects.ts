import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum AuditChainProblemKind {
  HASH_MISMATCH = 'HASH_MISMATCH',
  BROKEN_LINK = 'BROKEN_LINK',
  MISSING_EVENT = 'MISSING_EVENT',
  TRUNCATED = 'TRUNCATED',
  KEY_MISMATCH = 'KEY_MISMATCH',
  UNKNOWN_KEY = 'UNKNOWN_KEY',
  CHECKPOINT_MISMATCH = 'CHECKPOINT_MISMATCH',
  CHECKPOINT_TRUNCATED = 'CHECKPOINT_TRUNCATED',
  CHECKPOINT_INVALID = 'CHECKPOINT_INVALID',
  SEAL_MISMATCH = 'SEAL_MISMATCH',
}
registerEnumType(AuditChainProblemKind, {
  name: 'AuditChainProblem',
  description: "Ce qui ne tient pas dans la chaîne d'audit.",
  valuesMap: {
    HASH_MISMATCH: {
      description:
        "Le maillon ne correspond pas à l'événement sous sa clé : l'événement a été modifié, ou la chaîne recalculée avec une autre clé.",
    },
    BROKEN_LINK: {
      description:
        "Le maillon ne pointe pas vers l'événement précédent : un événement a été inséré, remplacé ou supprimé.",
    },
    MISSING_EVENT: { description: 'Un rang manque dans la chaîne : un événement a été supprimé.' },
    TRUNCATED: {
      description:
        'La tête de chaîne enregistrée ne correspond pas au dernier événement : la fin de la chaîne a été retirée ou la tête modifiée.',
    },
    KEY_MISMATCH: {
      description:
        'Le maillon est un simple condensé SHA-256 là où une clé était attendue : la chaîne a été recalculée par quelqu’un qui ne détient pas la clé.',
    },
    UNKNOWN_KEY: {
      description:
        'Le maillon nomme une clé que le serveur ne connaît pas : clé retirée trop tôt de la configuration, ou maillon fabriqué.',
    },
    CHECKPOINT_MISMATCH: {
      description:
        "La chaîne ne correspond pas à un point de contrôle signé conservé hors de la base : l'historique a été réécrit avant ce point.",
    },
    CHECKPOINT_TRUNCATED: {
      description:
        "La chaîne est plus courte qu'un point de contrôle signé : des événements ont été retirés.",
    },
    CHECKPOINT_INVALID: {
      description:
        'Un point de contrôle est illisible, ou sa signature est fausse ou faite avec une clé inconnue : il a été altéré ou fabriqué.',
    },
    SEAL_MISMATCH: {
      description:
        'Un événement pas encore chaîné ne correspond plus à son sceau : il a été modifié ou fabriqué après son écriture (il ne sera pas chaîné).',
    },
  },
});

@ObjectType('AuditChainReport', {
  description:
    "Le résultat de la vérification de la chaîne d'audit d'un territoire, avec ses clés et ses points de contrôle conservés hors de la base.",
})
export class AuditChainReportObject {
  @Field({
    description: 'La chaîne est intègre : chaque maillon, la tête et les points de contrôle concordent.',
  })
  valid!: boolean;

  @Field(() => Int, { description: 'Nombre de maillons vérifiés avant le premier problème (tous si aucun).' })
  checkedEvents!: number;

  @Field(() => Int, {
    description:
      'Nombre d’événements écrits mais pas encore chaînés (des consultations, reliées à la chaîne quelques secondes plus tard), leur sceau vérifié.',
  })
  unchainedEvents!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Rang du premier maillon rompu ; null pour un événement pas encore chaîné.',
  })
  firstBrokenSequence!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "L'événement du premier maillon rompu, s'il existe encore.",
  })
  firstBrokenEventId!: string | null;

  @Field(() => AuditChainProblemKind, {
    nullable: true,
    description: 'La nature du premier problème trouvé.',
  })
  problem!: AuditChainProblemKind | null;

  @Field(() => Int, {
    description:
      'Maillons anciens, sans clé (SHA-256 simple), écrits avant que la chaîne soit signée : ils sont protégés par le premier maillon signé qui les suit et par les points de contrôle.',
  })
  legacyEvents!: number;

  @Field(() => [String], {
    description: 'Identifiants des clés qui signent les maillons vérifiés (jamais les clés elles-mêmes).',
  })
  keyIds!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Rang attesté par le dernier point de contrôle valide, celui auquel la chaîne est comparée.',
  })
  checkpointSequence!: string | null;

  @Field(() => Date, { nullable: true, description: 'Moment où ce dernier point de contrôle a été pris.' })
  checkpointTakenAt!: Date | null;

  @Field(() => Int, { description: 'Points de contrôle valides atteints et comparés à la chaîne.' })
  checkpointsCompared!: number;

  @Field(() => Int, {
    description: 'Points de contrôle illisibles, mal signés ou signés d’une clé inconnue.',
  })
  invalidCheckpoints!: number;
}

export enum AuditCheckpointStatus {
  WRITTEN = 'WRITTEN',
  UNCHANGED = 'UNCHANGED',
  EMPTY = 'EMPTY',
  REFUSED = 'REFUSED',
}
registerEnumType(AuditCheckpointStatus, {
  name: 'AuditCheckpointStatus',
  description: "Ce qu'est devenue une demande de point de contrôle.",
  valuesMap: {
    WRITTEN: { description: 'Un nouveau point de contrôle signé a été écrit hors de la base.' },
    UNCHANGED: { description: 'Le dernier point de contrôle atteste déjà la tête actuelle de la chaîne.' },
    EMPTY: { description: "Le territoire n'a encore aucun événement d'audit." },
    REFUSED: {
      description:
        'Refusé : la chaîne ne prolonge pas le dernier point de contrôle par des maillons valides ; vérifiez-la.',
    },
  },
});

@ObjectType('AuditCheckpointResult', {
  description: "Le point de contrôle de la chaîne d'audit pris à la demande, ou la raison du refus.",
})
export class AuditCheckpointResultObject {
  @Field(() => AuditCheckpointStatus, { description: 'Ce qui a été fait.' })
  status!: AuditCheckpointStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Rang attesté par le point de contrôle ; en cas de refus, rang du premier maillon rompu.',
  })
  sequence!: string | null;

  @Field(() => Date, { nullable: true, description: 'Moment où le point de contrôle a été pris.' })
  takenAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Identifiant de la clé qui le signe.' })
  keyId!: string | null;

  @Field(() => AuditChainProblemKind, {
    nullable: true,
    description: 'En cas de refus, la nature du problème.',
  })
  problem!: AuditChainProblemKind | null;
}
