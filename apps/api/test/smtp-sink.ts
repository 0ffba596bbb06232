// A real SMTP server on a random loopback port that keeps every message it receives, parsed: what the alert
// digest test sends its e-mail to.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  mails: ParsedMail[];
  /** The messages to `address` received so far. */
  to(address: string): ParsedMail[];
  /** Waits until `count` messages to `address` have arrived (fails after `timeoutMs`). */
  waitFor(address: string, count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to trust in the test.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  const to = (address: string) =>
    mails.filter((m) => {
      const list = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
      return list.some((a) => a.value.some((v) => v.address === address));
    });
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    to,
    async waitFor(address, count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (to(address).length < count) {
        if (Date.now() > until)
          throw new Error(`expected ${count} e-mails to ${address}, got ${to(address).length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return to(address);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
