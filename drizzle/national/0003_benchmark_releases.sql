CREATE TABLE "benchmark_releases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"refresh_id" bigint,
	"as_of" date NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"failure" text,
	"rounding" text NOT NULL,
	"snapshots" jsonb NOT NULL,
	"figures" jsonb,
	"audit" jsonb,
	"build_seconds" double precision,
	"audit_seconds" double precision,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "benchmark_releases_status" CHECK (status in ('building', 'published', 'failed')),
	CONSTRAINT "benchmark_releases_rounding" CHECK (rounding in ('none', 'nearest-5'))
);
--> statement-breakpoint
ALTER TABLE "benchmark_releases" ADD CONSTRAINT "benchmark_releases_refresh_id_benchmark_refreshes_id_fk" FOREIGN KEY ("refresh_id") REFERENCES "public"."benchmark_refreshes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benchmark_releases_latest" ON "benchmark_releases" USING btree ("status","id");