'use client';
// A question before an action that cannot be undone, in the browser's own modal <dialog>: focus moves into it and
// stays there, Escape cancels, the page behind is inert. The dialog says what will happen; Cancel has the focus,
// so a stray Enter does nothing.
import { type ReactNode, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { Button } from './button';

const noSubscription = () => () => {};

/**
 * False in the server's HTML and until React has hydrated, then true. A button whose work needs JavaScript is
 * disabled until then, so a click that comes too early is not lost (or, in a form, sent as a plain GET).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  /** The question, e.g. "Publish draft 'X' as the current version?" */
  title: string;
  /** What will happen, in a sentence ("Analysts will see it at once."). */
  message?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="ree-dialog"
      aria-labelledby={titleId}
      aria-describedby={message ? messageId : undefined}
      // Escape: the browser closes the dialog; the caller hears of it as a cancel.
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="ree-dialog__title">
        {title}
      </h2>
      {message ? (
        <p id={messageId} className="ree-dialog__message">
          {message}
        </p>
      ) : null}
      <div className="ree-dialog__actions">
        <Button variant="secondary" autoFocus onClick={onCancel}>
          {cancelLabel}
        </Button>
        <Button variant="primary" onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}

export interface ConfirmButtonProps extends Omit<ConfirmDialogProps, 'open' | 'onCancel'> {
  /** The button's own text ("Delete"). */
  label: string;
  disabled?: boolean;
  variant?: 'primary' | 'secondary';
}

/** A button that asks first: the action runs only once the dialog is confirmed. */
export function ConfirmButton({
  label,
  disabled,
  variant = 'secondary',
  onConfirm,
  ...dialog
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  return (
    <>
      <Button
        variant={variant}
        disabled={disabled || !hydrated}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      <ConfirmDialog
        {...dialog}
        open={open}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          onConfirm();
        }}
      />
    </>
  );
}
