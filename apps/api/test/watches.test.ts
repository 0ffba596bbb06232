// Watchlists and alerts (issue 14): watches are their owner's alone; a publish that crosses a threshold or brings a
// new export control raises one alert per watch, in the portal and in an e-mail digest sent through a real SMTP
// server (a local sink); publishing again or rolling back does not repeat it; the unsubscribe link stops e-mail.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer, smtpOptions } from '../src/alerts/mailer.ts';
import { MAX_WATCHES_PER_USER } from '../src/alerts/schemas.ts';
import { AlertService } from '../src/alerts/service.ts';
import type { Database } from '../src/db/client.ts';
import { loadEnv } from '../src/env.ts';
import { concentrationIn } from '../src/queries/concentration.ts';
import { publishDraft } from '../src/queries/dataset-versions.ts';
import { scoreIn } from '../src/queries/score.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts';
import { callerFor, createTestUser, openTestDatabase, outcomeOf, silentLog, TEST_ORIGIN } from './support.ts';

let database: Database;
let sink: SmtpSink;
let alerts: AlertService;
let admin: SessionUser;
beforeAll(async () => {
  database = await openTestDatabase();
  sink = await startSmtpSink();
  alerts = new AlertService({
    db: database.db,
    log: silentLog,
    mailer: smtpMailer(sink.url, 'REE Resilience <alerts@test.ree.local>'),
    secret: 'test-secret-test-secret-test-secret!',
    publicOrigin: TEST_ORIGIN,
  });
  admin = await createTestUser(database, 'admin');
});
afterAll(async () => {
  await alerts?.idle();
  alerts?.close();
  await sink?.close();
  await database?.close();
});

const as = (user: SessionUser | null) => callerFor(database, user, alerts);

/** A draft copied from the current version, changed by `edit`, published; resolves once the alert check is done. */
async function publishWith(edit: (draftId: string) => Promise<void>) {
  const caller = as(admin);
  const draft = await caller.datasets.createDraft({ label: `Watch ${randomUUID()}`, from: 'current' });
  await edit(draft.id);
  await caller.datasets.publish({ versionId: draft.id, note: 'watch test' });
  await alerts.idle();
  return resolveVersion(database.db, draft.id);
}

/** Chinese REE mine output up 5% (raises the HHI of REE mining; more would pass the world total). */
async function moreChineseMining(versionId: string) {
  await database.db.productionRecord.updateMany({
    where: { versionId, country: 'CHN', stage: 'mining', material: 'REE', unit: 't' },
    data: { quantity: { multiply: 1.05 } },
  });
}

/**
 * A new export control, in force since 2020, on the given elements: by Malaysia unless said (Japan's NdPr
 * separation score reads Malaysia's 70 % share of Nd, so a Malaysian control on Nd lowers it).
 */
async function newControl(versionId: string, id: string, elements: string[], country = 'MYS') {
  const like = await database.db.policyMeasure.findFirstOrThrow({ where: { versionId, country: 'CHN' } });
  await database.db.policyMeasure.create({
    data: {
      versionId,
      id,
      country,
      kind: 'export-control',
      title: `Test control ${id}`,
      elements,
      startDate: '2020-01-01',
      sourceId: like.sourceId,
      status: 'verified',
    },
  });
}

describe('watches are private to their owner', () => {
  it('lists, creates and deletes only the signed-in user’s own watches', async () => {
    const alice = await createTestUser(database, 'user');
    const bob = await createTestUser(database, 'user');
    const watch = await as(alice).watches.create({ kind: 'new_export_control', element: 'Dy' });
    expect(watch.params).toEqual({ kind: 'new_export_control', element: 'Dy' });
    expect((await as(alice).watches.list()).map((w) => w.id)).toEqual([watch.id]);
    expect(await as(bob).watches.list()).toEqual([]);
    expect(await outcomeOf(as(bob).watches.delete({ id: watch.id }))).toBe('NOT_FOUND');
    expect(await outcomeOf(as(null).watches.list())).toBe('UNAUTHORIZED');
    expect(await as(alice).watches.delete({ id: watch.id })).toEqual({ id: watch.id });
    expect(await as(alice).watches.list()).toEqual([]);
  });

  it('refuses parameters that cannot work, saying which', async () => {
    const alice = await createTestUser(database, 'user');
    const unknown = as(alice).watches.create({
      kind: 'score_below',
      consumer: 'XXX',
      material: 'NdPr',
      stage: 'separation',
      threshold: 50,
    });
    await expect(unknown).rejects.toThrow(/Unknown country code "XXX"/);
    const tooHigh = as(alice).watches.create({
      kind: 'score_below',
      consumer: 'JPN',
      material: 'NdPr',
      stage: 'separation',
      threshold: 101,
    });
    await expect(tooHigh).rejects.toThrow(/0–100/);
    expect(
      await outcomeOf(as(alice).watches.create({ kind: 'new_export_control', element: 'Xx' } as never)),
    ).toBe('BAD_REQUEST');
  });

  it(`keeps at most ${MAX_WATCHES_PER_USER} watches per account`, async () => {
    const carol = await createTestUser(database, 'user');
    await database.db.watch.createMany({
      data: Array.from({ length: MAX_WATCHES_PER_USER }, () => ({
        ownerId: carol.id,
        kind: 'new_export_control' as const,
        params: { element: 'La' },
      })),
    });
    const next = as(carol).watches.create({ kind: 'new_export_control', element: 'Ce' });
    expect(await outcomeOf(next)).toBe('CONFLICT');
    await database.db.watch.deleteMany({ where: { ownerId: carol.id } });
  });
});

