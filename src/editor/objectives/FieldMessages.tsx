import React from 'react';

/**
 * The core's messages about one field, as Grafana's Field shows an error right under its input:
 * `<Field {...fieldMessages(messages)}>`.
 */
export function fieldMessages(messages: readonly string[] | undefined): { invalid: boolean; error?: React.ReactNode } {
  if (!messages || messages.length === 0) {
    return { invalid: false };
  }
  return {
    invalid: true,
    error: (
      <span>
        {messages.map((message) => (
          <span key={message} style={{ display: 'block', overflowWrap: 'anywhere' }}>
            {message}
          </span>
        ))}
      </span>
    ),
  };
}

/**
 * A live hint under a control ("matches: mrr", the resolved dates). Grafana's Field would put a
 * description inside the label, which would change the control's accessible name — a contract here.
 * Field hands its first child `invalid`; this passes it on to the control so its border turns red.
 */
export function Hinted({
  hint,
  children,
  invalid,
}: {
  hint?: React.ReactNode;
  children: React.ReactNode;
  invalid?: boolean;
}) {
  const control =
    invalid && React.isValidElement<{ invalid?: boolean }>(children)
      ? React.cloneElement(children, { invalid })
      : children;
  return (
    <div>
      {control}
      {hint && <div style={{ fontSize: '12px', opacity: 0.75, marginTop: 2, overflowWrap: 'anywhere' }}>{hint}</div>}
    </div>
  );
}
