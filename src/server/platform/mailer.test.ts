import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailer, fileMailer, offMailer, unitAddress } from './mailer';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-mailer-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('mailer', () => {
  it('is off unless configured, and off sends nothing', async () => {
    expect(createMailer({ mailer: 'off', mailDir: dir }).kind).toBe('off');
    expect(createMailer({ mailer: 'file', mailDir: dir }).kind).toBe('file');
    await offMailer.send({ to: ['a@b'], subject: 'x', text: 'y' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('the file sender writes one RFC 5322 message per mail, Vietnamese subject and body intact', async () => {
    const sut = fileMailer(dir, () => new Date('2026-03-02T01:00:00Z'));
    await sut.send({ to: ['x@y.vn'], subject: 'Hồ sơ HS-2020-0001: trả lại', text: 'Lý do: thiếu tờ trình' });
    await sut.send({ to: [], subject: 'no one', text: '' });
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    const eml = fs.readFileSync(path.join(dir, files[0]!), 'utf8');
    const [head, body] = eml.split('\r\n\r\n');
    expect(head).toContain('To: x@y.vn');
    expect(head).toContain('Date: Mon, 02 Mar 2026 01:00:00 GMT');
    const subject = /Subject: =\?UTF-8\?B\?(.+)\?=/.exec(head!)![1]!;
    expect(Buffer.from(subject, 'base64').toString('utf8')).toBe('Hồ sơ HS-2020-0001: trả lại');
    expect(Buffer.from(body!.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe('Lý do: thiếu tờ trình');
  });

  it('a unit’s address comes from the template', () => {
    expect(unitAddress({ mailUnitAddress: 'tdkt+{unit}@so.vn' }, 'BL-TTNS')).toBe('tdkt+bl-ttns@so.vn');
  });
});
