/**
 * Creates an account from the command line — the way to create the first administrator (a DRAFPIC
 * account), who then creates the others in the platform.
 *
 *   pnpm --filter @ldm/api user:create --email admin@region-academique-paca.fr --name "Prénom Nom" [--role DRAFPIC]
 *
 * The password is read from the environment variable LDM_USER_PASSWORD, or asked on the terminal.
 */
import "reflect-metadata";
import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import { ROLES, type AuditorProfile, type Role } from "@ldm/domain";
import { openDatabase } from "../bootstrap";
import { createAppEventBus } from "../app-events";
import { createContext } from "../context";
import { createUser } from "../modules/identity/identity.service";

async function askPassword(): Promise<string> {
  const fromEnv = process.env.LDM_USER_PASSWORD;
  if (fromEnv) return fromEnv;
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
  });
  try {
    return await rl.question("Mot de passe (au moins 12 caractères) : ");
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "DRAFPIC" },
      establishment: { type: "string" },
      profile: { type: "string" },
    },
  });
  if (!values.email || !values.name) {
    throw new Error(
      'Usage : user:create --email adresse --name "Prénom Nom" [--role DRAFPIC] [--establishment id] [--profile INSPECTOR]',
    );
  }
  if (!ROLES.includes(values.role as Role))
    throw new Error(`Rôle inconnu : ${values.role} (${ROLES.join(", ")}).`);
  const password = await askPassword();
  const db = await openDatabase(() => undefined);
  try {
    const ctx = createContext(db.dataSource, db.auth, {
      viewer: null,
      events: createAppEventBus(),
    });
    ctx.operation = "user:create";
    const user = await ctx.transaction((tx) =>
      createUser(
        tx,
        {
          email: values.email!,
          fullName: values.name!,
          role: values.role as Role,
          establishmentId: values.establishment ?? null,
          auditorProfile: (values.profile as AuditorProfile | undefined) ?? null,
          password,
        },
        { asAdministrator: true },
      ),
    );
    console.log(`Compte créé : ${user.email} (${user.role}).`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
