// A field's message from the schema, next to the field it names.
export function FieldMessage({ message }: { message: string | undefined }) {
  return message ? (
    <span className="form-error" role="alert">
      {message}
    </span>
  ) : null;
}
