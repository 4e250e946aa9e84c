-- What a school move puts right (issue 15, decision 0027): a designated teacher's sign-off names its school and, once
-- the child leaves it, the day they left; a notification keeps where the child moved from, and may be addressed
-- to a child (read by their allocated social worker).
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_recipient_kind";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "moves_from" text;--> statement-breakpoint
ALTER TABLE "pep_sign_offs" ADD COLUMN "school_id" text;--> statement-breakpoint
ALTER TABLE "pep_sign_offs" ADD COLUMN "school_left_on" date;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_kind" CHECK (recipient_kind in ('school', 'authority', 'learner'));