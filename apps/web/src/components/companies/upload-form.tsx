'use client';
// The upload form: reads the chosen file in the browser and sends its text to `companies.create`. The API stores
// it whole or not at all; when not, its report (line, column, problem) is shown here and nothing changed.
import { Button, DataTable } from '@ree/ui';
import { useHydrated } from '@ree/ui/confirm-dialog';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc-react';

export interface UploadLabels {
  name: string;
  note: string;
  file: string;
  upload: string;
  notStored: string;
  line: string;
  column: string;
  problem: string;
}

interface Issue {
  line: number | null;
  column: string | null;
  message: string;
}

/** Needs an ApiQueryProvider above it (the page has one). */
export function UploadForm({ labels }: { labels: UploadLabels }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const create = useMutation(
    trpc.companies.create.mutationOptions({
      onSuccess: (result) => {
        if (result.ok) router.push(`/companies/${result.id}`);
        else setIssues(result.issues);
      },
    }),
  );
  return (
    <form
      className="stack"
      aria-label={labels.upload}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        setIssues([]);
        create.mutate({ name, note: note || undefined, fileName: file.name, csv: await file.text() });
      }}
    >
      <label>
        {labels.name}
        <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {labels.note}
        <input maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label>
        {labels.file}
        <input
          required
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <div>
        <Button type="submit" disabled={!hydrated || create.isPending}>
          {labels.upload}
        </Button>
      </div>
      {create.error ? (
        <p className="form-error" role="alert">
          {create.error.message}
        </p>
      ) : null}
      {issues.length > 0 ? (
        <div role="alert">
          <p className="form-error">{labels.notStored}</p>
          <div className="ree-table-wrap">
            <DataTable
              caption={labels.notStored}
              rows={issues}
              rowKey={(i) => `${i.line}-${i.column}-${i.message}`}
              columns={[
                { header: labels.line, cell: (i) => i.line ?? '—' },
                { header: labels.column, cell: (i) => i.column ?? '—' },
                { header: labels.problem, cell: (i) => i.message },
              ]}
            />
          </div>
        </div>
      ) : null}
    </form>
  );
}
