'use client';
// What the admin hears after an action: one status line ("Published …") and one alert for a refusal, shared by
// every control on the page. They live in the admin layout, so they outlast the row whose button was pressed
// (a deleted draft's row is gone after the refresh) and the refresh itself.
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

interface Feedback {
  done: (message: string) => void;
  failed: (message: string) => void;
}
interface Said {
  status: string | null;
  error: string | null;
}

const FeedbackContext = createContext<(Feedback & Said) | null>(null);

export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [said, setSaid] = useState<Said>({ status: null, error: null });
  const value = useMemo(
    () => ({
      ...said,
      done: (status: string) => setSaid({ status, error: null }),
      failed: (error: string) => setSaid({ status: null, error }),
    }),
    [said],
  );
  return <FeedbackContext.Provider value={value}>{children}</FeedbackContext.Provider>;
}

export function useFeedback(): Feedback {
  const feedback = useContext(FeedbackContext);
  if (!feedback) throw new Error('useFeedback needs a FeedbackProvider (the admin layout has one).');
  return feedback;
}

/**
 * The two live regions, placed by each admin page inside its <main>. Both are always rendered (empty ones take no
 * room), so a screen reader already watches them when a message arrives.
 */
export function AdminFeedback() {
  const feedback = useContext(FeedbackContext);
  return (
    <div className="admin-feedback">
      <p role="status" className="admin-feedback__status">
        {feedback?.status}
      </p>
      <p role="alert" className="form-error admin-feedback__error">
        {feedback?.error}
      </p>
    </div>
  );
}
