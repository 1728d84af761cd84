import React from 'react';

import { testIds } from '../selectors';
import { NO_VALUE } from '../display/format';

interface Props {
  messages: string[] | undefined;
  /** True when there is no objective to show: a dash stands in, so the view is never blank. */
  empty: boolean;
  /** Each view styles these at its own scale. */
  classNames: { message: string; empty: string };
}

/** The panel-level messages and the empty state that both the scorecard and the wall view start with. */
export function PanelNotices({ messages, empty, classNames }: Props) {
  return (
    <>
      {(messages ?? []).map((message) => (
        <div key={message} className={classNames.message} data-testid={testIds.message}>
          {message}
        </div>
      ))}
      {empty && (
        <div className={classNames.empty} data-testid="okr-empty">
          {NO_VALUE}
        </div>
      )}
    </>
  );
}
