/**
 * E-mail of notifications, pluggable and off by default (issue 6 item 7): `off` sends nothing; `file`
 * writes each message as an RFC 5322 `.eml` file (tests, and operators who hand the folder to a mail
 * relay). A real SMTP sender is another implementation of `Mailer`. Sending never fails the caller's
 * work: the in-app notification is the record; e-mail is a courtesy copy.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: 'off' | 'file';
  send(message: MailMessage): Promise<void>;
}

export const offMailer: Mailer = { kind: 'off', send: async () => {} };

/** RFC 2047 encoded-word for non-ASCII headers (Vietnamese subjects). */
const encodeHeader = (s: string) =>
  /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;

export function fileMailer(dir: string, now: () => Date = () => new Date()): Mailer {
  return {
    kind: 'file',
    async send(m) {
      if (m.to.length === 0) return;
      await fs.mkdir(dir, { recursive: true });
      const at = now();
      const id = `${at.getTime()}-${randomBytes(4).toString('hex')}`;
      const body = Buffer.from(m.text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
      const eml = [
        'From: VinhDanh <no-reply@localhost>',
        `To: ${m.to.join(', ')}`,
        `Subject: ${encodeHeader(m.subject)}`,
        `Date: ${at.toUTCString()}`,
        `Message-ID: <${id}@vinhdanh>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: base64',
        '',
        body,
        '',
      ].join('\r\n');
      await fs.writeFile(path.join(dir, `${id}.eml`), eml);
    },
  };
}

export function createMailer(config: Pick<Config, 'mailer' | 'mailDir'>): Mailer {
  return config.mailer === 'file' ? fileMailer(config.mailDir) : offMailer;
}

/** A unit's mailbox from the configured template. */
export const unitAddress = (config: Pick<Config, 'mailUnitAddress'>, unitCode: string) =>
  config.mailUnitAddress.replace('{unit}', unitCode.toLowerCase());
