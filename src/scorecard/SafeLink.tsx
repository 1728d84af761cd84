import React, { ReactNode } from 'react';

import { textUtil } from '@grafana/data';

interface Props {
  href: string | undefined;
  className?: string;
  children: ReactNode;
}

// What sanitizeUrl returns for a URL it refuses (javascript:, data:, vbscript:, …).
const REFUSED_URL = 'about:blank';

/**
 * A configured link, opened in a new tab. Saved options are untrusted, so the URL goes through Grafana's
 * sanitizer first; a refused URL renders nothing rather than a link that leads nowhere.
 */
export function SafeLink({ href, className, children }: Props) {
  const safe = sanitizedHref(href);
  if (!safe) {
    return null;
  }
  return (
    <a href={safe} className={className} target="_blank" rel="noopener noreferrer" data-testid="okr-kr-link">
      {children}
    </a>
  );
}

export function sanitizedHref(href: string | undefined): string | null {
  const trimmed = href?.trim();
  if (!trimmed) {
    return null;
  }
  const safe = textUtil.sanitizeUrl(trimmed);
  return safe && safe !== REFUSED_URL ? safe : null;
}
