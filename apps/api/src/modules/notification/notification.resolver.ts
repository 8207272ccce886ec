import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context";
import { connectionType } from "../../common/pagination";
import { myDeadlines } from "./deadlines.service";
import { Notification } from "./notification.entity";
import {
  MarkNotificationReadInput,
  MyDeadlinesArgs,
  NotificationsArgs,
  RequestPasswordResetInput,
  ResetPasswordInput,
  UpcomingDeadline,
} from "./notification.input";
import { markNotificationRead, myNotifications } from "./notification.service";
import { requestPasswordReset, resetPassword } from "./password-reset.service";

export const NotificationConnection = connectionType(Notification, "Notification", "notifications");

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, {
    description: "Mes notifications, les plus récentes d'abord.",
  })
  myNotifications(
    @Args(() => NotificationsArgs) args: NotificationsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return myNotifications(ctx, args);
  }

  @Query(() => [UpcomingDeadline], {
    description:
      "Les échéances à venir qui me concernent (dépôt du dossier, plan d'audit, audit, rapport, engagements, suivi intermédiaire, renouvellement, fin du label), par date.",
  })
  myDeadlines(@Args(() => MyDeadlinesArgs) args: MyDeadlinesArgs, @Ctx() ctx: RequestContext) {
    return myDeadlines(ctx, args);
  }

  @Mutation(() => Notification, { description: "Marque une de mes notifications comme lue." })
  markNotificationRead(
    @Arg("input", () => MarkNotificationReadInput, { description: "Données de l'opération." })
    input: MarkNotificationReadInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => markNotificationRead(tx, input));
  }

  @Mutation(() => Boolean, {
    description:
      "Demande un lien de réinitialisation du mot de passe, envoyé par courriel s'il existe un compte actif à cette adresse. La réponse est la même dans tous les cas.",
  })
  requestPasswordReset(
    @Arg("input", () => RequestPasswordResetInput, { description: "Données de l'opération." })
    input: RequestPasswordResetInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => requestPasswordReset(tx, input));
  }

  @Mutation(() => Boolean, {
    description:
      "Choisit un nouveau mot de passe avec le jeton d'un lien de réinitialisation (à usage unique, limité dans le temps) ; toutes les sessions du compte prennent fin.",
  })
  resetPassword(
    @Arg("input", () => ResetPasswordInput, { description: "Données de l'opération." })
    input: ResetPasswordInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.transaction((tx) => resetPassword(tx, input));
  }
}
