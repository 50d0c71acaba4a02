import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Center-wide values kept in the database, such as the ticket signing key shared by every center instance. */
export const SettingEntity = defineEntity({
  name: 'Setting',
  tableName: 'settings',
  properties: {
    key: p.string().primary(),
    value: p.text(),
  },
});

export type Setting = InferEntity<typeof SettingEntity>;
