CREATE TABLE "benchmark_counts" (
	"snapshot_id" bigint NOT NULL,
	"measure" text NOT NULL,
	"dimension" text NOT NULL,
	"category" text NOT NULL,
	"numerator" bigint NOT NULL,
	"denominator" bigint,
	CONSTRAINT "benchmark_counts_snapshot_id_measure_dimension_category_pk" PRIMARY KEY("snapshot_id","measure","dimension","category")
);
--> statement-breakpoint
CREATE TABLE "benchmark_refreshes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"requested_by" text NOT NULL,
	"unreachable" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benchmark_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_code" text NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refresh_id" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "benchmark_counts" ADD CONSTRAINT "benchmark_counts_snapshot_id_benchmark_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."benchmark_snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_snapshots" ADD CONSTRAINT "benchmark_snapshots_authority_code_authorities_code_fk" FOREIGN KEY ("authority_code") REFERENCES "public"."authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benchmark_snapshots_latest" ON "benchmark_snapshots" USING btree ("authority_code","taken_at");