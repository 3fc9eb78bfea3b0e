import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

@InputType()
export class LogInInput {
  @Field()
  @IsEmail({}, { message: "L'adresse e-mail n'est pas valide." })
  @MaxLength(254, { message: "L'adresse e-mail est trop longue." })
  email!: string;

  @Field()
  @IsString({ message: 'Le mot de passe est obligatoire.' })
  @IsNotEmpty({ message: 'Le mot de passe est obligatoire.' })
  @MaxLength(256, { message: 'Le mot de passe est trop long.' })
  password!: string;
}

@InputType()
export class RefreshSessionInput {
  @Field()
  @IsString({ message: 'Le jeton de renouvellement est obligatoire.' })
  @IsNotEmpty({ message: 'Le jeton de renouvellement est obligatoire.' })
  @MaxLength(128, { message: "Le jeton de renouvellement n'est pas valide." })
  refreshToken!: string;
}
