import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: "Jetons d'une session : l'accès est bref, le renouvellement tourne à chaque usage.",
})
export class AuthSession {
  @Field()
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field()
  refreshToken!: string;

  @Field()
  refreshTokenExpiresAt!: Date;
}
