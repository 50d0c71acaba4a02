import { Migration } from '@mikro-orm/migrations';

export class Migration20261125173307 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`tickets\` drop column \`entries_used\`;`);
    this.addSql(`alter table \`tickets\` drop column \`first_used_at\`;`);
    this.addSql(`alter table \`tickets\` drop column \`first_used_gate\`;`);
  }
}
