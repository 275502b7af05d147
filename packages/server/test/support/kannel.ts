/**
 * Real Kannel for tests (docs/sms.md): bearerbox and smsbox from Debian's `kannel` on free ports with a generated
 * configuration, and a phone on the fake network (`fakesmsc` from `kannel-extras`). bearerbox takes one fakesmsc
 * connection at a time, so the phone sends each message from a new fakesmsc that then stays connected, receiving
 * every SMS sent to the network, until the next message replaces it.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KANNEL_INSTALL = 'sudo apt-get install kannel kannel-extras';

/** The Kannel binaries, or why they cannot be used. */
export function findKannel(): { bearerbox: string; smsbox: string; fakesmsc: string } | { missing: string } {
  const which = (name: string, ...fallbacks: string[]) => {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
    } catch {
      return fallbacks.find((f) => existsSync(f)) ?? null;
    }
  };
  const bearerbox = which('bearerbox', '/usr/sbin/bearerbox');
  const smsbox = which('smsbox', '/usr/sbin/smsbox');
  const fakesmsc = which('fakesmsc', '/usr/lib/kannel/test/fakesmsc');
  const missing = [!bearerbox && 'bearerbox', !smsbox && 'smsbox', !fakesmsc && 'fakesmsc'].filter(Boolean);
  if (missing.length) return { missing: `${missing.join(', ')} not found` };
  return { bearerbox: bearerbox!, smsbox: smsbox!, fakesmsc: fakesmsc! };
}

/** Kannel's own configuration check (kannel-extras), on a file: null when it reads, else what it said. */
export function checkKannelConf(file: string): string | null {
  const tool = '/usr/lib/kannel/test/test_cfg';
  if (!existsSync(tool)) return `${tool} not found`;
  // Kannel logs to stderr.
  const run = spawnSync(tool, [file], { encoding: 'utf8' });
  const out = `${run.stdout}${run.stderr}`;
  return /cfg_read returned 0/.test(out)
    ? null
    : out
        .split('\n')
        .filter((l) => /ERROR|PANIC|returned/.test(l))
        .join('\n');
}

export interface KannelPorts {
  admin: number;
  smsbox: number;
  fake: number;
  sendsms: number;
}

export const SENDSMS_USER = { username: 'pintu', password: 'uji-kirim-sms' };
export const SHORT_CODE = '1708';

/** The configuration of docs/sms.md, on test ports and a temp directory. */
export function kannelConf(dir: string, ports: KannelPorts, getUrl: string): string {
  return `group = core
admin-port = ${ports.admin}
admin-password = uji-admin
admin-allow-ip = "127.0.0.1"
smsbox-port = ${ports.smsbox}
box-allow-ip = "127.0.0.1"
log-file = "${dir}/bearerbox.log"
log-level = 1
sms-combine-concatenated-mo = true
sms-combine-concatenated-mo-timeout = 60

group = smsc
smsc = fake
smsc-id = fake
port = ${ports.fake}
connect-allow-ip = "127.0.0.1"

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = ${ports.smsbox}
sendsms-port = ${ports.sendsms}
global-sender = ${SHORT_CODE}
log-file = "${dir}/smsbox.log"
log-level = 1
mo-recode = true
reply-couldnotfetch = "Maaf, layanan sedang gangguan. Coba lagi nanti."

group = sendsms-user
username = ${SENDSMS_USER.username}
password = ${SENDSMS_USER.password}
user-allow-ip = "127.0.0.1"
max-messages = 3
concatenation = true

group = sms-service
keyword-regex = .*
catch-all = true
get-url = "${getUrl}"
max-messages = 3
concatenation = true
omit-empty = true
accept-x-kannel-headers = true
`;
}

