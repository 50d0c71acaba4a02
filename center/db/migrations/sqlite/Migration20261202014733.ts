import { Migration } from '@mikro-orm/migrations';

export class Migration20261202014733 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`audit_events\` (\`id\` integer not null primary key autoincrement, \`at\` datetime not null, \`actor\` text not null, \`action\` text not null, \`subject\` text not null, \`detail\` text not null default '');`,
    );
    this.addSql(`create index \`audit_events_at_index\` on \`audit_events\` (\`at\`);`);

    this.addSql(`alter table \`terminals\` add column \`rotated_at\` datetime null;`);
    this.addSql(`alter table \`terminals\` add column \`last_used_at\` datetime null;`);
  }
}
