/**
 * SqlTx (raw-sql.ts) on an EntityManager, inside its transaction when it is
 * in one: for the rare writes (an operator's cancellation, a reversal the
 * charge terminal confirmed) that share the sale writers' statements but
 * not their group-commit queue. The statements go through knex with the
 * same `?` placeholders.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Knex, SqlEntityManager } from '@mikro-orm/better-sqlite';
import type { SqlTx } from './raw-sql.js';

export function sqlOn(em: EntityManager): SqlTx {
  const sqlEm = em as unknown as SqlEntityManager;
  const knex = sqlEm.getTransactionContext<Knex.Transaction>() ?? sqlEm.getKnex();
  const postgres = em.getPlatform().constructor.name === 'PostgreSqlPlatform';
  const all = async <Row>(sql: string, params: readonly unknown[]): Promise<Row[]> => {
    const result = await knex.raw(sql, params as Knex.RawBinding[]);
    return (postgres ? result.rows : result) as Row[];
  };
  return {
    all,
    run: async (sql, params) => void (await all(sql, params)),
    cast: (type) => (postgres ? `::${type}` : ''),
  };
}