/** A process whose output is kept. */
function run(cmd: string, args: string[]) {
  const child: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `ok()` holds, or throws with `what` and the logs. */
export async function waitFor(
  what: string,
  ok: () => boolean | Promise<boolean>,
  ms: number,
  logs = () => '',
) {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${logs()}`);
    await sleep(100);
  }
}

/** One SMS the phone received: sender, and the text (concatenated parts joined). */
export interface ReceivedSms {
  from: string;
  to: string;
  text: string;
}

export interface Kannel {
  ports: KannelPorts;
  sendsmsUrl: string;
  /** Sends an SMS from the phone: one part, or several as a concatenated message (`parts`). */
  send(from: string, text: string | string[]): Promise<void>;
  /** Every SMS that reached the phone so far. */
  inbox(): ReceivedSms[];
  /** Waits for an SMS matching `test`, among those after the first `after` of the inbox. */
  receive(test: (m: ReceivedSms) => boolean, ms?: number, after?: number): Promise<ReceivedSms>;
  logs(): string;
  stop(): Promise<void>;
}

/** Starts bearerbox and smsbox; `getUrl(ports)` is the sms-service's URL (Pintu's webhook). */
export async function startKannel(
  bin: { bearerbox: string; smsbox: string; fakesmsc: string },
  ports: KannelPorts,
  getUrl: string,
): Promise<Kannel> {
  const dir = mkdtempSync(join(tmpdir(), 'pintu-kannel-'));
  const conf = join(dir, 'kannel.conf');
  writeFileSync(conf, kannelConf(dir, ports, getUrl));
  const logs = () =>
    ['bearerbox.log', 'smsbox.log']
      .map((f) => join(dir, f))
      .filter(existsSync)
      .map((f) => readFileSync(f, 'utf8').split('\n').slice(-25).join('\n'))
      .join('\n');
  const bearerbox = run(bin.bearerbox, [conf]);
  await waitFor('bearerbox', () => logs().includes('Start-up done'), 20_000, logs);
  const smsbox = run(bin.smsbox, [conf]);
  await waitFor('smsbox', () => logs().includes('Connected to bearerbox'), 20_000, logs);

  const received: { line: string }[] = [];
  let phone: ReturnType<typeof run> | null = null;
  let seen = 0;
  const collect = () => {
    if (!phone) return;
    // One line per message; the text itself may hold '<' and '>' (`CEK <Tracking ID>`).
    const lines = [...phone.output().matchAll(/Got message \d+: <(.*)>\s*$/gm)].map((m) => m[1]!);
    for (const line of lines.slice(seen)) received.push({ line });
    seen = lines.length;
  };

  const inbox = (): ReceivedSms[] => {
    collect();
    return joinParts(received.map((r) => r.line));
  };

  return {
    ports,
    sendsmsUrl: `http://127.0.0.1:${ports.sendsms}/cgi-bin/sendsms?username=${SENDSMS_USER.username}&password=${SENDSMS_USER.password}`,
    async send(from, text) {
      const parts = Array.isArray(text) ? text : [text];
      const ref = Math.floor(Math.random() * 256);
      for (const [i, part] of parts.entries()) {
        // What the old phone received up to its last moment is kept before the new one takes the network.
        await phone?.stop();
        collect();
        const hex = (n: number) => `%${n.toString(16).padStart(2, '0')}`;
        // UDH of a concatenated SMS (IEI 00): reference, total, this part's number.
        const message =
          parts.length === 1
            ? `${from} ${SHORT_CODE} text ${part}`
            : `${from} ${SHORT_CODE} udh-text ${[5, 0, 3, ref, parts.length, i + 1].map(hex).join('')} ${part}`;
        phone = run(bin.fakesmsc, ['-H', '127.0.0.1', '-r', String(ports.fake), '-m', '1', message]);
        seen = 0;
        const p = phone;
        await waitFor(
          'the phone to send',
          () => /sent message 1/.test(p.output()),
          10_000,
          () => p.output(),
        );
      }
    },
    inbox,
    async receive(test, ms = 30_000, after = 0) {
      let found: ReceivedSms | undefined;
      await waitFor(
        'an SMS on the phone',
        () => {
          found = inbox().slice(after).find(test);
          return found !== undefined;
        },
        ms,
        () => `${JSON.stringify(inbox(), null, 1)}\n${logs()}`,
      );
      return found!;
    },
    logs,
    async stop() {
      await phone?.stop();
      collect();
      await smsbox.stop();
      await bearerbox.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** URL-encoded data as bytes (`+` is a space). */
function bytesOf(data: string): Buffer {
  const out: number[] = [];
  const s = data.replace(/\+/g, ' ');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(out);
}

/** Bytes as the coding fakesmsc names them: `ucs-2` is UTF-16BE, `data` and `text` Kannel's UTF-8. */
function decodeAs(coding: string, bytes: Buffer): string {
  return coding.startsWith('ucs') ? Buffer.from(bytes).swap16().toString('utf16le') : bytes.toString('utf8');
}

/**
 * fakesmsc's lines as messages: `from to text <literal>`, `from to data|ucs-2 <url-encoded>`, and the parts of a
 * concatenated one, `from to udh <udh> data|ucs-2 <url-encoded>`, joined in order once all have arrived.
 */
export function joinParts(lines: string[]): ReceivedSms[] {
  const out: ReceivedSms[] = [];
  const pending = new Map<string, { total: number; parts: Map<number, Buffer>; coding: string }>();
  for (const line of lines) {
    const [from = '', to = '', type = '', ...rest] = line.split(' ');
    if (type === 'text') {
      out.push({ from, to, text: rest.join(' ') });
      continue;
    }
    if (type !== 'udh') {
      out.push({ from, to, text: decodeAs(type, bytesOf(rest.join(' '))) });
      continue;
    }
    const [udhEncoded = '', coding = 'data', ...data] = rest;
    const udh = bytesOf(udhEncoded);
    const body = bytesOf(data.join(' '));
    if (udh.length < 6 || udh[1] !== 0) {
      out.push({ from, to, text: decodeAs(coding, body) });
      continue;
    }
    const key = `${from}|${to}|${udh[3]}`;
    const entry = pending.get(key) ?? { total: udh[4]!, parts: new Map<number, Buffer>(), coding };
    entry.parts.set(udh[5]!, body);
    pending.set(key, entry);
    if (entry.parts.size === entry.total) {
      pending.delete(key);
      const ordered = [...entry.parts.entries()].sort(([a], [b]) => a - b).map(([, b]) => b);
      out.push({ from, to, text: decodeAs(entry.coding, Buffer.concat(ordered)) });
    }
  }
  return out;
}
