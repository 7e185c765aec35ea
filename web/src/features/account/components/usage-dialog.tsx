// The Usage page: images made per day for a chosen period (the last 7 or 30 days, or from/to), as
// bars and as a table of the same figures (the table is what a screen reader reads), with totals.
// An admin sees every user (or one, chosen) and can download the period as CSV; everyone else, and
// the one local user without accounts, sees their own. Days are UTC days, as the server counts them.
// The bars are plain CSS: one series of at most 366 bars needs no chart library.
import { useState } from 'react';
import { plural } from '@/lib/plural';
import { useUsers } from '../api/session';
import { useEveryonesUsage, useMyUsage, usageCsvUrl, type Period, type UsageRow } from '../api/usage';
import { DialogFrame, ErrorText, fieldClass, secondaryClass } from './dialog-frame';

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const lastDays = (n: number): Period => ({ from: isoDay(Date.now() - (n - 1) * DAY_MS), to: isoDay(Date.now()) });

/** A day's figures (the server's own type), with the user's name on an admin's page. */
type Row = Omit<UsageRow, 'name' | 'user_id'> & Partial<Pick<UsageRow, 'name' | 'user_id'>>;
type Figures = Omit<Row, 'day' | 'name' | 'user_id'>;

const ZERO: Figures = { images: 0, calls: 0, failed: 0, generate: 0, edit: 0, seconds: 0, bytes: 0 };
const add = (a: Figures, b: Figures): Figures => ({
  images: a.images + b.images,
  calls: a.calls + b.calls,
  failed: a.failed + b.failed,
  generate: a.generate + b.generate,
  edit: a.edit + b.edit,
  seconds: Math.round((a.seconds + b.seconds) * 10) / 10,
  bytes: a.bytes + b.bytes,
});

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

function duration(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Every day of the period, with its images (0 on a day without a call). */
function everyDay(period: Period, rows: Row[]): { day: string; images: number }[] {
  const byDay = new Map<string, number>();
  for (const r of rows) byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.images);
  const days = [];
  for (let t = Date.parse(`${period.from}T00:00:00Z`), end = Date.parse(`${period.to}T00:00:00Z`); t <= end; t += DAY_MS) days.push({ day: isoDay(t), images: byDay.get(isoDay(t)) ?? 0 });
  return days;
}

function Bars({ period, rows }: { period: Period; rows: Row[] }) {
  const days = everyDay(period, rows);
  const max = Math.max(1, ...days.map((d) => d.images));
  return (
    // The table below carries the figures; the bars are their picture.
    <figure aria-hidden="true" className="flex flex-col gap-1">
      <div className="flex h-32 items-end gap-px border-b border-zinc-300 dark:border-zinc-700">
        {days.map((d) => (
          <div key={d.day} title={`${d.day}: ${plural(d.images, 'image')}`} className="flex h-full min-w-0 flex-1 items-end">
            <div className="w-full rounded-t-sm bg-violet-500 dark:bg-violet-400" style={{ height: d.images ? `${Math.max(2, (d.images / max) * 100)}%` : 0 }} />
          </div>
        ))}
      </div>
      <figcaption className="flex justify-between text-xs text-zinc-500 dark:text-zinc-400">
        <span>{period.from}</span>
        <span>most in a day: {plural(max === 1 && !days.some((d) => d.images) ? 0 : max, 'image')}</span>
        <span>{period.to}</span>
      </figcaption>
    </figure>
  );
}

