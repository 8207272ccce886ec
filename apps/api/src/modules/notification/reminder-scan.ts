/**
 * The reminder scan (a daily job): for every running candidature and label, the domain says which
 * reminders are due today and to whom; each one becomes an in-app notification and an e-mail, recorded
 * under its key — `reminder:<recipient>:<deadline>:J-<offset>` — so that however many API instances
 * scan, and however often, a reminder is recorded, hence sent, once. The e-mails are enqueued after the
 * commit.
 */
import type { DataSource } from "typeorm";
import {
  DEFAULT_REMINDER_OFFSETS,
  dueReminders,
  recipientsOf,
  reminderKey,
  reminderText,
  type IsoDate,
  type ReminderOffsets,
} from "@ldm/domain";
import type { JobQueue } from "../../jobs/job-queue";
import { loadDeadlineContexts } from "./deadline-facts";
import {
  enqueueDeliveries,
  recordDeliveries,
  type DeliveryDraft,
  type RecordedDelivery,
} from "./mail-delivery";
import { recordNotifications, type NotificationDraft } from "./notification.service";

export interface ScanResult {
  /** Reminders due today (one per recipient). */
  due: number;
  /** Of those, newly recorded by this scan (the others were already). */
  recorded: number;
}

/** The portal page of a candidature (the e-mail's link is the platform's URL + this path). */
export function candidaturePath(candidatureId: string): string {
  return `/candidatures/${candidatureId}`;
}

export async function scanReminders(
  dataSource: DataSource,
  queue: JobQueue | null,
  today: IsoDate,
  offsets: ReminderOffsets = DEFAULT_REMINDER_OFFSETS,
): Promise<ScanResult> {
  const contexts = await loadDeadlineContexts(dataSource.manager);
  const notifications: NotificationDraft[] = [];
  const deliveries: DeliveryDraft[] = [];
  for (const { facts, people, name, contacts } of contexts) {
    for (const reminder of dueReminders(facts, today, offsets)) {
      const key = reminderKey(reminder);
      const text = reminderText(reminder, name);
      for (const userId of recipientsOf(reminder.deadline, facts.leadEstablishmentId, people)) {
        const contact = contacts.get(userId);
        if (!contact) continue;
        notifications.push({
          userId,
          kind: "REMINDER",
          title: text.subject,
          body: text.paragraphs.join("\n\n"),
          candidatureId: facts.candidatureId,
          deadlineDate: reminder.deadline.date,
          dedupKey: `reminder:${key}`,
        });
        deliveries.push({
          dedupKey: `reminder:${userId}:${key}`,
          template: "REMINDER",
          userId,
          toAddress: contact.email,
          subject: text.subject,
          payload: {
            recipientName: contact.fullName,
            subject: text.subject,
            paragraphs: text.paragraphs,
            path: candidaturePath(facts.candidatureId),
          },
        });
      }
    }
  }
  let recorded: RecordedDelivery[] = [];
  await dataSource.transaction(async (manager) => {
    for (let i = 0; i < notifications.length; i += 500) {
      await recordNotifications(manager, notifications.slice(i, i + 500));
    }
    for (let i = 0; i < deliveries.length; i += 500) {
      recorded = recorded.concat(await recordDeliveries(manager, deliveries.slice(i, i + 500)));
    }
  });
  await enqueueDeliveries(queue, recorded);
  return { due: deliveries.length, recorded: recorded.length };
}
