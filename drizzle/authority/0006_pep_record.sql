CREATE TABLE "additional_learning_needs" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"identified_on" date NOT NULL,
	"summary" text NOT NULL,
	"idp_maintained_by" text,
	"idp_agreed_on" date,
	"idp_review_due" date,
	CONSTRAINT "additional_learning_needs_maintainer" CHECK ("additional_learning_needs"."idp_maintained_by" is null or "additional_learning_needs"."idp_maintained_by" in ('school', 'authority')),
	CONSTRAINT "additional_learning_needs_idp" CHECK (("additional_learning_needs"."idp_agreed_on" is null) = ("additional_learning_needs"."idp_maintained_by" is null))
);
--> statement-breakpoint
CREATE TABLE "destinations" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"recorded_on" date NOT NULL,
	"destination" text NOT NULL,
	CONSTRAINT "destinations_destination" CHECK (destination in ('school-sixth-form', 'further-education', 'higher-education', 'apprenticeship', 'employment', 'training', 'neet', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "exclusions" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"school_id" text NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"sessions" integer,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exclusions_kind" CHECK (kind in ('fixed-term', 'permanent')),
	CONSTRAINT "exclusions_sessions" CHECK (("exclusions"."kind" = 'permanent' and "exclusions"."sessions" is null) or ("exclusions"."kind" = 'fixed-term' and "exclusions"."sessions" between 1 and 90))
);
--> statement-breakpoint
CREATE TABLE "interventions" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"kind" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"grant_funded" boolean NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "interventions_kind" CHECK (kind in ('tutoring', 'mentoring', 'literacy', 'numeracy', 'counselling', 'camhs-referral', 'other')),
	CONSTRAINT "interventions_dates" CHECK ("interventions"."ended_on" is null or "interventions"."ended_on" >= "interventions"."started_on")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient" text NOT NULL,
	"learner_id" text NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"moves_to" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"read_by_subject" text,
	CONSTRAINT "notifications_kind" CHECK (kind in ('school-move', 'placement-move')),
	CONSTRAINT "notifications_recipient_kind" CHECK (recipient_kind in ('school', 'authority'))
);
--> statement-breakpoint
CREATE TABLE "pep_quality_ratings" (
	"pep_id" text PRIMARY KEY NOT NULL,
	"rating" text NOT NULL,
	"comments" text NOT NULL,
	"rated_by_subject" text NOT NULL,
	"rated_on" date NOT NULL,
	CONSTRAINT "pep_quality_ratings_rating" CHECK (rating in ('red', 'amber', 'green'))
);
--> statement-breakpoint
CREATE TABLE "pep_sections" (
	"pep_id" text NOT NULL,
	"section" text NOT NULL,
	"body" text NOT NULL,
	"language" text NOT NULL,
	"written_by_subject" text NOT NULL,
	"written_by_role" text NOT NULL,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pep_sections_pep_id_section_pk" PRIMARY KEY("pep_id","section"),
	CONSTRAINT "pep_sections_section" CHECK (section in ('all-about-me', 'school-picture', 'support', 'carer-views', 'social-worker-views', 'review-actions')),
	CONSTRAINT "pep_sections_language" CHECK (language in ('cy', 'en')),
	CONSTRAINT "pep_sections_body" CHECK (length("pep_sections"."body") between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "pep_sign_offs" (
	"pep_id" text NOT NULL,
	"signer_role" text NOT NULL,
	"signer_subject" text NOT NULL,
	"pep_version" integer NOT NULL,
	"signed_on" date NOT NULL,
	CONSTRAINT "pep_sign_offs_pep_id_signer_role_pk" PRIMARY KEY("pep_id","signer_role"),
	CONSTRAINT "pep_sign_offs_role" CHECK (signer_role in ('education-lead', 'social-worker', 'designated-teacher'))
);
--> statement-breakpoint
CREATE TABLE "reduced_timetables" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"school_id" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"hours_per_week" integer NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "reduced_timetables_hours" CHECK ("reduced_timetables"."hours_per_week" between 0 and 24),
	CONSTRAINT "reduced_timetables_dates" CHECK ("reduced_timetables"."ended_on" is null or "reduced_timetables"."ended_on" >= "reduced_timetables"."started_on")
);
--> statement-breakpoint
CREATE TABLE "sdq_assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"completed_on" date NOT NULL,
	"informant" text NOT NULL,
	"emotional" integer NOT NULL,
	"conduct" integer NOT NULL,
	"hyperactivity" integer NOT NULL,
	"peer" integer NOT NULL,
	"prosocial" integer NOT NULL,
	CONSTRAINT "sdq_assessments_informant" CHECK (informant in ('carer', 'teacher', 'self')),
	CONSTRAINT "sdq_assessments_scales" CHECK ("sdq_assessments"."emotional" between 0 and 10 and "sdq_assessments"."conduct" between 0 and 10 and "sdq_assessments"."hyperactivity" between 0 and 10 and "sdq_assessments"."peer" between 0 and 10 and "sdq_assessments"."prosocial" between 0 and 10)
);
--> statement-breakpoint
ALTER TABLE "additional_learning_needs" ADD CONSTRAINT "additional_learning_needs_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destinations" ADD CONSTRAINT "destinations_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exclusions" ADD CONSTRAINT "exclusions_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pep_quality_ratings" ADD CONSTRAINT "pep_quality_ratings_pep_id_peps_id_fk" FOREIGN KEY ("pep_id") REFERENCES "public"."peps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pep_sections" ADD CONSTRAINT "pep_sections_pep_id_peps_id_fk" FOREIGN KEY ("pep_id") REFERENCES "public"."peps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pep_sign_offs" ADD CONSTRAINT "pep_sign_offs_pep_id_peps_id_fk" FOREIGN KEY ("pep_id") REFERENCES "public"."peps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduced_timetables" ADD CONSTRAINT "reduced_timetables_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sdq_assessments" ADD CONSTRAINT "sdq_assessments_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "additional_learning_needs_learner" ON "additional_learning_needs" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "destinations_learner" ON "destinations" USING btree ("learner_id","recorded_on");--> statement-breakpoint
CREATE INDEX "exclusions_learner" ON "exclusions" USING btree ("learner_id","starts_on");--> statement-breakpoint
CREATE INDEX "interventions_learner" ON "interventions" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "notifications_recipient" ON "notifications" USING btree ("recipient_kind","recipient","id");--> statement-breakpoint
CREATE INDEX "reduced_timetables_learner" ON "reduced_timetables" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "sdq_assessments_learner" ON "sdq_assessments" USING btree ("learner_id","completed_on");