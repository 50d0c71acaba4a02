import { Migration } from '@mikro-orm/migrations';

export class Migration20261201233930 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`products\` add column \`allow_reentry\` integer not null default false;`);

    this.addSql(`alter table \`redemptions\` add column \`direction\` text not null default 'entry';`);
    this.addSql(`alter table \`redemptions\` add column \`reentry\` integer not null default false;`);
    this.addSql(`alter table \`redemptions\` add column \`annulled_at\` datetime null;`);
  }
}
