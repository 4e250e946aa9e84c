ALTER TABLE "audit_log" ADD COLUMN "outside_caseload" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "reason_purpose" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "reason_note" text;