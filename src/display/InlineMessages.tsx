import React from 'react';

import { testIds } from '../selectors';

/**
 * Messages on one line, each its own element (the render report reads each message whole), separated by
 * " · ". The caller's element cuts the line; `title` there holds them all.
 */
export function InlineMessages({ messages }: { messages: readonly string[] }) {
  return (
    <>
      {messages.map((message, i) => (
        <React.Fragment key={message}>
          {i > 0 && ' · '}
          <span data-testid={testIds.message}>{message}</span>
        </React.Fragment>
      ))}
    </>
  );
}
