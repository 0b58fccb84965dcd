import type { Sequelize, Transaction } from 'sequelize';
import * as m0001 from './0001-foundation.js';

export interface Migration {
  name: string;
  up(sequelize: Sequelize, transaction: Transaction): Promise<void>;
}

/** Listed by hand, in order: a glob would depend on how the code is run (tsx, bundled, compiled). */
export const migrations: Migration[] = [{ name: '0001-foundation', up: m0001.up }];
