CREATE TABLE "notification_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"notification_id" text NOT NULL,
	"subject" text NOT NULL,
	"email" text NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_outbox_state" CHECK (state in ('pending', 'sent'))
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"subject" text NOT NULL,
	"kind" text NOT NULL,
	"delivery" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_subject_kind_pk" PRIMARY KEY("subject","kind"),
	CONSTRAINT "notification_preferences_kind" CHECK (kind in ('school-move', 'placement-move', 'pep-meeting-invitation', 'pep-review-due', 'pep-review-overdue', 'pep-start-overdue', 'attendance-low', 'attendance-drop', 'exclusion', 'sdq-concern')),
	CONSTRAINT "notification_preferences_delivery" CHECK (delivery in ('feed', 'feed-and-email'))
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_moves_to";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "period" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_outbox_once" ON "notification_outbox" USING btree ("notification_id","subject");--> statement-breakpoint
CREATE INDEX "notification_outbox_due" ON "notification_outbox" USING btree ("next_attempt_at") WHERE "notification_outbox"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_alert_once" ON "notifications" USING btree ("learner_id","kind","period","recipient_kind","recipient") WHERE "notifications"."period" is not null;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind" CHECK (kind in ('school-move', 'placement-move', 'pep-meeting-invitation', 'pep-review-due', 'pep-review-overdue', 'pep-start-overdue', 'attendance-low', 'attendance-drop', 'exclusion', 'sdq-concern'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_moves_to" CHECK ("notifications"."kind" = 'pep-meeting-invitation' or "notifications"."period" is not null or "notifications"."moves_to" is not null);