describe('a publish raises alerts', () => {
  it('on crossings and new controls, once, with a digest whose unsubscribe link stops the next one', async () => {
    const alice = await createTestUser(database, 'user');
    const bob = await createTestUser(database, 'user');
    const before = await resolveVersion(database.db);
    const controlId = `test-nd-${randomUUID().slice(0, 8)}`;

    // What the new version will do to the figures, read with the pages' own code on a draft of it.
    const preview = await as(admin).datasets.createDraft({
      label: `Preview ${randomUUID()}`,
      from: 'current',
    });
    await moreChineseMining(preview.id);
    await newControl(preview.id, controlId, ['Nd', 'Pr']);
    const draft = { ...preview, publishedOn: null, published: false };
    const hhi = {
      before: (
        await concentrationIn(database.db, before, { material: 'REE', stage: 'mining', projection: false })
      ).hhi,
      after: (
        await concentrationIn(database.db, draft, { material: 'REE', stage: 'mining', projection: false })
      ).hhi,
    };
    const scoreQuery = { consumer: 'JPN', material: 'NdPr', stage: 'separation' } as const;
    const score = {
      before: (await scoreIn(database.db, before, scoreQuery)).result.score,
      after: (await scoreIn(database.db, draft, scoreQuery)).result.score,
    };
    await as(admin).datasets.deleteDraft({ versionId: preview.id });
    expect(hhi.after).toBeGreaterThan(hhi.before + 10);
    expect(score.before).not.toBeNull();
    expect(score.after).not.toBeNull();
    expect(score.after ?? 0).toBeLessThan((score.before ?? 0) - 0.5);

    const hhiThreshold = Math.round((hhi.before + hhi.after) / 2);
    const scoreThreshold = Math.round(((score.before ?? 0) + (score.after ?? 0)) * 5) / 10;
    const mine = as(alice);
    await mine.watches.create({
      kind: 'hhi_above',
      material: 'REE',
      stage: 'mining',
      threshold: hhiThreshold,
    });
    await mine.watches.create({ kind: 'score_below', ...scoreQuery, threshold: scoreThreshold });
    await mine.watches.create({ kind: 'new_export_control', element: 'Nd' });
    // Ones that must stay quiet: a level never reached, an element the new control does not cover.
    await mine.watches.create({ kind: 'hhi_above', material: 'REE', stage: 'mining', threshold: 9999 });
    await mine.watches.create({ kind: 'new_export_control', element: 'Lu' });
    await as(bob).watches.create({ kind: 'new_export_control', element: 'Pr' });

    const crossing = await publishWith(async (id) => {
      await moreChineseMining(id);
      await newControl(id, controlId, ['Nd', 'Pr']);
    });

    const alerted = await mine.watches.notifications({});
    expect(alerted).toHaveLength(3);
    expect(alerted.every((n) => n.version.id === crossing.id && n.readAt === null)).toBe(true);
    const byKind = Object.fromEntries(alerted.map((n) => [n.message.kind, n.message]));
    expect(byKind.hhi_above).toMatchObject({ threshold: hhiThreshold, before: hhi.before, after: hhi.after });
    expect(byKind.score_below).toMatchObject({
      threshold: scoreThreshold,
      before: score.before,
      after: score.after,
    });
    expect(byKind.new_export_control).toMatchObject({
      element: 'Nd',
      controls: [{ id: controlId, country: 'MYS' }],
    });
    expect(await mine.watches.unreadCount()).toEqual({ unread: 3 });
    // Bob sees his own alert only.
    expect((await as(bob).watches.notifications({})).map((n) => n.message.kind)).toEqual([
      'new_export_control',
    ]);

    // One digest each, with the numbers and a link that needs no sign-in.
    const [digest] = await sink.waitFor(alice.email, 1);
    expect(digest?.subject).toBe(`REE Resilience: 3 alerts in ${crossing.label}`);
    const text = digest?.text ?? '';
    const hhiText = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
    expect(text).toContain(`Production HHI REE mining`);
    expect(text).toContain(
      `rose above ${hhiText.format(hhiThreshold)}: ${hhiText.format(hhi.after)} (was ${hhiText.format(hhi.before)})`,
    );
    expect(text).toContain(`Resilience score JPN NdPr separation`);
    expect(text).toContain(`Test control ${controlId} (MYS, 2020-01-01)`);
    expect(text).toContain('ウォッチ');
    const link = text.match(/https?:\/\/\S+\/unsubscribe\?token=\S+/)?.[0];
    expect(link?.startsWith(`${TEST_ORIGIN}/unsubscribe?token=`)).toBe(true);
    expect(digest?.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain(link);
    expect((await mine.watches.notifications({})).every((n) => n.emailedAt !== null)).toBe(true);
    await sink.waitFor(bob.email, 1);

    // The same check again, a roll-back and a roll-forward, and a publish with nothing new: nothing repeats.
    expect(await alerts.run(crossing, before)).toEqual({ raised: 0, emailed: 0 });
    await as(admin).datasets.rollback({ versionId: before.id });
    await alerts.idle();
    await as(admin).datasets.rollback({ versionId: crossing.id });
    await alerts.idle();
    await publishWith(async () => {});
    expect(await mine.watches.notifications({})).toHaveLength(3);
    expect(sink.to(alice.email)).toHaveLength(1);

    // Read, then unsubscribe through the link, signed out: the next alert is in the portal but not e-mailed.
    await mine.watches.markRead({ ids: [alerted[0]?.id ?? ''] });
    expect(await mine.watches.unreadCount()).toEqual({ unread: 2 });
    await mine.watches.markRead({ all: true });
    expect(await mine.watches.unreadCount()).toEqual({ unread: 0 });
    const token = new URL(link ?? '').searchParams.get('token') ?? '';
    expect(await outcomeOf(as(null).watches.unsubscribe({ token: `${token.slice(0, -2)}xx` }))).toBe(
      'NOT_FOUND',
    );
    expect(await as(null).watches.unsubscribe({ token })).toEqual({ emailDigest: false });
    expect(await mine.watches.settings()).toMatchObject({ emailDigest: false, emailAvailable: true });
    const laControl = `test-la-${randomUUID().slice(0, 8)}`;
    await mine.watches.create({ kind: 'new_export_control', element: 'La' });
    await as(bob).watches.create({ kind: 'new_export_control', element: 'La' });
    await publishWith((id) => newControl(id, laControl, ['La']));
    await sink.waitFor(bob.email, 2);
    expect(await mine.watches.unreadCount()).toEqual({ unread: 1 });
    const [la] = await mine.watches.notifications({ unreadOnly: true });
    expect(la?.message).toMatchObject({ element: 'La', controls: [{ id: laControl }] });
    expect(la?.emailedAt).toBeNull();
    expect(sink.to(alice.email)).toHaveLength(1);

    // Leave the dataset as it was for the files after this one (PostgreSQL keeps it).
    await as(admin).datasets.rollback({ versionId: before.id });
    await alerts.idle();
  });
});

describe('a check a publish owes survives the process', () => {
  it('is run by the next catch-up when the process died before running it, once across two instances', async () => {
    const erin = await createTestUser(database, 'user');
    await as(erin).watches.create({ kind: 'new_export_control', element: 'Sm' });
    const before = await resolveVersion(database.db);
    const draft = await as(admin).datasets.createDraft({ label: `Owed ${randomUUID()}`, from: 'current' });
    await newControl(draft.id, `test-sm-${randomUUID().slice(0, 8)}`, ['Sm']);
    // The publish commits and the process dies before the router schedules the check: the query alone.
    await publishDraft(
      database.db,
      { id: admin.id, email: admin.email, ip: null },
      {
        versionId: draft.id,
        note: 'the process dies next',
      },
    );
    expect(await as(erin).watches.notifications({})).toEqual([]);
    const owed = await database.db.alertCheck.findUnique({ where: { versionId: draft.id } });
    expect(owed?.previousId).toBe(before.id);

    // Held by an instance still alive: nobody else takes it.
    const instance = () =>
      new AlertService({
        db: database.db,
        log: silentLog,
        mailer: smtpMailer(sink.url, 'REE Resilience <alerts@test.ree.local>'),
        secret: 'test-secret-test-secret-test-secret!',
        publicOrigin: TEST_ORIGIN,
      });
    const [one, two] = [instance(), instance()];
    const leased = { where: { versionId: draft.id } } as const;
    await database.db.alertCheck.update({
      ...leased,
      data: { leaseUntil: new Date(Date.now() + 3_600_000) },
    });
    await Promise.all([one.catchUp(), two.catchUp()]);
    expect(await as(erin).watches.notifications({})).toEqual([]);

    // Its holder died (the lease ran out): the two instances catch up at once, and it runs exactly once.
    await database.db.alertCheck.update({ ...leased, data: { leaseUntil: new Date(Date.now() - 1000) } });
    await Promise.all([one.catchUp(), two.catchUp()]);
    const alerted = await as(erin).watches.notifications({});
    expect(alerted.map((n) => [n.message.kind, n.version.id])).toEqual([['new_export_control', draft.id]]);
    await sink.waitFor(erin.email, 1);
    expect(sink.to(erin.email)).toHaveLength(1);
    expect(await database.db.alertCheck.findUnique(leased)).toBeNull();
    for (const service of [one, two]) service.close();

    await as(admin).datasets.rollback({ versionId: before.id });
    await alerts.idle();
  });
});

describe('an alert failure never fails the publish', () => {
  it('logs a failed check and a failed e-mail; the publish goes through', async () => {
    const logged: string[] = [];
    const log = silentLog.child({});
    log.error = ((_obj: unknown, msg?: string) => {
      logged.push(msg ?? '');
    }) as typeof log.error;
    const failingMail = new AlertService({
      db: database.db,
      log,
      mailer: { send: () => Promise.reject(new Error('mail server down')), close: () => {} },
      secret: 'test-secret-test-secret-test-secret!',
      publicOrigin: TEST_ORIGIN,
    });
    const dave = await createTestUser(database, 'user');
    const bad = await database.db.watch.create({
      data: {
        ownerId: dave.id,
        kind: 'hhi_above',
        params: { material: 'Unobtainium', stage: 'mining', threshold: 1 },
      },
    });
    await callerFor(database, dave, failingMail).watches.create({
      kind: 'new_export_control',
      element: 'Ho',
    });
    const before = await resolveVersion(database.db);
    const caller = callerFor(database, admin, failingMail);
    const draft = await caller.datasets.createDraft({ label: `Failing ${randomUUID()}`, from: 'current' });
    await newControl(draft.id, `test-ho-${randomUUID().slice(0, 8)}`, ['Ho']);
    expect(await caller.datasets.publish({ versionId: draft.id, note: 'mail down' })).toMatchObject({
      id: draft.id,
    });
    await failingMail.idle();
    // On a shared PostgreSQL database, watches left by earlier runs may fail to e-mail too: one line per user.
    expect([...new Set(logged)]).toEqual(['watches with invalid parameters', 'alert e-mail failed']);
    const [alert] = await callerFor(database, dave).watches.notifications({});
    expect(alert?.emailedAt).toBeNull();

    // A check that fails outright is logged too, after the publish has answered.
    const broken = new AlertService({
      db: new Proxy(database.db, {
        get: (target, key) =>
          key === 'watch'
            ? { findMany: () => Promise.reject(new Error('database gone')) }
            : Reflect.get(target, key),
      }),
      log,
      mailer: null,
      secret: 'test-secret-test-secret-test-secret!',
      publicOrigin: TEST_ORIGIN,
    });
    const rollback = callerFor(database, admin, broken).datasets.rollback({ versionId: before.id });
    expect(await rollback).toMatchObject({ id: before.id });
    await broken.idle();
    expect(logged.at(-1)).toBe('alert check failed');
    await database.db.watch.delete({ where: { id: bad.id } });
  });
});

describe('SMTP settings', () => {
  it('need MAIL_FROM with SMTP_URL, and an smtp:// or smtps:// URL', () => {
    expect(() => loadEnv({ SMTP_URL: 'smtp://mail.example.org' })).toThrow(/MAIL_FROM/);
    expect(() => loadEnv({ SMTP_URL: 'http://mail.example.org', MAIL_FROM: 'a@example.org' })).toThrow(
      /SMTP_URL: an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });

  it('read the user and password percent-encoded from the URL', () => {
    expect(smtpOptions('smtps://alerts%40example.org:p%3Ass@mail.example.org')).toMatchObject({
      host: 'mail.example.org',
      port: 465,
      secure: true,
      auth: { user: 'alerts@example.org', pass: 'p:ss' },
    });
    expect(smtpOptions('smtp://127.0.0.1:2525')).toMatchObject({ port: 2525, secure: false });
    expect(smtpOptions('smtp://127.0.0.1:2525')).not.toHaveProperty('auth');
  });
});
