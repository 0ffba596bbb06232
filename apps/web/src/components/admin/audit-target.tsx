// An audit event's target as people know it — a version's label, a user's e-mail — with the stored id kept beside
// it (small, and in the title) for anyone matching the log against the database or the CSV export.
interface Event {
  target: string | null;
  targetName: { kind: 'version' | 'user'; label: string } | null;
}

export function AuditTarget({ event }: { event: Event }) {
  if (!event.target) return '–';
  if (!event.targetName) return <span className="audit-target__id">{event.target}</span>;
  return (
    <span title={event.target}>
      {event.targetName.label} <small className="audit-target__id">{event.target}</small>
    </span>
  );
}
