CREATE TABLE "rate_limit_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_job_runs" (
	"organisation_id" uuid NOT NULL,
	"job" text NOT NULL,
	"day" date NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	CONSTRAINT "daily_job_runs_organisation_id_job_day_pk" PRIMARY KEY("organisation_id","job","day")
);
--> statement-breakpoint
CREATE TABLE "run_progress" (
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"phase" text NOT NULL,
	"done" integer NOT NULL,
	"total" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "run_progress_organisation_id_kind_idempotency_key_pk" PRIMARY KEY("organisation_id","kind","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "daily_job_runs" ADD CONSTRAINT "daily_job_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_progress" ADD CONSTRAINT "run_progress_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;