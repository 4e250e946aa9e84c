CREATE TABLE "applied_writes" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"actor_subject" text NOT NULL,
	"operation" text NOT NULL,
	"result" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_subject" text NOT NULL,
	"actor_role" text NOT NULL,
	"actor_authority" text,
	"learner_id" text NOT NULL,
	"action" text NOT NULL,
	"decision" text NOT NULL,
	"field_classes" text[] NOT NULL,
	"fields" text[] NOT NULL,
	"operation_name" text,
	CONSTRAINT "audit_log_action" CHECK (action in ('read', 'write')),
	CONSTRAINT "audit_log_decision" CHECK (decision in ('allowed', 'denied'))
);
--> statement-breakpoint
CREATE TABLE "staff_allocations" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"staff_role" text NOT NULL,
	"staff_subject" text NOT NULL,
	"staff_name" text NOT NULL,
	"work_email" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	CONSTRAINT "staff_allocations_role" CHECK (staff_role in ('education-lead', 'social-worker', 'designated-teacher')),
	CONSTRAINT "staff_allocations_dates" CHECK ("staff_allocations"."ended_on" is null or "staff_allocations"."ended_on" >= "staff_allocations"."started_on")
);
--> statement-breakpoint
ALTER TABLE "staff_allocations" ADD CONSTRAINT "staff_allocations_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_learner_at" ON "audit_log" USING btree ("learner_id","at");--> statement-breakpoint
CREATE INDEX "staff_allocations_learner" ON "staff_allocations" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "staff_allocations_subject" ON "staff_allocations" USING btree ("staff_subject");