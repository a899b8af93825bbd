// The e-mails Datahub sends the named recipient (DH-831.DH.NOTIFY_EMAIL,
// DH-831.DH.REMINDER_EMAIL), in Finnish and English. The seed prescribes no wording; these texts
// are the reference's own and only say what the seed says the mail is for.
import { type Dh831Process, datahubInstant } from '@consent-sim/messages';
import { isoInZone, localDate } from '../time.ts';
import { DH831_ZONE } from './catalogue.ts';
import type { EmailIntent } from './events.ts';

export interface MailContext {
  readonly process: Dh831Process;
  readonly sellerPartyId: string;
  readonly requestEndAt: number;
}

function body(lead: { fi: string; en: string }, context: MailContext): string {
  const { process } = context;
  const points = process.accountingPoints.length === 0 ? '-' : process.accountingPoints.join(', ');
  const endDate = localDate(context.requestEndAt, DH831_ZONE);
  return [
    `Hei ${process.recipient?.name ?? ''},`,
    '',
    lead.fi,
    `Myyjä: ${context.sellerPartyId}`,
    `Kuvaus: ${process.description ?? '-'}`,
    `Käyttöpaikat: ${points}`,
    `Pyyntö on voimassa ${endDate} asti. Hyväksy tai hylkää pyyntö valtuutuspalvelussa.`,
    '',
    lead.en,
    `Seller: ${context.sellerPartyId}`,
    `Description: ${process.description ?? '-'}`,
    `Accounting points: ${points}`,
    `The request is valid until ${endDate}. Approve or reject it in the Authorization Service.`,
    '',
    `Pyyntö / request: ${process.requestId}`,
    `Alkaa / starts: ${isoInZone(datahubInstant(process.periodStart) ?? 0, DH831_ZONE)}`,
  ].join('\n');
}

/**
 * The "request created" mail (seed: "Ilmoitus luodusta valtuutuspyynnöstä").
 *
 * @example notificationMail(context).subject // 'Uusi valtuutuspyyntö / New authorization request'
 */
export function notificationMail(context: MailContext): EmailIntent {
  return {
    kind: 'notification',
    requestId: context.process.requestId,
    recipientName: context.process.recipient?.name ?? '',
    recipientEmail: context.process.recipient?.email ?? '',
    subject: 'Uusi valtuutuspyyntö / New authorization request',
    text: body(
      {
        fi: 'Sinulle on luotu valtuutuspyyntö datahubissa.',
        en: 'An authorization request was created for you in Datahub.',
      },
      context,
    ),
  };
}

/** The reminder mail (seed: "Muistutus luodusta valtuutuspyynnöstä"), only while Open. */
export function reminderMail(context: MailContext): EmailIntent {
  return {
    ...notificationMail(context),
    kind: 'reminder',
    subject: 'Muistutus: avoin valtuutuspyyntö / Reminder: open authorization request',
    text: body(
      {
        fi: 'Muistutus: valtuutuspyyntösi on edelleen avoin.',
        en: 'Reminder: your authorization request is still open.',
      },
      context,
    ),
  };
}
