CREATE TABLE "pep_meeting_invitees" (
	"meeting_id" text NOT NULL,
	"role" text NOT NULL,
	"recipient_kind" text,
	"recipient" text,
	"response" text,
	"responded_by_subject" text,
	"responded_at" timestamp with time zone,
	CONSTRAINT "pep_meeting_invitees_meeting_id_role_pk" PRIMARY KEY("meeting_id","role"),
	CONSTRAINT "pep_meeting_invitees_role" CHECK (role in ('designated-teacher', 'virtual-school-head', 'social-worker', 'learner', 'carer')),
	CONSTRAINT "pep_meeting_invitees_response" CHECK ("pep_meeting_invitees"."response" is null or "pep_meeting_invitees"."response" in ('accepted', 'declined', 'tentative')),
	CONSTRAINT "pep_meeting_invitees_recipient" CHECK (("pep_meeting_invitees"."recipient_kind" is null) = ("pep_meeting_invitees"."recipient" is null))
);
--> statement-breakpoint
CREATE TABLE "pep_meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"pep_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"meets_on" date NOT NULL,
	"starts_at" text NOT NULL,
	"place" text,
	"online_link" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"scheduled_by_subject" text NOT NULL,
	"scheduled_by_role" text NOT NULL,
	"minutes_pep_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pep_meetings_status" CHECK (status in ('scheduled', 'cancelled', 'held')),
	CONSTRAINT "pep_meetings_where" CHECK (("pep_meetings"."place" is null) <> ("pep_meetings"."online_link" is null)),
	CONSTRAINT "pep_meetings_link" CHECK ("pep_meetings"."online_link" is null or "pep_meetings"."online_link" like 'https://%'),
	CONSTRAINT "pep_meetings_starts_at" CHECK ("pep_meetings"."starts_at" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "pep_meetings_version_positive" CHECK ("pep_meetings"."version" > 0)
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_recipient_kind";--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "moves_to" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "meeting_id" text;--> statement-breakpoint
ALTER TABLE "pep_meeting_invitees" ADD CONSTRAINT "pep_meeting_invitees_meeting_id_pep_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."pep_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pep_meetings" ADD CONSTRAINT "pep_meetings_pep_id_peps_id_fk" FOREIGN KEY ("pep_id") REFERENCES "public"."peps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pep_meetings" ADD CONSTRAINT "pep_meetings_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pep_meetings" ADD CONSTRAINT "pep_meetings_minutes_pep_id_peps_id_fk" FOREIGN KEY ("minutes_pep_id") REFERENCES "public"."peps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pep_meetings_pep" ON "pep_meetings" USING btree ("pep_id");--> statement-breakpoint
CREATE INDEX "pep_meetings_learner" ON "pep_meetings" USING btree ("learner_id","meets_on");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_moves_to" CHECK ("notifications"."kind" = 'pep-meeting-invitation' or "notifications"."moves_to" is not null);--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_meeting" CHECK (("notifications"."kind" = 'pep-meeting-invitation') = ("notifications"."meeting_id" is not null));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind" CHECK (kind in ('school-move', 'placement-move', 'pep-meeting-invitation'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_kind" CHECK (recipient_kind in ('school', 'authority', 'learner', 'child'));