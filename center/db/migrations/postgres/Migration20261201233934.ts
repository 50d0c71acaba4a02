import { Migration } from '@mikro-orm/migrations';

export class Migration20261201233934 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "products" add column "allow_reentry" boolean not null default false;`);

    this.addSql(
      `alter table "redemptions" add column "direction" varchar(255) not null default 'entry', add column "reentry" boolean not null default false, add column "annulled_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "products" drop column "allow_reentry";`);

    this.addSql(`alter table "redemptions" drop column "direction", drop column "reentry", drop column "annulled_at";`);
  }
}
