CREATE TABLE "attendance_days" (
	"learner_id" text NOT NULL,
	"date" date NOT NULL,
	"school_id" text NOT NULL,
	"am" text NOT NULL,
	"pm" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_days_learner_id_date_pk" PRIMARY KEY("learner_id","date"),
	CONSTRAINT "attendance_days_marks" CHECK (length("attendance_days"."am") = 1 and length("attendance_days"."pm") = 1)
);
--> statement-breakpoint
ALTER TABLE "attendance_days" ADD CONSTRAINT "attendance_days_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;