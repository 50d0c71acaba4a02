import { Migration } from '@mikro-orm/migrations';

export class Migration20261125173309 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "tickets" drop column "entries_used", drop column "first_used_at", drop column "first_used_gate";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "tickets" add column "entries_used" int4 not null default 0, add column "first_used_at" timestamptz(6) null, add column "first_used_gate" varchar(255) null;`,
    );
  }
}
