/**
 * The center's Ed25519 ticket signing key. Created on first start and kept in
 * the database (settings table), so every center instance on one database
 * signs with the same key and the key never lives in the repository.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { SettingEntity } from './setting.entity.js';

const SETTING_KEY = 'ticket_signing_key';

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The 32 raw public key bytes (the end of the SPKI DER encoding). */
  readonly publicKeyRaw: Buffer;
  readonly publicKeyPem: string;
  /**
   * The key of the keyed hash that tells a retried purchase from another one
   * under the same idempotency key, card number included, without storing the
   * number. Derived from the signing key, so every center on one database has it.
   */
  readonly fingerprintKey: Buffer;
}

export async function loadOrCreateSigningKey(em: EntityManager): Promise<SigningKey> {
  let setting = await em.findOne(SettingEntity, { key: SETTING_KEY });
  if (!setting) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    // Two centers starting together on a new database: the first insert wins and both use its key.
    await em
      .getConnection()
      .execute('insert into settings (key, value) values (?, ?) on conflict (key) do nothing', [SETTING_KEY, pem]);
    setting = await em.findOneOrFail(SettingEntity, { key: SETTING_KEY });
  }
  const privateKey = createPrivateKey(setting.value);
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKey,
    publicKeyRaw: der.subarray(der.length - 32),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprintKey: Buffer.from(
      hkdfSync('sha256', privateKey.export({ type: 'pkcs8', format: 'der' }), '', 'cardgate purchase fingerprint', 32),
    ),
  };
}
