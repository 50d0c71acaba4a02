import { Migration } from '@mikro-orm/migrations';

export class Migration20261202014520 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "gate_presence" ("gate_id" varchar(255) not null, "terminal_id" varchar(255) not null, "last_seen_at" timestamptz not null, "pending_offline" int not null default 0, "last_sync_at" timestamptz null, constraint "gate_presence_pkey" primary key ("gate_id"));`,
    );

    this.addSql(
      `create table "offline_entries" ("gate_id" varchar(255) not null, "entry_id" varchar(255) not null, "uploaded_at" timestamptz not null, constraint "offline_entries_pkey" primary key ("gate_id", "entry_id"));`,
    );

    this.addSql(`alter table "gate_events" add column "offline" boolean not null default false;`);

    this.addSql(
      `alter table "redemptions" add column "offline" boolean not null default false, add column "conflict" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "gate_presence" cascade;`);

    this.addSql(`drop table if exists "offline_entries" cascade;`);

    this.addSql(`alter table "gate_events" drop column "offline";`);

    this.addSql(`alter table "redemptions" drop column "offline", drop column "conflict";`);
  }
}
