CREATE TABLE "education_other_than_at_school" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"kind" text NOT NULL,
	"provider" text NOT NULL,
	"half_hours_per_week" integer NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	CONSTRAINT "education_other_than_at_school_kind" CHECK (kind in ('tuition-service', 'alternative-provider', 'home-tuition', 'other')),
	CONSTRAINT "education_other_than_at_school_provider" CHECK (length("education_other_than_at_school"."provider") between 1 and 200),
	CONSTRAINT "education_other_than_at_school_hours" CHECK ("education_other_than_at_school"."half_hours_per_week" between 1 and 80),
	CONSTRAINT "education_other_than_at_school_dates" CHECK ("education_other_than_at_school"."ended_on" is null or "education_other_than_at_school"."ended_on" >= "education_other_than_at_school"."started_on")
);
--> statement-breakpoint
ALTER TABLE "education_other_than_at_school" ADD CONSTRAINT "education_other_than_at_school_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "education_other_than_at_school_learner" ON "education_other_than_at_school" USING btree ("learner_id","started_on");