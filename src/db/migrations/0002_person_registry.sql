-- Written by hand: trigram matching of name tokens (PostgreSQL contrib; bundled with PGlite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "name_tokens" (
	"token" text PRIMARY KEY NOT NULL,
	"people" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_consents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"channel" text NOT NULL,
	"given_on" date NOT NULL,
	"withdrawn_on" date
);
--> statement-breakpoint
CREATE TABLE "person_fees" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount" numeric(10, 2) NOT NULL,
	"paid_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "given_name_ar" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "family_name_ar" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "given_name_latin" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "family_name_latin" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "birth_date" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "cin" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "phones" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "status" text DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "joined_on" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "left_on" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "sectors" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "competences" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search_tokens" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_fees" ADD CONSTRAINT "person_fees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "name_tokens_trgm_idx" ON "name_tokens" USING gin ("token" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_consents_person_idx" ON "person_consents" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_fees_person_year" ON "person_fees" USING btree ("person_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "people_cin_unique" ON "people" USING btree ("cin") WHERE cin is not null;--> statement-breakpoint
CREATE INDEX "people_search_tokens_idx" ON "people" USING gin ("search_tokens");