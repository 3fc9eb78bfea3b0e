import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: "Jetons d'une session : l'accès est bref, le renouvellement tourne à chaque usage.",
})
export class AuthSession {
  @Field({ description: "Jeton d'accès (JWT) à présenter à chaque requête ; bref (15 minutes par défaut)." })
  accessToken!: string;

  @Field({ description: "Fin de validité du jeton d'accès." })
  accessTokenExpiresAt!: Date;

  @Field({
    description:
      'Jeton de renouvellement, à usage unique : il en donne un nouveau ; réutilisé, il ferme toute la session.',
  })
  refreshToken!: string;

  @Field({ description: 'Fin de validité du jeton de renouvellement.' })
  refreshTokenExpiresAt!: Date;
}
