import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const ROLES = ['kiosk', 'gate', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A kiosk, gate or operator allowed to call the center; its token is stored only as a SHA-256 hash. */
export const TerminalEntity = defineEntity({
  name: 'Terminal',
  tableName: 'terminals',
  properties: {
    id: p.string().primary(),
    name: p.string().unique(),
    role: p.string().$type<Role>(),
    tokenHash: p.string().unique(),
    createdAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    // When its current token was issued by `token rotate`; null while it has its first token.
    rotatedAt: p.datetime().nullable(),
    // The last call with its current token, written by the authenticator at most once a minute.
    lastUsedAt: p.datetime().nullable(),
  },
});

export type Terminal = InferEntity<typeof TerminalEntity>;
