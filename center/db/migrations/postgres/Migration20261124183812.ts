import { Migration } from '@mikro-orm/migrations';

export class Migration20261124183812 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "charges" ("id" varchar(255) not null, "order_id" varchar(255) not null, "state" varchar(255) not null, "currency_code" varchar(3) not null, "amount_minor" bigint not null, "card_brand" varchar(255) null, "card_last4" varchar(255) null, "authorization_code" varchar(255) null, "decline_reason" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "charges_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "charges_order_id_index" on "charges" ("order_id");`);
    this.addSql(`create index "charges_state_index" on "charges" ("state");`);

    this.addSql(
      `create table "orders" ("id" varchar(255) not null, "idempotency_key" varchar(255) not null, "fingerprint" varchar(255) not null, "state" varchar(255) not null, "card_id" varchar(255) not null, "buyer_name" varchar(255) not null, "buyer_email" varchar(255) not null default '', "lines" jsonb not null, "currency_code" varchar(3) not null, "total_minor" bigint not null, "buyer_identification" bytea null, "ordered_at" timestamptz not null, "reserved_at" timestamptz null, "unavailable_reason" int null, "unavailable_message" varchar(255) null, "unavailable_product_id" varchar(255) null, "card_brand" varchar(255) null, "card_last4" varchar(255) null, "authorization_code" varchar(255) null, "cancelled_at" timestamptz null, constraint "orders_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "orders" add constraint "orders_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "orders_state_reserved_at_index" on "orders" ("state", "reserved_at");`);

    this.addSql(
      `create table "products" ("id" varchar(255) not null, "name" varchar(255) not null, "venue" varchar(255) not null, "starts_at" timestamptz not null, "currency_code" varchar(3) not null, "price_minor" bigint not null, "capacity" int not null, "remaining" int not null, "gate_ids" jsonb not null, "sales_close_at" timestamptz null, "admission_opens_at" timestamptz null, "admission_closes_at" timestamptz null, "entries_per_ticket" int not null default 1, "seating" varchar(255) not null default '', "venue_notes" text not null default '', "entry_instructions" text not null default '', "created_at" timestamptz not null, constraint "products_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "redemptions" ("id" serial primary key, "ticket_id" varchar(255) not null, "entry_number" int not null, "product_id" varchar(255) not null, "order_id" varchar(255) not null, "gate_id" varchar(255) not null, "card_id" varchar(255) not null, "redeemed_at" timestamptz not null);`,
    );
    this.addSql(`create index "redemptions_product_id_index" on "redemptions" ("product_id");`);
    this.addSql(
      `alter table "redemptions" add constraint "redemptions_ticket_id_entry_number_unique" unique ("ticket_id", "entry_number");`,
    );

    this.addSql(
      `create table "settings" ("key" varchar(255) not null, "value" text not null, constraint "settings_pkey" primary key ("key"));`,
    );

    this.addSql(
      `create table "terminals" ("id" varchar(255) not null, "name" varchar(255) not null, "role" varchar(255) not null, "token_hash" varchar(255) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "terminals_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "terminals" add constraint "terminals_name_unique" unique ("name");`);
    this.addSql(`alter table "terminals" add constraint "terminals_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "tickets" ("id" varchar(255) not null, "order_id" varchar(255) not null, "product_id" varchar(255) not null, "card_id" varchar(255) not null, "state" varchar(255) not null, "info" bytea not null, "additional_info" bytea not null, "signature" bytea null, "entries_allowed" int not null, "entries_used" int not null default 0, "first_used_at" timestamptz null, "first_used_gate" varchar(255) null, constraint "tickets_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "tickets_order_id_index" on "tickets" ("order_id");`);
    this.addSql(`create index "tickets_product_id_index" on "tickets" ("product_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "charges" cascade;`);

    this.addSql(`drop table if exists "orders" cascade;`);

    this.addSql(`drop table if exists "products" cascade;`);

    this.addSql(`drop table if exists "redemptions" cascade;`);

    this.addSql(`drop table if exists "settings" cascade;`);

    this.addSql(`drop table if exists "terminals" cascade;`);

    this.addSql(`drop table if exists "tickets" cascade;`);
  }
}
