import { Migration } from '@mikro-orm/migrations';

export class Migration20261202014515 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`gate_presence\` (\`gate_id\` text not null, \`terminal_id\` text not null, \`last_seen_at\` datetime not null, \`pending_offline\` integer not null default 0, \`last_sync_at\` datetime null, primary key (\`gate_id\`));`,
    );

    this.addSql(
      `create table \`offline_entries\` (\`gate_id\` text not null, \`entry_id\` text not null, \`uploaded_at\` datetime not null, primary key (\`gate_id\`, \`entry_id\`));`,
    );

    this.addSql(`alter table \`gate_events\` add column \`offline\` integer not null default false;`);

    this.addSql(`alter table \`redemptions\` add column \`offline\` integer not null default false;`);
    this.addSql(`alter table \`redemptions\` add column \`conflict\` integer not null default false;`);
  }
}
