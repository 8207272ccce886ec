import { canReadJournals } from "@ldm/domain";
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context";
import { connectionType, PageArgs } from "../../common/pagination";
import { authorize, requireViewer } from "../../common/authz";
import { Establishment } from "../establishment/establishment.entity";
import * as service from "./identity.service";
import { listAuthEvents } from "./auth-event.service";
import {
  ChangePasswordInput,
  CreateApiTokenInput,
  CreatedApiToken,
  CreateUserInput,
  DeactivateUserInput,
  LoginInput,
  RevokeApiTokenInput,
  UserArgs,
  UsersArgs,
} from "./identity.input";
import { ApiToken, AppUser, AuthEvent } from "./user.entity";

export const UserConnection = connectionType(AppUser, "User", "comptes");
export const AuthEventConnection = connectionType(
  AuthEvent,
  "AuthEvent",
  "événements d'authentification",
);

@Resolver(() => AppUser)
export class IdentityResolver {
  @Query(() => AppUser, { nullable: true, description: "Le compte connecté (vide sans session)." })
  async me(@Ctx() ctx: RequestContext): Promise<AppUser | null> {
    if (!ctx.viewer) return null;
    return ctx.dataSource.getRepository(AppUser).findOneBy({ id: ctx.viewer.userId });
  }

  @Query(() => AppUser, {
    description: "Un compte (DRAFPIC, analystes, ou les comptes de son établissement).",
  })
  user(@Args(() => UserArgs) { id }: UserArgs, @Ctx() ctx: RequestContext) {
    return service.getUser(ctx, id);
  }

  @Query(() => UserConnection, {
    description: "Comptes, par date de création, avec filtres et pagination.",
  })
  users(@Args(() => UsersArgs) args: UsersArgs, @Ctx() ctx: RequestContext) {
    return service.listUsers(ctx, args);
  }

  @Query(() => [ApiToken], { description: "Mes jetons d'API." })
  apiTokens(@Ctx() ctx: RequestContext) {
    return service.myApiTokens(ctx);
  }

  @Query(() => AuthEventConnection, {
    description: "Journal des connexions et des refus d'autorisation (DRAFPIC).",
  })
  async authEvents(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    await authorize(ctx, canReadJournals(requireViewer(ctx)), "journal d'authentification");
    return listAuthEvents(ctx, args);
  }

  @Mutation(() => AppUser, {
    description:
      "Connexion par adresse électronique et mot de passe : ouvre une session (cookie httpOnly).",
  })
  login(
    @Arg("input", () => LoginInput, { description: "Données de l'opération." }) input: LoginInput,
    @Ctx() ctx: RequestContext,
  ) {
    return service.login(ctx, input);
  }

  @Mutation(() => Boolean, { description: "Déconnexion : met fin à la session." })
  logout(@Ctx() ctx: RequestContext) {
    return service.logout(ctx);
  }

  @Mutation(() => Boolean, {
    description: "Change son mot de passe ; toutes ses sessions prennent fin.",
  })
  changePassword(
    @Arg("input", () => ChangePasswordInput, { description: "Données de l'opération." })
    input: ChangePasswordInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.changePassword(tx, input));
  }

  @Mutation(() => AppUser, { description: "Crée un compte (DRAFPIC)." })
  createUser(
    @Arg("input", () => CreateUserInput, { description: "Données de l'opération." })
    input: CreateUserInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.createUser(tx, input));
  }

  @Mutation(() => AppUser, {
    description: "Désactive un compte ; ses sessions et jetons prennent fin (DRAFPIC).",
  })
  deactivateUser(
    @Arg("input", () => DeactivateUserInput, { description: "Données de l'opération." })
    input: DeactivateUserInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.deactivateUser(tx, input));
  }

  @Mutation(() => CreatedApiToken, {
    description:
      "Crée un jeton d'API personnel en lecture seule ; sa valeur n'est montrée qu'une fois.",
  })
  createApiToken(
    @Arg("input", () => CreateApiTokenInput, { description: "Données de l'opération." })
    input: CreateApiTokenInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.createApiToken(tx, input));
  }

  @Mutation(() => ApiToken, {
    description: "Révoque un de ses jetons d'API (DRAFPIC : n'importe lequel).",
  })
  revokeApiToken(
    @Arg("input", () => RevokeApiTokenInput, { description: "Données de l'opération." })
    input: RevokeApiTokenInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => service.revokeApiToken(tx, input));
  }

  @FieldResolver(() => Establishment, {
    nullable: true,
    description: "Établissement de rattachement (comptes d'établissement).",
  })
  async establishment(
    @Root() user: AppUser,
    @Ctx() ctx: RequestContext,
  ): Promise<Establishment | null> {
    return user.establishmentId ? ctx.loaders.establishmentById.load(user.establishmentId) : null;
  }
}
