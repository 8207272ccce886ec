import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { AuditorProfile, Role } from "@ldm/domain";
import { AuditorProfileEnum, RoleEnum } from "../../common/enums";
import { PageArgs } from "../../common/pagination";
import { ApiToken } from "./user.entity";

@InputType({ description: "Identifiants de connexion." })
export class LoginInput {
  @Field(() => String, { description: "Adresse électronique." })
  email!: string;

  @Field(() => String, { description: "Mot de passe." })
  password!: string;
}

@InputType({
  description: "Changement de son propre mot de passe (met fin à toutes ses sessions).",
})
export class ChangePasswordInput {
  @Field(() => String, { description: "Mot de passe actuel." })
  currentPassword!: string;

  @Field(() => String, {
    description: "Nouveau mot de passe (au moins 12 caractères, pas un mot de passe courant).",
  })
  newPassword!: string;
}

@InputType({ description: "Création d'un compte par l'équipe DRAFPIC." })
export class CreateUserInput {
  @Field(() => String, { description: "Adresse électronique (identifiant de connexion)." })
  email!: string;

  @Field(() => String, { description: "Nom et prénom." })
  fullName!: string;

  @Field(() => RoleEnum, { description: "Rôle." })
  role!: Role;

  @Field(() => ID, {
    nullable: true,
    description: "Établissement (comptes d'établissement seulement).",
  })
  establishmentId?: string | null;

  @Field(() => AuditorProfileEnum, { nullable: true, description: "Profil (auditeurs seulement)." })
  auditorProfile?: AuditorProfile | null;

  @Field(() => String, { nullable: true, description: "Fonction." })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true, description: "Téléphone." })
  phone?: string | null;

  @Field(() => String, { description: "Mot de passe initial, à changer par l'utilisateur." })
  password!: string;
}

@InputType({ description: "Désactivation d'un compte (ses sessions et jetons prennent fin)." })
export class DeactivateUserInput {
  @Field(() => ID, { description: "Compte à désactiver." })
  userId!: string;
}

@InputType({ description: "Création d'un jeton d'API personnel en lecture seule." })
export class CreateApiTokenInput {
  @Field(() => String, { description: "Nom du jeton (ex. « tableau de bord académique »)." })
  name!: string;

  @Field(() => Int, { defaultValue: 90, description: "Durée de validité en jours." })
  expiresInDays!: number;
}

@InputType({ description: "Révocation d'un jeton d'API." })
export class RevokeApiTokenInput {
  @Field(() => ID, { description: "Jeton à révoquer." })
  tokenId!: string;
}

@ObjectType({ description: "Jeton d'API créé : sa valeur n'est montrée qu'une fois." })
export class CreatedApiToken {
  @Field(() => String, {
    description: "Valeur du jeton, à envoyer en « Authorization: Bearer … ».",
  })
  token!: string;

  @Field(() => ApiToken, { description: "Le jeton enregistré." })
  apiToken!: ApiToken;
}

@InputType({ description: "Affectation d'un auditeur à une candidature." })
export class AuditorAssignmentInput {
  @Field(() => ID, { description: "Candidature." })
  candidatureId!: string;

  @Field(() => ID, { description: "Compte de l'auditeur." })
  userId!: string;
}

@InputType({ description: "Filtres de la liste des comptes." })
export class UserFilter {
  @Field(() => RoleEnum, { nullable: true, description: "Rôle." })
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: "Établissement." })
  establishmentId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Comptes actifs (vrai) ou désactivés (faux).",
  })
  active?: boolean | null;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true, description: "Filtres." })
  filter?: UserFilter | null;
}

@ArgsType()
export class UserArgs {
  @Field(() => ID, { description: "Identifiant du compte." })
  id!: string;
}
