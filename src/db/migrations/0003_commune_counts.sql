CREATE TABLE "commune_counts" (
	"commune_code" text PRIMARY KEY NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	"women" integer DEFAULT 0 NOT NULL,
	"youth" integer DEFAULT 0 NOT NULL,
	"as_of" date
);
--> statement-breakpoint
ALTER TABLE "commune_counts" ADD CONSTRAINT "commune_counts_commune_code_territories_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;