'use client';
// Uploads a file as it is (streamed, not read into the page) to /files/import, then opens the page of the job
// that validates it (its progress, then its validation report).
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorText } from './actions';

export function ImportForm({
  versionId,
  tables,
  labels,
}: {
  versionId: string;
  tables: readonly string[];
  labels: { file: string; table: string; auto: string; upload: string; uploading: string };
}) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [table, setTable] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const query = new URLSearchParams({ versionId, name: file.name, ...(table ? { entity: table } : {}) });
      const response = await fetch(`/files/import?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: file,
        credentials: 'same-origin',
      });
      const body = (await response.json().catch(() => ({}))) as { jobId?: string; error?: string };
      if (!response.ok || !body.jobId) throw new Error(body.error ?? `Upload failed (${response.status}).`);
      router.push(`/admin/imports/jobs/${body.jobId}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }

  return (
    <form
      className="controls"
      onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}
    >
      <label>
        {labels.file}
        <input
          type="file"
          name="file"
          accept=".csv,.json,.zip,text/csv,application/json,application/zip"
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <label>
        {labels.table}
        <select value={table} onChange={(e) => setTable(e.target.value)}>
          <option value="">{labels.auto}</option>
          {tables.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="ree-button ree-button--primary" disabled={busy || !file}>
        {busy ? labels.uploading : labels.upload}
      </button>
      <ErrorText error={error} />
    </form>
  );
}
