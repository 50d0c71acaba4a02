import { Migration } from '@mikro-orm/migrations';

export class Migration20261124182642 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`charges\` (\`id\` text not null, \`order_id\` text not null, \`state\` text not null, \`currency_code\` text not null, \`amount_minor\` bigint not null, \`card_brand\` text null, \`card_last4\` text null, \`authorization_code\` text null, \`decline_reason\` integer null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`charges_order_id_index\` on \`charges\` (\`order_id\`);`);
    this.addSql(`create index \`charges_state_index\` on \`charges\` (\`state\`);`);

    this.addSql(
      `create table \`orders\` (\`id\` text not null, \`idempotency_key\` text not null, \`fingerprint\` text not null, \`state\` text not null, \`card_id\` text not null, \`buyer_name\` text not null, \`buyer_email\` text not null default '', \`lines\` json not null, \`currency_code\` text not null, \`total_minor\` bigint not null, \`buyer_identification\` blob null, \`ordered_at\` datetime not null, \`reserved_at\` datetime null, \`unavailable_reason\` integer null, \`unavailable_message\` text null, \`unavailable_product_id\` text null, \`card_brand\` text null, \`card_last4\` text null, \`authorization_code\` text null, \`cancelled_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`orders_idempotency_key_unique\` on \`orders\` (\`idempotency_key\`);`);
    this.addSql(`create index \`orders_state_reserved_at_index\` on \`orders\` (\`state\`, \`reserved_at\`);`);

    this.addSql(
      `create table \`products\` (\`id\` text not null, \`name\` text not null, \`venue\` text not null, \`starts_at\` datetime not null, \`currency_code\` text not null, \`price_minor\` bigint not null, \`capacity\` integer not null, \`remaining\` integer not null, \`gate_ids\` json not null, \`sales_close_at\` datetime null, \`admission_opens_at\` datetime null, \`admission_closes_at\` datetime null, \`entries_per_ticket\` integer not null default 1, \`seating\` text not null default '', \`venue_notes\` text not null default '', \`entry_instructions\` text not null default '', \`created_at\` datetime not null, primary key (\`id\`));`,
    );

    this.addSql(
      `create table \`redemptions\` (\`id\` integer not null primary key autoincrement, \`ticket_id\` text not null, \`entry_number\` integer not null, \`product_id\` text not null, \`order_id\` text not null, \`gate_id\` text not null, \`card_id\` text not null, \`redeemed_at\` datetime not null);`,
    );
    this.addSql(`create index \`redemptions_product_id_index\` on \`redemptions\` (\`product_id\`);`);
    this.addSql(
      `create unique index \`redemptions_ticket_id_entry_number_unique\` on \`redemptions\` (\`ticket_id\`, \`entry_number\`);`,
    );

    this.addSql(`create table \`settings\` (\`key\` text not null, \`value\` text not null, primary key (\`key\`));`);

    this.addSql(
      `create table \`terminals\` (\`id\` text not null, \`name\` text not null, \`role\` text not null, \`token_hash\` text not null, \`created_at\` datetime not null, \`revoked_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`terminals_name_unique\` on \`terminals\` (\`name\`);`);
    this.addSql(`create unique index \`terminals_token_hash_unique\` on \`terminals\` (\`token_hash\`);`);

    this.addSql(
      `create table \`tickets\` (\`id\` text not null, \`order_id\` text not null, \`product_id\` text not null, \`card_id\` text not null, \`state\` text not null, \`info\` blob not null, \`additional_info\` blob not null, \`signature\` blob null, \`entries_allowed\` integer not null, \`entries_used\` integer not null default 0, \`first_used_at\` datetime null, \`first_used_gate\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`tickets_order_id_index\` on \`tickets\` (\`order_id\`);`);
    this.addSql(`create index \`tickets_product_id_index\` on \`tickets\` (\`product_id\`);`);
  }
}
