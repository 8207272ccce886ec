/** Every migration, in order. A new migration (pnpm --filter @ldm/api db:migration:generate Name) is appended here. */
import type { MigrationInterface } from "typeorm";
import { Initial1795798882366 } from "./1795798882366-initial";
import { Identity1795799741829 } from "./1795799741829-identity";

import { Dossier1795800365743 } from "./1795800365743-dossier";

import { StrategyEditor1795803155329 } from "./1795803155329-strategy-editor";
import { SnapshotContract1796100000000 } from "./1796100000000-snapshot-contract";
import { MemberOptionalCriterion1796300000000 } from "./1796300000000-member-criterion-9";
import { ExpectationScope1796310000000 } from "./1796310000000-expectation-scope";
import { Preparation1796400000000 } from "./1796400000000-preparation";
import { Assessment1796500000000 } from "./1796500000000-assessment";
import { Label1796600000000 } from "./1796600000000-label";
import { DecisionChain1796600000001 } from "./1796600000001-decision-chain";
import { DirectoryImport1796700000000 } from "./1796700000000-directory-import";
import { FollowUp1796700000001 } from "./1796700000001-follow-up";
import { Notifications1796800000000 } from "./1796800000000-notifications";

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795798882366,
  Identity1795799741829,
  Dossier1795800365743,
  StrategyEditor1795803155329,
  SnapshotContract1796100000000,
  MemberOptionalCriterion1796300000000,
  ExpectationScope1796310000000,
  Preparation1796400000000,
  Assessment1796500000000,
  Label1796600000000,
  DecisionChain1796600000001,
  DirectoryImport1796700000000,
  FollowUp1796700000001,
  Notifications1796800000000,
];
