/** The kinds of in-app notification, with their French labels (a GraphQL enum). */
import { enumOf } from "../../common/enums";

export const NOTIFICATION_KIND_LABELS = {
  REMINDER: "Rappel d'une échéance",
  CANDIDATURE_CREATED: "Candidature créée",
  CANDIDATURE_TRANSITIONED: "Étape de la procédure franchie",
  AUDIT_SCHEDULED: "Date d'audit fixée ou modifiée",
  PREPARATORY_VISIT_PLANNED: "Visite préparatoire programmée ou déplacée",
  AUDIT_TEAM_JOINED: "Affectation à une équipe d'audit",
  LABEL_PUBLISHED: "Label publié au BOEN",
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KIND_LABELS;

export const NotificationKindEnum = enumOf(
  "NotificationKind",
  "Nature d'une notification.",
  NOTIFICATION_KIND_LABELS,
);
