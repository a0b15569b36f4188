CREATE TABLE "import_duplicates" (
	"job_id" uuid NOT NULL,
	"group_no" integer NOT NULL,
	"kind" text NOT NULL,
	"lines" integer[] NOT NULL,
	"person_ids" uuid[] NOT NULL,
	CONSTRAINT "import_duplicates_job_id_group_no_pk" PRIMARY KEY("job_id","group_no")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"file_name" text NOT NULL,
	"file_path" text NOT NULL,
	"format" text NOT NULL,
	"file_size" bigint NOT NULL,
	"headers" jsonb NOT NULL,
	"columns" jsonb NOT NULL,
	"mapping_name" text,
	"mode" text,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"action" text,
	"stage" text,
	"scope_roots" text[],
	"validated_columns" jsonb,
	"duplicate_decisions" jsonb,
	"default_decision" text DEFAULT 'skip' NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_valid" integer DEFAULT 0 NOT NULL,
	"rows_invalid" integer DEFAULT 0 NOT NULL,
	"duplicate_groups" integer DEFAULT 0 NOT NULL,
	"rows_skipped" integer DEFAULT 0 NOT NULL,
	"rows_to_write" integer DEFAULT 0 NOT NULL,
	"rows_written" integer DEFAULT 0 NOT NULL,
	"written_through_line" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"fields" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_row_errors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"column_index" smallint,
	"field" text,
	"code" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"job_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"given_name_ar" text,
	"family_name_ar" text,
	"given_name_latin" text,
	"family_name_latin" text,
	"gender" text NOT NULL,
	"birth_date" date,
	"birth_year" integer,
	"cin" text,
	"phones" text[] NOT NULL,
	"email" text,
	"commune_code" text,
	"status" text NOT NULL,
	"joined_on" date,
	"sectors" text[] NOT NULL,
	"competences" text[] NOT NULL,
	"notes" text,
	"search_tokens" text[] NOT NULL,
	"name_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_skipped" boolean DEFAULT false NOT NULL,
	CONSTRAINT "import_rows_job_id_line_pk" PRIMARY KEY("job_id","line")
);
--> statement-breakpoint
ALTER TABLE "import_duplicates" ADD CONSTRAINT "import_duplicates_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_jobs_user_idx" ON "import_jobs" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "import_jobs_status_idx" ON "import_jobs" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_name_unique" ON "import_mappings" USING btree ("name");--> statement-breakpoint
CREATE INDEX "import_row_errors_job_line_idx" ON "import_row_errors" USING btree ("job_id","line");