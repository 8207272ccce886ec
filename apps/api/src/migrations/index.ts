/** Every migration, in order. A new migration (pnpm --filter @ldm/api db:migration:generate Name) is appended here. */
import type { MigrationInterface } from "typeorm";
import { Initial1795798882366 } from "./1795798882366-initial";
import { Identity1795799741829 } from "./1795799741829-identity";

import { Dossier1795800365743 } from "./1795800365743-dossier";

import { StrategyEditor1795803155329 } from "./1795803155329-strategy-editor";
import { SnapshotContract1796100000000 } from "./1796100000000-snapshot-contract";

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795798882366,
  Identity1795799741829,
  Dossier1795800365743,
  StrategyEditor1795803155329,
  SnapshotContract1796100000000,
];
