import { Migration } from '@mikro-orm/migrations';

export class Migration20261201235442 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "gate_events" ("id" serial primary key, "kind" varchar(255) not null, "gate_id" varchar(255) not null, "ticket_id" varchar(255) not null, "product_id" varchar(255) not null, "card_id" varchar(255) not null, "direction" varchar(255) not null, "reason" varchar(255) not null default '', "at" timestamptz not null);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "gate_events" cascade;`);
  }
}
