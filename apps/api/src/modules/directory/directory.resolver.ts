import {
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { DIRECTORY_IGNORE_REASON_LABELS, DIRECTORY_IGNORE_REASONS } from "@ldm/domain";
import type { RequestContext } from "../../context";
import { connectionType, PageArgs } from "../../common/pagination";
import { AppUser } from "../identity/user.entity";
import {
  DirectoryChangedRow,
  DirectoryIgnoredRows,
  DirectoryImport,
  DirectoryLabelMismatchRow,
  DirectoryRejectedRow,
  progressOf,
} from "./directory.entity";
import { getDirectoryImport, listDirectoryImports } from "./directory-import.service";

export const DirectoryImportConnection = connectionType(
  DirectoryImport,
  "DirectoryImport",
  "imports de l'annuaire",
);

@ArgsType()
export class DirectoryImportArgs {
  @Field(() => ID, { description: "Identifiant de l'import." })
  id!: string;
}

@Resolver(() => DirectoryImport)
export class DirectoryImportResolver {
  @Query(() => DirectoryImportConnection, {
    description: "Imports de l'annuaire de l'éducation, les plus récents d'abord (DRAFPIC).",
  })
  directoryImports(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return listDirectoryImports(ctx, args);
  }

  @Query(() => DirectoryImport, {
    description:
      "Un import de l'annuaire : son avancement (pendant l'envoi) et son compte rendu (DRAFPIC).",
  })
  directoryImport(
    @Args(() => DirectoryImportArgs) { id }: DirectoryImportArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return getDirectoryImport(ctx, id);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "Part du fichier déjà lue, de 0 à 1 (1 une fois terminé ; vide si la taille du fichier est inconnue).",
  })
  progress(@Root() i: DirectoryImport): number | null {
    return progressOf(i);
  }

  @FieldResolver(() => AppUser, {
    nullable: true,
    description: "Membre de la DRAFPIC qui a envoyé le fichier.",
  })
  async importedBy(
    @Root() i: DirectoryImport,
    @Ctx() ctx: RequestContext,
  ): Promise<AppUser | null> {
    return i.importedBy ? ctx.loaders.userById.load(i.importedBy) : null;
  }

  @FieldResolver(() => [DirectoryRejectedRow], {
    description: "Lignes rejetées avec leurs motifs (au plus 2 000 ; le compteur est exact).",
  })
  rejectedRows(@Root() i: DirectoryImport): DirectoryRejectedRow[] {
    return i.report.rejected ?? [];
  }

  @FieldResolver(() => [DirectoryIgnoredRows], {
    description: "Lignes laissées de côté, par motif (hors du champ du label).",
  })
  ignoredRows(@Root() i: DirectoryImport): DirectoryIgnoredRows[] {
    const ignored = i.report.ignored ?? {};
    return DIRECTORY_IGNORE_REASONS.flatMap((reason) => {
      const count = ignored[reason] ?? 0;
      return count > 0 ? [{ reason, label: DIRECTORY_IGNORE_REASON_LABELS[reason], count }] : [];
    });
  }

  @FieldResolver(() => [DirectoryChangedRow], {
    description: "Établissements créés ou mis à jour (au plus 2 000 ; les compteurs sont exacts).",
  })
  changedRows(@Root() i: DirectoryImport): DirectoryChangedRow[] {
    return i.report.changes ?? [];
  }

  @FieldResolver(() => [DirectoryLabelMismatchRow], {
    description:
      "Désaccords entre l'indicateur « Lycee_des_metiers » de l'annuaire et les labels en vigueur de la plateforme.",
  })
  labelMismatches(@Root() i: DirectoryImport): DirectoryLabelMismatchRow[] {
    return i.report.mismatches ?? [];
  }
}
