CREATE TABLE "care_episodes" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"legal_status" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	CONSTRAINT "care_episodes_legal_status" CHECK (legal_status in ('care-order', 'interim-care-order', 'placement-order', 'voluntary-accommodation', 'remand', 'other')),
	CONSTRAINT "care_episodes_dates" CHECK ("care_episodes"."ended_on" is null or "care_episodes"."ended_on" >= "care_episodes"."started_on")
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"school_id" text NOT NULL,
	"school_authority_code" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	CONSTRAINT "enrolments_dates" CHECK ("enrolments"."ended_on" is null or "enrolments"."ended_on" >= "enrolments"."started_on")
);
--> statement-breakpoint
CREATE TABLE "learners" (
	"id" text PRIMARY KEY NOT NULL,
	"upn" text NOT NULL,
	"legal_given_name" text NOT NULL,
	"legal_family_name" text NOT NULL,
	"preferred_name" text,
	"date_of_birth" date NOT NULL,
	"gender" text NOT NULL,
	"language_preference" text NOT NULL,
	"care_status" text DEFAULT 'looked-after' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learners_upn_unique" UNIQUE("upn"),
	CONSTRAINT "learners_gender" CHECK (gender in ('female', 'male', 'other', 'not-recorded')),
	CONSTRAINT "learners_language" CHECK (language_preference in ('cy', 'en', 'other')),
	CONSTRAINT "learners_care_status" CHECK (care_status in ('looked-after', 'previously-looked-after', 'care-leaver')),
	CONSTRAINT "learners_upn_shape" CHECK (length("learners"."upn") = 13)
);
--> statement-breakpoint
CREATE TABLE "pep_targets" (
	"id" text PRIMARY KEY NOT NULL,
	"pep_id" text NOT NULL,
	"description" text NOT NULL,
	"owner_role" text NOT NULL,
	"due_on" date NOT NULL,
	"progress" text DEFAULT 'not-started' NOT NULL,
	"accelerated" boolean DEFAULT false NOT NULL,
	CONSTRAINT "pep_targets_progress" CHECK (progress in ('not-started', 'in-progress', 'met', 'not-met')),
	CONSTRAINT "pep_targets_description" CHECK (length("pep_targets"."description") > 0)
);
--> statement-breakpoint
CREATE TABLE "peps" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"initiated_on" date NOT NULL,
	"completed_on" date,
	"last_reviewed_on" date,
	"next_review_due" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "peps_status" CHECK (status in ('draft', 'in-review', 'agreed', 'superseded')),
	CONSTRAINT "peps_version_positive" CHECK ("peps"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"care_episode_id" text NOT NULL,
	"placement_type" text NOT NULL,
	"authority_code" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	CONSTRAINT "placements_type" CHECK (placement_type in ('foster', 'kinship-foster', 'with-parents', 'childrens-home', 'secure', 'placed-for-adoption', 'independent-living', 'residential-school', 'other')),
	CONSTRAINT "placements_dates" CHECK ("placements"."ended_on" is null or "placements"."ended_on" >= "placements"."started_on")
);
--> statement-breakpoint
ALTER TABLE "care_episodes" ADD CONSTRAINT "care_episodes_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pep_targets" ADD CONSTRAINT "pep_targets_pep_id_peps_id_fk" FOREIGN KEY ("pep_id") REFERENCES "public"."peps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peps" ADD CONSTRAINT "peps_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_care_episode_id_care_episodes_id_fk" FOREIGN KEY ("care_episode_id") REFERENCES "public"."care_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_episodes_learner" ON "care_episodes" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "enrolments_learner" ON "enrolments" USING btree ("learner_id","started_on");--> statement-breakpoint
CREATE INDEX "enrolments_current_school" ON "enrolments" USING btree ("school_id") WHERE "enrolments"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "enrolments_current_authority" ON "enrolments" USING btree ("school_authority_code") WHERE "enrolments"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "pep_targets_pep" ON "pep_targets" USING btree ("pep_id");--> statement-breakpoint
CREATE INDEX "peps_learner" ON "peps" USING btree ("learner_id","initiated_on");--> statement-breakpoint
CREATE INDEX "placements_learner" ON "placements" USING btree ("learner_id","started_on");--> statement-breakpoint
CREATE INDEX "placements_current_authority" ON "placements" USING btree ("authority_code") WHERE "placements"."ended_on" is null;