function Totals({ total }: { total: Figures }) {
  const items: [string, string][] = [
    ['Images', total.images.toLocaleString('en')],
    ['Calls', `${total.calls.toLocaleString('en')}${total.failed ? ` (${total.failed.toLocaleString('en')} failed)` : ''}`],
    ['Generate / edit', `${total.generate.toLocaleString('en')} / ${total.edit.toLocaleString('en')}`],
    ['Time', duration(total.seconds)],
    ['Data', size(total.bytes)],
  ];
  return (
    <dl aria-label="Totals for the period" className="grid grid-cols-2 gap-2 sm:grid-cols-5">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-lg bg-zinc-100 px-3 py-2 dark:bg-zinc-800">
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
          <dd className="text-sm font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Figures({ rows, perUser }: { rows: Row[]; perUser: boolean }) {
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No images were made in this period.</p>;
  const num = 'py-1 pr-3 text-right tabular-nums';
  return (
    // Focusable, so that a keyboard can scroll it on a phone.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Figures per day">
      <table className="w-full text-sm">
        <caption className="sr-only">Usage per {perUser ? 'user and ' : ''}day</caption>
        <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
          <tr>
            <th className="py-1 pr-3 font-medium">Day</th>
            {perUser && <th className="py-1 pr-3 font-medium">User</th>}
            {['Images', 'Calls', 'Failed', 'Generate', 'Edit', 'Time', 'Data'].map((h) => (
              <th key={h} className="py-1 pr-3 text-right font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((r) => (
            <tr key={`${r.day} ${r.name ?? ''}`}>
              <td className="py-1 pr-3 whitespace-nowrap tabular-nums">{r.day}</td>
              {perUser && <td className="py-1 pr-3 font-medium">{r.name}</td>}
              <td className={num}>{r.images}</td>
              <td className={num}>{r.calls}</td>
              <td className={num}>{r.failed}</td>
              <td className={num}>{r.generate}</td>
              <td className={num}>{r.edit}</td>
              <td className={`${num} whitespace-nowrap`}>{duration(r.seconds)}</td>
              <td className={`${num} whitespace-nowrap`}>{size(r.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Preset = '7' | '30' | 'custom';

function PeriodPicker({ preset, period, onChange }: { preset: Preset; period: Period; onChange: (preset: Preset, period: Period) => void }) {
  return (
    <>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Period
        <select aria-label="Period" className={fieldClass} value={preset} onChange={(e) => onChange(e.target.value as Preset, e.target.value === 'custom' ? period : lastDays(Number(e.target.value)))}>
          <option value="7">Last 7 days</option>
          <option value="30">Last 30 days</option>
          <option value="custom">From … to …</option>
        </select>
      </label>
      {preset === 'custom' && (
        <>
          <label className="flex flex-col gap-1 text-sm font-medium">
            From
            <input type="date" aria-label="From" className={fieldClass} value={period.from} max={period.to} required onChange={(e) => e.target.value && onChange('custom', { ...period, from: e.target.value })} />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            To
            <input type="date" aria-label="To" className={fieldClass} value={period.to} min={period.from} required onChange={(e) => e.target.value && onChange('custom', { ...period, to: e.target.value })} />
          </label>
        </>
      )}
    </>
  );
}

/** `everyone`: an admin's page (every user, a user filter, CSV); otherwise the user's own usage. */
export function UsageDialog({ open, onClose, everyone }: { open: boolean; onClose: () => void; everyone: boolean }) {
  const [preset, setPreset] = useState<Preset>('30');
  const [custom, setCustom] = useState<Period>(() => lastDays(30));
  // "The last N days" are counted from today each time the page is drawn (it may stay open past midnight).
  const period = preset === 'custom' ? custom : lastDays(Number(preset));
  const [user, setUser] = useState('');
  const users = useUsers(open && everyone);
  const mine = useMyUsage(period, open && !everyone);
  const all = useEveryonesUsage(period, user || undefined, open && everyone);
  const query = everyone ? all : mine;
  const rows: Row[] = everyone ? (all.data?.rows ?? []) : (mine.data?.days ?? []);
  const total = rows.reduce<Figures>(add, ZERO);
  const shown = query.data ? { from: query.data.from, to: query.data.to } : period;
  return (
    <DialogFrame open={open} onClose={onClose} title={everyone ? 'Usage' : 'Your usage'}>
      <form aria-label="What to show" className="flex flex-wrap items-end gap-2" onSubmit={(e) => e.preventDefault()}>
        <PeriodPicker
          preset={preset}
          period={period}
          onChange={(p, next) => {
            setPreset(p);
            setCustom(next);
          }}
        />
        {everyone && (
          <label className="flex flex-col gap-1 text-sm font-medium">
            User
            <select aria-label="User" className={fieldClass} value={user} onChange={(e) => setUser(e.target.value)}>
              <option value="">All users</option>
              {users.data?.users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {everyone && (
          <a href={usageCsvUrl(period, user || undefined)} download className={`${secondaryClass} py-1.5`}>
            Download CSV
          </a>
        )}
      </form>
      <ErrorText error={query.error} />
      {query.data && (
        <div aria-busy={query.isFetching} className="flex flex-col gap-4">
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {shown.from} to {shown.to} (UTC days){everyone && !user ? ', every user' : ''}.
          </p>
          <Totals total={total} />
          <Bars period={shown} rows={rows} />
          <Figures rows={rows} perUser={everyone} />
        </div>
      )}
    </DialogFrame>
  );
}
