import { Migration } from '@mikro-orm/migrations';

export class Migration20261202014749 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_events" ("id" serial primary key, "at" timestamptz not null, "actor" varchar(255) not null, "action" varchar(255) not null, "subject" varchar(255) not null, "detail" text not null default '');`,
    );
    this.addSql(`create index "audit_events_at_index" on "audit_events" ("at");`);

    this.addSql(
      `alter table "terminals" add column "rotated_at" timestamptz null, add column "last_used_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_events" cascade;`);

    this.addSql(`alter table "terminals" drop column "rotated_at", drop column "last_used_at";`);
  }
}
