import { Migration } from '@mikro-orm/migrations';

export class Migration20261201235426 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`gate_events\` (\`id\` integer not null primary key autoincrement, \`kind\` text not null, \`gate_id\` text not null, \`ticket_id\` text not null, \`product_id\` text not null, \`card_id\` text not null, \`direction\` text not null, \`reason\` text not null default '', \`at\` datetime not null);`,
    );
  }
}
