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
